import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { actorOf, createUser } from '../modules/identity/index.js';
import { hashPassword } from '../modules/identity/passwords.js';
import { sellerLifecycle, transitionSeller } from '../modules/sellers/index.js';
import { ocopCertificates, sellerMembers, sellers, sellerTransitions } from '../modules/sellers/schema.js';
import type { Db } from '../platform/db/pool.js';
import { outbox } from '../platform/jobs/schema.js';
import { MAIL_TOPIC } from '../platform/mail/outbox.js';
import { localStorage, type Storage } from '../platform/storage/storage.js';
import { foldVietnamese, slugify } from '../platform/text.js';
import { seedDemoProducts } from './demo-products.js';
import { demoSellers, demoStaff } from './demo-sellers.js';
import { seedDemoShipping } from './demo-shipping.js';

/** Password of every demo account (listed in the README). */
export const DEMO_PASSWORD = 'matkhau-demo-2026';

export async function isEmpty(db: Db): Promise<boolean> {
  const r = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
  return r.rows[0].n === 0;
}

/**
 * Vietnamese demo data for a first look: an account for every role, a dozen approved sellers
 * of different legal forms and communes, and applications waiting in each state. Lifecycle
 * moves go through the same service as real ones, so histories and audit rows are real.
 * Then the catalogue: about ten products for each approved demo shop and a small generated
 * catalogue over further shops (see demo-products.ts), searchable at once.
 */
export async function seedDemo(
  db: Db,
  config: Config,
  say: (m: string) => void,
  storage: Storage = localStorage(path.join(config.dataDir, 'uploads')),
): Promise<void> {
  const t0 = Date.now();
  await createUser(db, { ...demoStaff.admin, password: DEMO_PASSWORD, role: 'admin' });
  const officer = actorOf(
    await createUser(db, { ...demoStaff.officer, password: DEMO_PASSWORD, role: 'officer' }),
  );
  await createUser(db, { ...demoStaff.buyer, password: DEMO_PASSWORD });

  for (const d of demoSellers) {
    const owner = actorOf(await createUser(db, { ...d.owner, password: DEMO_PASSWORD }));
    const [s] = await db
      .insert(sellers)
      .values({
        legalForm: d.legalForm,
        shopName: d.shopName,
        slug: slugify(d.shopName),
        description: d.description,
        taxCode: d.taxCode,
        businessRegNo: d.businessRegNo,
        businessRegDate: d.businessRegDate,
        repName: d.repName,
        repCitizenId: d.repCitizenId,
        // The demo sellers are of Khánh Hòa (the default instance), whatever PROVINCE_CODE says.
        provinceCode: '56',
        communeCode: d.communeCode,
        street: d.street,
        phone: d.owner.phone,
        email: d.owner.email,
        bankBin: d.bankBin,
        bankAccountNo: d.bankAccountNo,
        bankAccountName: foldVietnamese(d.repName).toUpperCase(),
        categories: d.categories,
        createdBy: owner.id,
      })
      .returning({ id: sellers.id });
    await db.insert(sellerMembers).values({ sellerId: s.id, userId: owner.id, role: 'owner' });
    if (d.staff) {
      const staff = await createUser(db, { ...d.staff, password: DEMO_PASSWORD });
      await db.insert(sellerMembers).values({ sellerId: s.id, userId: staff.id, role: 'staff' });
    }
    for (const c of d.ocop ?? []) await db.insert(ocopCertificates).values({ sellerId: s.id, ...c });
    for (const action of sellerLifecycle.pathTo('draft', d.state)) {
      await transitionSeller(db, {
        sellerId: s.id,
        action,
        actor: action === 'submit' ? owner : officer,
        party: action === 'submit' ? 'member' : 'officer',
        reason: action === 'submit' || action === 'approve' ? undefined : d.reason,
        publicUrl: config.publicUrl,
      });
    }
    await backdate(db, s.id, d.daysAgo);
  }
  await seedDemoShipping(db);
  // Demo notifications stay in the app; their mails are not sent to the made-up addresses.
  await db.update(outbox).set({ processedAt: new Date() }).where(eq(outbox.topic, MAIL_TOPIC));
  const catalog = await seedDemoProducts(db, storage, {
    provinceCode: config.provinceCode,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  say(
    `Demo data loaded in ${Date.now() - t0} ms: ${demoSellers.length} sellers, ${catalog.products + catalog.generated} products. Password of every demo account: ${DEMO_PASSWORD}`,
  );
}

/** Spreads a demo seller's history over the past days, so the queue shows real waiting times. */
async function backdate(db: Db, sellerId: string, daysAgo: number): Promise<void> {
  const day = 86_400_000;
  const submitted = new Date(Date.now() - daysAgo * day);
  const decided = new Date(submitted.getTime() + Math.min(2, daysAgo / 2) * day);
  await db
    .update(sellers)
    .set({
      createdAt: new Date(submitted.getTime() - day),
      submittedAt: sql`CASE WHEN ${sellers.submittedAt} IS NULL THEN NULL ELSE ${submitted.toISOString()}::timestamptz END`,
      decidedAt: sql`CASE WHEN ${sellers.decidedAt} IS NULL THEN NULL ELSE ${decided.toISOString()}::timestamptz END`,
    })
    .where(eq(sellers.id, sellerId));
  await db
    .update(sellerTransitions)
    .set({ at: submitted })
    .where(and(eq(sellerTransitions.sellerId, sellerId), eq(sellerTransitions.toStatus, 'submitted')));
  await db
    .update(sellerTransitions)
    .set({ at: decided })
    .where(and(eq(sellerTransitions.sellerId, sellerId), sql`${sellerTransitions.toStatus} <> 'submitted'`));
}
