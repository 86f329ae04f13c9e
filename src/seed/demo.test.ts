import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { Client, signedIn, type TestApp, testApp } from '../../test/helpers.js';
import { applicationSchema } from '../modules/sellers/index.js';
import { sellerMembers, sellers } from '../modules/sellers/schema.js';
import { foldVietnamese } from '../platform/text.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';
import { demoShopOffers, FIRST_START } from './demo-products.js';
import { demoSellers } from './demo-sellers.js';
import { demoShipping } from './demo-shipping.js';

let t: TestApp;
before(async () => {
  t = await testApp({ TRUST_PROXY: 'true' });
  await seedDemo(t.db, t.app.deps.config, () => {});
});
after(() => t.close());

test('a dozen approved sellers of different legal forms and communes, and applications in every state', async () => {
  const rows = await t.db.execute<{ status: string; n: number }>(
    sql`SELECT status, count(*)::int AS n FROM sellers GROUP BY status`,
  );
  const byStatus = Object.fromEntries(rows.rows.map((r) => [r.status, r.n]));
  assert.ok(byStatus.approved >= 12, `approved: ${byStatus.approved}`);
  for (const s of ['draft', 'submitted', 'needs_changes', 'rejected', 'suspended'])
    assert.ok(byStatus[s] >= 1, s);
  const approved = await t.db.select().from(sellers).where(eq(sellers.status, 'approved'));
  assert.equal(new Set(approved.map((s) => s.legalForm)).size, 4);
  assert.ok(new Set(approved.map((s) => s.communeCode)).size >= 10);
});

test('every demo seller passes the same validation as a real application', () => {
  for (const d of demoSellers) {
    const input = {
      ...d,
      provinceCode: '56',
      phone: d.owner.phone,
      email: d.owner.email,
      bankAccountName: foldVietnamese(d.repName).toUpperCase(),
      ocop: d.ocop?.map((c) => ({ ...c, stars: String(c.stars), groupCode: String(c.groupCode) })),
    };
    const r = applicationSchema('submit').safeParse(input);
    assert.ok(r.success, `${d.shopName}: ${JSON.stringify(r.error?.issues)}`);
  }
});

test('histories carry the officers’ reasons, and a shop has a staff member', async () => {
  const reasons = await t.db.execute<{ reason: string }>(
    sql`SELECT reason FROM seller_transitions WHERE to_status = 'needs_changes'`,
  );
  assert.match(reasons.rows[0].reason, /Giấy chứng nhận/);
  const staff = await t.db.select().from(sellerMembers).where(eq(sellerMembers.role, 'staff'));
  assert.equal(staff.length, 1);
});

test('every account listed in the README signs in with the demo password', async () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Demo accounts'), readme.indexOf('## Configuration'));
  const emails = [...section.matchAll(/`([a-z0-9.-]+@demo\.tmdt\.vn)`/g)].map((m) => m[1]);
  assert.ok(emails.length >= 10);
  for (const [i, identifier] of emails.entries()) {
    const res = await new Client(t.app).json(
      'POST',
      '/api/v1/auth/signin',
      { identifier, password: DEMO_PASSWORD },
      { 'x-forwarded-for': `10.0.0.${i + 1}` },
    );
    assert.equal(res.statusCode, 200, `${identifier}: ${res.body}`);
  }
});

test('first start: ten published products for each approved demo shop, and a generated catalogue beside them', async () => {
  const rows = await t.db.execute<{ email: string; n: number }>(sql`
    SELECT u.email, count(p.id)::int AS n FROM products p
    JOIN seller_members m ON m.seller_id = p.seller_id AND m.role = 'owner'
    JOIN users u ON u.id = m.user_id
    WHERE p.status = 'published' GROUP BY u.email`);
  const byOwner = Object.fromEntries(rows.rows.map((r) => [r.email, r.n]));
  for (const email of Object.keys(demoShopOffers)) assert.equal(byOwner[email], 10, email);
  assert.equal(byOwner['banhtrang@demo.tmdt.vn'], undefined, 'a suspended shop has nothing on sale');
  const generated = rows.rows.filter((r) => r.email.startsWith('ban-hang-0-'));
  assert.equal(
    generated.reduce((s, r) => s + r.n, 0),
    FIRST_START.products,
  );
  assert.ok(generated.length >= 10, `${generated.length} generated shops`);
  const [docs] = (
    await t.db.execute<{ docs: number; products: number }>(sql`
    SELECT (SELECT count(*)::int FROM search_documents) AS docs,
           (SELECT count(*)::int FROM products WHERE status = 'published') AS products`)
  ).rows;
  assert.equal(docs.docs, docs.products);
});

