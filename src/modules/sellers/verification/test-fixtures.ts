import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { signedIn, type TestApp } from '../../../../test/helpers.js';
import { sellerMembers, sellers } from '../schema.js';

/** A seller row with its owner signed in, as the application form would have left it. */
export async function sellerWithOwner(
  t: TestApp,
  s: {
    repName?: string | null;
    repCitizenId?: string | null;
    status?: (typeof sellers.$inferInsert)['status'];
  } = {},
) {
  const owner = await signedIn(t, 'buyer', 'Chủ gian hàng');
  const tag = randomBytes(4).toString('hex');
  const [seller] = await t.db
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
  await t.db.insert(sellerMembers).values({ sellerId: seller.id, userId: owner.user.id, role: 'owner' });
  return { seller, owner };
}

/** The seller's row as stored now. */
export async function sellerRow(t: TestApp, id: string) {
  const [s] = await t.db.select().from(sellers).where(eq(sellers.id, id));
  return s;
}
