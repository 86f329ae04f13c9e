import { randomBytes } from 'node:crypto';
import { Client } from '../../../../test/helpers.js';
import type { App } from '../../../app.js';
import type { Db } from '../../../platform/db/pool.js';
import { createSession, createUser } from '../../identity/index.js';
import { sellerMembers, sellers } from '../schema.js';

type Role = 'buyer' | 'officer' | 'admin';

/** A signed-in browser for a new user of the given role. */
export async function signedIn(app: App, db: Db, role: Role = 'buyer', fullName = 'Người dùng thử') {
  const tag = randomBytes(4).toString('hex');
  const user = await createUser(db, {
    email: `${role}-${tag}@example.vn`,
    fullName,
    password: 'mat-khau-dai-123',
    role,
  });
  const { token } = await createSession(db, user.id, {});
  const client = new Client(app);
  client.cookies.set('sid', token);
  return { user, client };
}

/** A seller row with its owner signed in, as the application form would have left it. */
export async function sellerWithOwner(
  app: App,
  db: Db,
  s: {
    repName?: string | null;
    repCitizenId?: string | null;
    status?: (typeof sellers.$inferInsert)['status'];
  } = {},
) {
  const owner = await signedIn(app, db, 'buyer', 'Chủ gian hàng');
  const tag = randomBytes(4).toString('hex');
  const [seller] = await db
    .insert(sellers)
    .values({
      legalForm: 'household',
      shopName: `Cơ sở mắm Nha Trang ${tag}`,
      slug: `mam-nha-trang-${tag}`,
      repName: s.repName === undefined ? 'Nguyễn Thị Hồng Đào' : s.repName,
      repCitizenId: s.repCitizenId === undefined ? '056190001234' : s.repCitizenId,
      status: s.status ?? 'submitted',
      createdBy: owner.user.id,
    })
    .returning();
  await db.insert(sellerMembers).values({ sellerId: seller.id, userId: owner.user.id, role: 'owner' });
  return { seller, owner };
}