test('the demo products are found by search, typed without diacritics', async () => {
  const c = new Client(t.app);
  for (const [q, shop] of [
    ['yen sao cam lam', 'Hợp tác xã Yến sào Cam Lâm'],
    ['nuoc mam ca na', 'Công ty TNHH Nước mắm Cà Ná'],
    ['gom bau truc', 'Hợp tác xã Gốm Bàu Trúc'],
  ]) {
    const res = await c.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.statusCode, 200, res.body);
    const hits = res.json().hits as { name: string; seller: { name: string } }[];
    assert.ok(
      hits.slice(0, 10).some((h) => h.seller.name === shop),
      `${q}: ${hits.map((h) => h.name).join(', ')}`,
    );
  }
});

test('product pictures are WebP renditions 320, 640 and 1024 px wide in storage, served to browsers', async () => {
  const images = await t.db.execute<{
    product_id: string;
    file_id: string;
    renditions: { width: number; key: string }[];
    email: string;
  }>(sql`
    SELECT i.product_id, i.file_id, i.renditions, u.email FROM product_images i
    JOIN products p ON p.id = i.product_id
    JOIN seller_members m ON m.seller_id = p.seller_id AND m.role = 'owner'
    JOIN users u ON u.id = m.user_id`);
  const { storage } = t.app.deps;
  const demo = images.rows.filter((i) => i.email in demoShopOffers);
  const generated = images.rows.filter((i) => i.email.startsWith('ban-hang-'));
  // Demo shops' owners may delete a picture: theirs are their own; generated products share one per kind.
  assert.equal(new Set(demo.map((i) => i.file_id)).size, demo.length);
  for (const i of demo) assert.ok(i.renditions.every((r) => r.key.startsWith(`products/${i.product_id}/`)));
  assert.ok(new Set(generated.map((i) => i.file_id)).size < generated.length / 2);
  for (const i of [...demo.slice(0, 5), ...generated.slice(0, 5)]) {
    assert.deepEqual(
      i.renditions.map((r) => r.width),
      [320, 640, 1024],
    );
    for (const r of i.renditions) {
      const meta = await sharp(await storage.get(r.key)).metadata();
      assert.equal(meta.format, 'webp');
      assert.equal(meta.width, r.width);
    }
    const res = await new Client(t.app).get(`/anh/${i.renditions[0].key}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/webp');
  }
  const files = await t.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM files WHERE id IN (SELECT file_id FROM product_images)`,
  );
  assert.equal(files.rows[0].n, new Set(images.rows.map((i) => i.file_id)).size);
});

test('some demo shops deliver, one of each kind of fee, and the checkout offers it', async () => {
  const rules = await t.db.execute<{ shop_name: string; mode: string }>(
    sql`SELECT s.shop_name, r.mode FROM shipping_rules r JOIN sellers s ON s.id = r.seller_id`,
  );
  assert.equal(rules.rows.length, Object.keys(demoShipping).length);
  assert.deepEqual(new Set(rules.rows.map((r) => r.mode)), new Set(['flat', 'weight', 'zone']));
  const [variant] = (
    await t.db.execute<{ id: string }>(sql`SELECT v.id FROM product_variants v
      JOIN products p ON p.id = v.product_id JOIN sellers s ON s.id = p.seller_id
      WHERE s.shop_name = 'Hợp tác xã Yến sào Cam Lâm' AND p.status = 'published' AND v.stock > 0
      ORDER BY v.price LIMIT 1`)
  ).rows;
  const buyer = await signedIn(t);
  await buyer.client.json('POST', '/api/v1/cart/items', { variantId: variant.id, quantity: 1 });
  const quote = (await buyer.client.json('GET', '/api/v1/checkout')).json();
  assert.deepEqual(quote.shops[0].delivery, { fee: 30_000 });
  assert.ok(quote.shops[0].pickup);
});
