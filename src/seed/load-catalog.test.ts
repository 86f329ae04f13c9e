import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client, type TestApp, testApp } from '../../test/helpers.js';
import { commune } from '../modules/geo/index.js';
import { hashPassword } from '../modules/identity/passwords.js';
import { foldVietnamese } from '../platform/text.js';
import { runSeed } from './command.js';
import { DEMO_PASSWORD } from './demo.js';
import { demoShopOffers, FIRST_START } from './demo-products.js';
import { loadCatalog } from './load-catalog.js';

const demoProducts = Object.keys(demoShopOffers).length * 10;

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const count = async (query: ReturnType<typeof sql>) => (await t.db.execute<{ n: number }>(query)).rows[0].n;

test('the seed command loads the demo data into an empty database, then 2,000 products in a run of their own', async () => {
  const said: string[] = [];
  await runSeed(t.db, t.app.deps.config, 2000, (m) => said.push(m));
  assert.match(said.join('\n'), /Seed run 1: 2000 products of \d+ shops/);
  const run = sql`(SELECT m.seller_id FROM seller_members m JOIN users u ON u.id = m.user_id
                   WHERE m.role = 'owner' AND u.email LIKE 'ban-hang-1-%')`;
  assert.equal(await count(sql`SELECT count(*)::int AS n FROM products WHERE seller_id IN ${run}`), 2000);
  const shops = await count(
    sql`SELECT count(*)::int AS n FROM sellers WHERE id IN ${run} AND status = 'approved'`,
  );
  assert.ok(shops >= 25 && shops <= 40, `${shops} shops: about one per 60 products`);
  // Every product has its variants, its picture, its history and its search document.
  assert.equal(
    await count(sql`SELECT count(DISTINCT product_id)::int AS n FROM product_variants
                    WHERE product_id IN (SELECT id FROM products WHERE seller_id IN ${run})`),
    2000,
  );
  assert.equal(
    await count(sql`SELECT count(*)::int AS n FROM product_images
                    WHERE product_id IN (SELECT id FROM products WHERE seller_id IN ${run})`),
    2000,
  );
  assert.equal(
    await count(sql`SELECT count(*)::int AS n FROM product_transitions
                    WHERE to_status = 'published' AND product_id IN (SELECT id FROM products WHERE seller_id IN ${run})`),
    2000,
  );
  assert.equal(
    await count(sql`SELECT count(*)::int AS n FROM search_documents WHERE seller_id IN ${run}`),
    2000,
  );
  const total = 2000 + FIRST_START.products + demoProducts;
  assert.equal(await count(sql`SELECT count(*)::int AS n FROM products WHERE status = 'published'`), total);
  assert.equal(await count(sql`SELECT count(*)::int AS n FROM search_documents`), total);
  // Prices as stored: whole thousands of đồng; the lowest one kept on the product.
  assert.equal(
    await count(sql`SELECT count(*)::int AS n FROM product_variants WHERE price % 1000 <> 0 OR price <= 0`),
    0,
  );
  assert.equal(
    await count(sql`SELECT count(*)::int AS n FROM products p
                    WHERE price_min <> (SELECT min(price) FROM product_variants v WHERE v.product_id = p.id)`),
    0,
  );
});

test('a generated shop owner signs in with the demo password; the run’s products are found by search', async () => {
  const res = await new Client(t.app).json('POST', '/api/v1/auth/signin', {
    identifier: 'ban-hang-1-1@demo.tmdt.vn',
    password: DEMO_PASSWORD,
  });
  assert.equal(res.statusCode, 200, res.body);
  // The run's best seller, typed as on a phone: no diacritics.
  const [best] = (
    await t.db.execute<{ name: string }>(sql`
      SELECT p.name FROM products p JOIN seller_members m ON m.seller_id = p.seller_id AND m.role = 'owner'
      JOIN users u ON u.id = m.user_id WHERE u.email LIKE 'ban-hang-1-%' ORDER BY p.sales_count DESC LIMIT 1`)
  ).rows;
  const q = foldVietnamese(best.name).toLowerCase();
  const found = await new Client(t.app).get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  assert.equal(found.statusCode, 200);
  const hits = found.json().hits as { name: string }[];
  assert.ok(
    hits.slice(0, 10).some((h) => h.name === best.name),
    `${q}: ${hits.map((h) => h.name).join(', ')}`,
  );
});

test('running again adds another run: other shops, other slugs and tax codes, the same pictures', async () => {
  const before = await count(sql`SELECT count(*)::int AS n FROM files`);
  const r = await loadCatalog(t.db, t.app.deps.storage, {
    products: 500,
    provinceCode: '56',
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  assert.equal(r.batch, 2);
  assert.equal(
    await count(sql`SELECT count(*)::int AS n FROM users WHERE email LIKE 'ban-hang-2-%'`),
    r.sellers,
  );
  assert.equal(
    await count(sql`SELECT count(*)::int AS n FROM products`),
    2000 + FIRST_START.products + demoProducts + 500,
  );
  // Pictures are made once per kind and reused by later runs (only kinds new to this run are drawn).
  assert.equal(
    await count(sql`SELECT count(*)::int AS n FROM (SELECT original_name FROM files
                    WHERE original_name LIKE 'demo-%' GROUP BY 1 HAVING count(*) > 1) d`),
    0,
  );
  assert.ok((await count(sql`SELECT count(*)::int AS n FROM files`)) - before < 10);
});

test('an instance of another province seeds shops of its own communes', async () => {
  const other = await testApp({ PROVINCE_CODE: '01' });
  try {
    const r = await loadCatalog(other.db, other.app.deps.storage, {
      products: 600,
      provinceCode: other.app.deps.config.provinceCode,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    const shops = await other.db.execute<{ province_code: string; commune_code: string }>(
      sql`SELECT province_code, commune_code FROM sellers`,
    );
    assert.equal(shops.rows.length, r.sellers);
    const home = shops.rows.filter((s) => s.province_code === '01');
    assert.ok(home.length >= 2, `${home.length} shops in Hà Nội`);
    for (const s of shops.rows) assert.equal(commune(s.commune_code)?.provinceCode, s.province_code);
    const docs = await other.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM search_documents`);
    assert.equal(docs.rows[0].n, 600);
  } finally {
    await other.close();
  }
});
