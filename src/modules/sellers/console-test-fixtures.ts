/**
 * Test data for the console and storefront tests: sellers inserted as the application form
 * leaves them, then moved along with transitionSeller.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import type { Actor } from '../../platform/http/context.js';
import { actorOf, createUser, sha256 } from '../identity/index.js';
import { type SellerStatus, sellerLifecycle } from './lifecycle.js';
import { sellerMembers, sellers } from './schema.js';
import { transitionSeller } from './transitions.js';

type User = Awaited<ReturnType<typeof createUser>>;

export const tag = () => randomBytes(4).toString('hex');

/** A test file's app, and an officer signed in to it (the console tests start this way). */
export async function appWithOfficer() {
  const t = await testApp();
  return { t, officer: await signedIn(t, 'officer', 'Trần Thị Cán Bộ') };
}

/** A personal access token with the given scopes (what the account page would mint). */
export async function bearer(t: TestApp, userId: string, scopes: string[]): Promise<Record<string, string>> {
  const token = `tmdt_${randomBytes(24).toString('base64url')}`;
  await t.db.execute(sql`INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, scopes)
    VALUES (gen_random_uuid(), ${userId}, 'test', ${sha256(token)}, ${token.slice(0, 11)}, ${`{${scopes.join(',')}}`}::text[])`);
  return { authorization: `Bearer ${token}` };
}

const publicUrl = 'http://localhost:3000';

/**
 * A household business in Khánh Hòa with its owner (a buyer account) as member, brought to
 * `status` through the lifecycle by `officer` (made when not given).
 */
export async function makeSeller(
  t: TestApp,
  opts: {
    status?: SellerStatus;
    officer?: Actor;
    owner?: User;
    values?: Partial<typeof sellers.$inferInsert>;
  } = {},
) {
  const owner =
    opts.owner ??
    (await createUser(t.db, {
      email: `owner-${tag()}@example.vn`,
      fullName: 'Nguyễn Thị Hồng Đào',
      password: 'mat-khau-dai-123',
    }));
  const k = tag();
  const [seller] = await t.db
    .insert(sellers)
    .values({
      legalForm: 'household',
      shopName: `Cơ sở Yến sào Hòn Nội ${k}`,
      slug: `yen-sao-hon-noi-${k}`,
      description: 'Yến sào khai thác tự nhiên tại đảo Hòn Nội.\nĐóng hộp tại cơ sở.',
      taxCode: `8${String(parseInt(k, 16) % 1e9).padStart(9, '0')}`,
      businessRegNo: `37A8${k}`,
      businessRegDate: '2019-05-14',
      repName: 'Nguyễn Thị Hồng Đào',
      repCitizenId: '056190001234',
      provinceCode: '56',
      communeCode: '22333',
      street: '12 Trần Phú',
      phone: '0912345678',
      email: `lienhe-${k}@yensao.vn`,
      bankBin: '970436',
      bankAccountNo: '0011004455667',
      bankAccountName: 'NGUYEN THI HONG DAO',
      categories: ['food'],
      createdBy: owner.id,
      ...opts.values,
    })
    .returning();
  await t.db.insert(sellerMembers).values({ sellerId: seller.id, userId: owner.id, role: 'owner' });
  const steps = sellerLifecycle.pathTo('draft', opts.status ?? 'submitted');
  const officer =
    opts.officer ??
    (steps.length > 1 ? (await signedIn(t, 'officer', 'Trần Văn Cán Bộ')).actor : actorOf(owner));
  for (const action of steps) {
    const member = action === 'submit';
    await transitionSeller(t.db, {
      sellerId: seller.id,
      action,
      actor: member ? actorOf(owner) : officer,
      party: member ? 'member' : 'officer',
      reason: member || action === 'approve' ? undefined : 'Lý do kiểm thử',
      publicUrl,
    });
  }
  return { seller, owner };
}

/** Moves a seller's submission back in time, as if it had been waiting since `at`. */
export async function submittedAt(t: TestApp, sellerId: string, at: Date) {
  await t.db.execute(sql`UPDATE sellers SET submitted_at = ${at.toISOString()} WHERE id = ${sellerId}`);
}
