import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { BRIEF_MS } from '../../platform/brief-cache.js';
import { upsertSearchDocs } from './documents.js';
import { fixtures } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
  await upsertSearchDocs(t.db, fixtures);
});
after(() => t.close());

const api = (url: string, lang?: 'en') => new Client(t.app).get(url, lang ? { 'accept-language': 'en' } : {});

test('a search answers hits with links, prices in đồng, named facets and the score; cacheable for a second', async () => {
  const res = await api('/api/v1/search?q=yen+sao+cam+lam');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'public, max-age=1');
  assert.match(String(res.headers.vary), /Accept-Language/);
  const body = res.json();
  const first = body.hits[0];
  assert.equal(first.url, `/san-pham/${first.slug}`);
  assert.match(first.name, /Yến sào .*Cam Lâm/);
  assert.equal(first.category.name, 'Yến sào');
  assert.equal(first.origin.commune.name, 'Xã Cam Lâm');
  assert.equal(first.origin.province.name, 'Tỉnh Khánh Hòa');
  assert.equal(typeof first.priceMin, 'number');
  assert.equal(first.image.renditions[0].url, `/anh/p/${first.slug}-320.webp`);
  assert.ok(first.score.relevance > 0);
  assert.equal(body.sort, 'relevance');
  assert.ok(body.facets.category.some((f: { label: string }) => f.label === 'Yến sào'));
  assert.ok(body.facets.seller.some((f: { label: string }) => f.label === 'Hợp tác xã Yến sào Cam Lâm'));
  assert.ok(body.facets.stars.every((f: { label: string }) => /^OCOP [345]★$/.test(f.label)));
});

test('names follow the language', async () => {
  const body = (await api('/api/v1/search?q=yen+sao', 'en')).json();
  assert.equal(body.hits[0].category.name, "Bird's nest");
});

test('filters and sort are checked, and wrong ones answered in Vietnamese, field by field', async () => {
  const res = await api(
    '/api/v1/search?q=yen&stars=7&price_min=abc&category=food.cars&seller=12&sort=cheapest&province=99&commune=1',
  );
  assert.equal(res.statusCode, 422);
  const fields = Object.fromEntries(
    res.json().error.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
  );
  assert.deepEqual(fields, {
    stars: 'Số sao OCOP phải là 3, 4 hoặc 5.',
    price_min: 'Giá phải là số tiền nguyên (đồng), ví dụ 250.000.',
    category: 'Danh mục không tồn tại.',
    seller: 'Mã người bán không đúng.',
    sort: 'Cách sắp xếp không hợp lệ.',
    province: 'Mã tỉnh, thành phố không đúng.',
    commune: 'Mã xã, phường không đúng.',
  });
  assert.equal(res.json().error.message, 'Dữ liệu chưa hợp lệ. Vui lòng sửa các mục được đánh dấu.');
});

test('a price range upside down, and a next-page link that is not one, are refused', async () => {
  let res = await api('/api/v1/search?q=mat+ong&price_min=300.000&price_max=100000');
  assert.equal(res.statusCode, 422);
  assert.deepEqual(res.json().error.fields, [
    { field: 'price_max', message: 'Giá tối đa phải lớn hơn hoặc bằng giá tối thiểu.' },
  ]);
  res = await api('/api/v1/search?q=mat+ong&cursor=abc', 'en');
  assert.equal(res.statusCode, 422);
  assert.deepEqual(res.json().error.fields, [
    { field: 'cursor', message: 'This next-page link is no longer valid. Search again from the first page.' },
  ]);
});

test('prices are read as Vietnamese write them; the next page follows the cursor', async () => {
  const url = '/api/v1/search?q=ca&price_min=50.000&price_max=1.000.000&sort=price_asc';
  const one = (await api(url)).json();
  assert.ok(one.hits.length === 24 && one.nextCursor, 'a full first page');
  assert.ok(one.hits.every((h: { priceMin: number }) => h.priceMin >= 50_000 && h.priceMin <= 1_000_000));
  const two = (await api(`${url}&cursor=${one.nextCursor}`)).json();
  const ids = [...one.hits, ...two.hits].map((h: { productId: string }) => h.productId);
  assert.equal(new Set(ids).size, ids.length, 'no product twice');
  assert.ok(two.hits[0].priceMin >= one.hits[23].priceMin);
});

test('autocomplete answers product names and categories while typing', async () => {
  const res = await api('/api/v1/search/suggest?q=yen+sa');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'public, max-age=1');
  const body = res.json();
  assert.ok(body.products.length > 0 && body.products.length <= 6);
  for (const p of body.products) {
    assert.match(p.name, /yến sào/i);
    assert.equal(p.url, `/san-pham/${p.slug}`);
  }
  assert.deepEqual(body.categories, [{ code: 'food.bird_nest', name: 'Yến sào' }]);
  assert.deepEqual((await api('/api/v1/search/suggest?q=x')).json(), { products: [], categories: [] });
});

test('a signed-in visitor’s answers are not kept by shared caches', async () => {
  const { client: c } = await signedIn(t);
  const res = await c.get('/api/v1/search?q=nem');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'private, no-store');
});

test('a change is visible within a second, through the answers kept for that second', async () => {
  const doc = { ...fixtures[0], productId: fixtures[0].productId, name: 'Rượu sim Phú Quốc đặc biệt' };
  await upsertSearchDocs(t.db, [doc]);
  const url = '/api/v1/search?q=ruou+sim+phu+quoc';
  assert.equal((await api(url)).json().hits[0]?.name, 'Rượu sim Phú Quốc đặc biệt');
  await upsertSearchDocs(t.db, [{ ...doc, name: 'Rượu sim Phú Quốc loại mới' }]);
  await sleep(BRIEF_MS + 50);
  assert.equal((await api(url)).json().hits[0]?.name, 'Rượu sim Phú Quốc loại mới');
  await upsertSearchDocs(t.db, [fixtures[0]]);
});

test('the OpenAPI document lists the search endpoints under their tag', async () => {
  const doc = (await api('/api/docs/json')).json();
  for (const path of ['/api/v1/search', '/api/v1/search/suggest', '/api/v1/officer/synonyms'])
    assert.ok(doc.paths[path]?.get.tags.includes('search'), path);
  const names = doc.paths['/api/v1/search'].get.parameters.map((p: { name: string }) => p.name);
  for (const n of [
    'q',
    'category',
    'province',
    'commune',
    'stars',
    'price_min',
    'price_max',
    'seller',
    'sort',
    'cursor',
  ])
    assert.ok(names.includes(n), n);
});

test('search requests are rate limited per client address', async () => {
  const limited = await testApp({ SEARCH_RATE_LIMIT: '3' });
  try {
    const c = new Client(limited.app);
    for (let i = 0; i < 3; i++) assert.equal((await c.get('/api/v1/search?q=nem')).statusCode, 200);
    const res = await c.get('/api/v1/search?q=nem');
    assert.equal(res.statusCode, 429);
    assert.match(res.json().error.message, /^Bạn thao tác quá nhanh\. Vui lòng thử lại sau \d+ giây\.$/);
  } finally {
    await limited.close();
  }
});
