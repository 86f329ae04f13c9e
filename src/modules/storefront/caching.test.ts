import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { updateProduct } from '../catalog/index.js';
import { approvedShop, birdNest } from './test-fixtures.js';

let t: TestApp;
let shop: Awaited<ReturnType<typeof approvedShop>>;
before(async () => {
  t = await testApp();
  shop = await approvedShop(t);
});
after(() => t.close());

const get = (url: string, headers?: Record<string, string>) => new Client(t.app).get(url, headers);

test('anonymous visitors get a page shared caches may keep a minute, with an ETag and a date', async () => {
  const p = await shop.product(birdNest());
  const res = await get(`/san-pham/${p.slug}`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'public, max-age=60');
  assert.match(String(res.headers.vary), /Cookie/);
  assert.match(String(res.headers.vary), /Accept-Language/);
  assert.match(String(res.headers.etag), /^"[\w-]{20,}"$/);
  const lastModified = Date.parse(String(res.headers['last-modified']));
  assert.ok(Math.abs(lastModified - Date.now()) < 60_000, 'the product was just published');
  assert.equal(res.headers['set-cookie'], undefined, 'a shared page sets no cookie');
});

test('a current copy is answered 304 by ETag or by date; the ETag wins when both are sent', async () => {
  const p = await shop.product(birdNest());
  const first = await get(`/san-pham/${p.slug}`);
  const etag = String(first.headers.etag);
  const date = String(first.headers['last-modified']);

  const byTag = await get(`/san-pham/${p.slug}`, { 'if-none-match': etag });
  assert.equal(byTag.statusCode, 304);
  assert.equal(byTag.body, '');
  assert.equal(byTag.headers.etag, etag);
  assert.equal(byTag.headers['cache-control'], 'public, max-age=60');
  assert.equal((await get(`/san-pham/${p.slug}`, { 'if-none-match': `W/${etag}, "x"` })).statusCode, 304);

  assert.equal((await get(`/san-pham/${p.slug}`, { 'if-modified-since': date })).statusCode, 304);
  const earlier = new Date(Date.parse(date) - 1000).toUTCString();
  assert.equal((await get(`/san-pham/${p.slug}`, { 'if-modified-since': earlier })).statusCode, 200);
  const both = await get(`/san-pham/${p.slug}`, { 'if-none-match': '"stale"', 'if-modified-since': date });
  assert.equal(both.statusCode, 200);
});

test('the ETag changes with the product, its seller and the language', async () => {
  const p = await shop.product(birdNest());
  const etagOf = async (headers: Record<string, string> = {}) =>
    String((await get(`/san-pham/${p.slug}`, headers)).headers.etag);
  const before = await etagOf();
  assert.equal(await etagOf(), before, 'the same page, the same ETag');
  assert.notEqual(await etagOf({ 'accept-language': 'en' }), before);

  await updateProduct(
    t.db,
    shop.owner.id,
    p.id,
    birdNest({ name: p.name, variants: [{ name: 'Hộp 50 g', price: '1.300.000', stock: '3' }] }),
  );
  const afterPrice = await get(`/san-pham/${p.slug}`, { 'if-none-match': before });
  assert.equal(afterPrice.statusCode, 200);
  assert.match(afterPrice.body, /1\.300\.000 ₫/);
  const priced = String(afterPrice.headers.etag);
  assert.notEqual(priced, before);

  // The seller's disclosure is part of the page: a new phone number is a new page.
  await t.db.execute(
    sql`UPDATE sellers SET phone = '0258 3822 999', updated_at = now() WHERE id = ${shop.seller.id}`,
  );
  const afterSeller = await get(`/san-pham/${p.slug}`, { 'if-none-match': priced });
  assert.equal(afterSeller.statusCode, 200);
  assert.match(afterSeller.body, /0258 3822 999/);
});

test('stock running out changes the page even when nothing else records a change', async () => {
  const p = await shop.product(birdNest());
  const etag = String((await get(`/san-pham/${p.slug}`)).headers.etag);
  await t.db.execute(sql`UPDATE product_variants SET stock = 0 WHERE product_id = ${p.id}`);
  const res = await get(`/san-pham/${p.slug}`, { 'if-none-match': etag });
  assert.equal(res.statusCode, 200);
  assert.doesNotMatch(res.body, /<td>Còn hàng<\/td>/);
});

test('signed-in visitors get a private page that is never stored, and no validators', async () => {
  const p = await shop.product(birdNest());
  const etag = String((await get(`/san-pham/${p.slug}`)).headers.etag);
  const { client } = await signedIn(t, 'buyer', 'Trần Thị Mua');
  const res = await client.get(`/san-pham/${p.slug}`, { 'if-none-match': etag });
  assert.equal(res.statusCode, 200, 'never a 304 for a page that names the user');
  assert.equal(res.headers['cache-control'], 'private, no-store');
  assert.equal(res.headers.etag, undefined);
  assert.equal(res.headers['last-modified'], undefined);
  assert.match(res.body, /Đăng xuất/);
});

test('the JSON twin is validated the same way', async () => {
  const p = await shop.product(birdNest());
  const res = await get(`/api/v1/products/${p.slug}`);
  assert.equal(res.statusCode, 200);
  const etag = String(res.headers.etag);
  assert.notEqual(etag, String((await get(`/san-pham/${p.slug}`)).headers.etag), 'JSON and HTML differ');
  const again = await get(`/api/v1/products/${p.slug}`, { 'if-none-match': etag });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
});

test('home and category pages may be kept a minute by anonymous visitors, not when signed in', async () => {
  for (const url of ['/', '/danh-muc/food', '/danh-muc/food.bird_nest']) {
    assert.equal((await get(url)).headers['cache-control'], 'public, max-age=60', url);
  }
  const { client } = await signedIn(t);
  assert.equal((await client.get('/danh-muc/food')).headers['cache-control'], 'private, no-store');
});
