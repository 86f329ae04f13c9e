import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../../../test/helpers.js';
import type { AppError } from '../../platform/http/errors.js';
import { removeSearchDoc, type SearchDoc, upsertSearchDocs } from './documents.js';
import type { SearchEngine, SearchHit, SearchQuery, Sort } from './engine.js';
import { pgSearchEngine } from './pg-engine.js';
import { candidates, WEIGHTS } from './pg-sql.js';
import { SALES_TIERS } from './schema.js';
import { categoryNames } from './taxonomy.js';
import { idOf } from './test-fixtures.js';

let t: TestApp;
let engine: SearchEngine;
const TODAY = '2026-06-01';
const search = (q: Partial<SearchQuery>) => engine.search({ q: '', today: TODAY, ...q });

const doc = (key: string, over: Partial<SearchDoc> = {}): SearchDoc => ({
  productId: idOf(key),
  sellerId: idOf('seller:a'),
  sellerName: 'Trại ong Hòn Bà',
  slug: key,
  name: 'Mật ong hoa rừng Hòn Bà',
  description: 'Mật ong nguyên chất từ rừng tràm.',
  category: 'food.honey',
  keywords: ['Mật ong', 'Thực phẩm chế biến', 'Xã Cam Lâm', 'Tỉnh Khánh Hòa'],
  originProvinceCode: '56',
  originCommuneCode: '22453',
  ocopStars: null,
  ocopExpiresOn: null,
  isKeyProduct: false,
  priceMin: 100_000n,
  unit: 'chai',
  image: null,
  salesCount: 0,
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  ...over,
});

// Five products named alike (equal relevance), differing only in what the boosts read.
const boosted = [
  doc('a-5-stars-1000-sold', { ocopStars: 5, ocopExpiresOn: '2027-01-01', salesCount: 999 }),
  doc('b-5-stars-none-sold', { ocopStars: 5, ocopExpiresOn: '2027-01-01', salesCount: 0 }),
  doc('c-4-stars-1000-sold', { ocopStars: 4, ocopExpiresOn: '2027-01-01', salesCount: 999 }),
  doc('d-expired-5-stars-1000-sold', { ocopStars: 5, ocopExpiresOn: '2026-05-31', salesCount: 999 }),
  doc('e-no-stars-9-sold', { salesCount: 9 }),
];

// A catalogue to count, sort and page: 20 honeys from two sellers, two communes, two leaves.
const listed = Array.from({ length: 20 }, (_, i) =>
  doc(`honey-${i}`, {
    name: `Mật ong ${['cà phê', 'hoa nhãn', 'tràm', 'bạc hà'][i % 4]} số ${i}`,
    sellerId: idOf(`seller:${i % 2 ? 'a' : 'b'}`),
    sellerName: i % 2 ? 'Trại ong Hòn Bà' : 'Hợp tác xã Ong Khánh Sơn',
    category: i % 5 === 0 ? 'food.confectionery' : 'food.honey',
    originCommuneCode: i % 3 === 0 ? '22714' : '22609',
    ocopStars: i % 4 === 0 ? 4 : i % 4 === 1 ? 3 : null,
    // Every fourth 3-star certificate has expired: no stars, not counted, not boosted.
    ocopExpiresOn:
      i % 4 === 0 ? '2027-01-01' : i % 8 === 1 ? '2026-01-01' : i % 4 === 1 ? '2027-01-01' : null,
    priceMin: BigInt(50_000 + ((i * 7919) % 20) * 10_000),
    salesCount: (i * 37) % 11,
    publishedAt: new Date(Date.UTC(2026, 0, 1 + ((i * 13) % 20))),
  }),
);

before(async () => {
  t = await testApp();
  await upsertSearchDocs(t.db, [
    ...boosted,
    ...listed,
    doc('exact', { name: 'Mật ong', salesCount: 0 }),
    doc('other', {
      name: 'Nước mắm Cà Ná',
      description: 'Nước mắm truyền thống.',
      category: 'food.fish_sauce',
      keywords: ['Nước mắm & gia vị'],
    }),
  ]);
  engine = pgSearchEngine(t.db, { categories: categoryNames(), synonyms: async () => [] });
});
after(() => t.close());

const slugs = (hits: SearchHit[]) => hits.map((h) => h.slug);

test('relevance first; on equal relevance valid OCOP stars, then sales, decide; the score adds up', async () => {
  const r = await search({ q: 'mat ong hoa rung hon ba', limit: 10 });
  const shown = slugs(r.hits).filter((s) => boosted.some((b) => b.slug === s));
  assert.deepEqual(shown, [
    'a-5-stars-1000-sold',
    'c-4-stars-1000-sold',
    'b-5-stars-none-sold',
    'd-expired-5-stars-1000-sold',
    'e-no-stars-9-sold',
  ]);
  const by = new Map(r.hits.map((h) => [h.slug, h.score!]));
  const a = by.get('a-5-stars-1000-sold')!;
  const d = by.get('d-expired-5-stars-1000-sold')!;
  assert.equal(a.relevance, d.relevance, 'equal relevance');
  assert.equal(a.ocop, 5 * WEIGHTS.star);
  assert.equal(d.ocop, 0, 'an expired certificate gives no boost');
  assert.ok(Math.abs(a.sales - WEIGHTS.sales * 3) < 1e-9, 'log10(1 + 999) = 3');
  for (const s of by.values()) assert.ok(Math.abs(s.score - (s.relevance + s.ocop + s.sales)) < 1e-12);
  assert.ok(a.ocop + a.sales < 0.1, 'boosts stay below the smallest relevance step');
});

test('a clearly better match beats any boost', async () => {
  const r = await search({ q: 'mật ong tràm' });
  const tram = listed.filter((d) => d.name.includes('tràm')).map((d) => d.slug);
  assert.deepEqual(
    slugs(r.hits).slice(0, tram.length).sort(),
    [...tram].sort(),
    'every word in the name first',
  );
  const best = r.hits.find((h) => h.slug === 'a-5-stars-1000-sold')!;
  const plain = r.hits.find((h) => h.slug === 'honey-2')!;
  assert.equal(plain.score!.ocop, 0);
  assert.ok(plain.score!.score > best.score!.score, 'no stars, no sales, still first');
});

test('facets count the matches by category, origin, valid stars and seller', async () => {
  const r = await search({ q: 'mat ong so' });
  assert.equal(r.total, 20);
  const count = (f: { value: string; count: number }[]) =>
    Object.fromEntries(f.map((v) => [v.value, v.count]));
  assert.deepEqual(count(r.facets.categoryTop), { food: 20 });
  assert.deepEqual(count(r.facets.category), { 'food.honey': 16, 'food.confectionery': 4 });
  assert.deepEqual(count(r.facets.province), { '56': 20 });
  assert.deepEqual(count(r.facets.commune), { '22714': 7, '22609': 13 });
  // 4 stars: i % 4 == 0 (5 products); 3 stars: i % 4 == 1 minus the expired (i % 8 == 1): 2 left.
  assert.deepEqual(count(r.facets.stars), { '4': 5, '3': 2 });
  assert.deepEqual(count(r.facets.seller), { [idOf('seller:a')]: 10, [idOf('seller:b')]: 10 });
  assert.equal(r.facets.seller.find((s) => s.value === idOf('seller:b'))?.label, 'Hợp tác xã Ong Khánh Sơn');
  assert.equal(r.totalIsLowerBound, false);
});

test('an expired certificate is not shown, not filtered on, not counted', async () => {
  const three = await search({ q: 'mat ong so', stars: 3 });
  assert.deepEqual(slugs(three.hits).sort(), ['honey-13', 'honey-5']);
  const expired = (await search({ q: 'mat ong so 9' })).hits.find((h) => h.slug === 'honey-9');
  assert.equal(expired?.ocopStars, null);
  const valid = (await search({ q: 'mat ong so 13' })).hits.find((h) => h.slug === 'honey-13');
  assert.equal(valid?.ocopStars, 3);
});

test('filters narrow the matches and their facets', async () => {
  const r = await search({ q: 'mat ong so', commune: '22714', category: 'food.honey', priceMax: 150_000n });
  const expected = listed
    .filter((d) => d.originCommuneCode === '22714' && d.category === 'food.honey' && d.priceMin <= 150_000n)
    .map((d) => d.slug)
    .sort();
  assert.ok(expected.length > 0);
  assert.deepEqual(slugs(r.hits).sort(), expected);
  assert.equal(r.total, expected.length);
  assert.deepEqual(r.facets.commune, [{ value: '22714', count: expected.length }]);
});

/** PostgreSQL orders uuids as their bytes, which is the order of their lowercase hex text. */
const byId = (a: SearchDoc, b: SearchDoc) =>
  a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0;

const sortCases: [Sort, (a: SearchDoc, b: SearchDoc) => number][] = [
  ['price_asc', (a, b) => Number(a.priceMin - b.priceMin) || byId(a, b)],
  ['price_desc', (a, b) => Number(b.priceMin - a.priceMin) || byId(b, a)],
  ['newest', (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || byId(b, a)],
  ['best_selling', (a, b) => b.salesCount - a.salesCount || byId(b, a)],
];

for (const [sort, compare] of sortCases)
  test(`sort ${sort}, and keyset pages of 3 without duplicates or gaps`, async () => {
    const expected = [...listed].sort(compare).map((d) => d.slug);
    const all = await search({ q: 'mat ong so', sort, limit: 50 });
    assert.deepEqual(slugs(all.hits), expected);
    const paged: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await search({ q: 'mat ong so', sort, limit: 3, cursor });
      paged.push(...slugs(page.hits));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    assert.deepEqual(paged, expected);
  });

test('relevance pages follow the one-page order exactly', async () => {
  const all = slugs((await search({ q: 'mat ong', limit: 100 })).hits);
  assert.equal(all.length, 26);
  const paged: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await search({ q: 'mat ong', limit: 4, cursor });
    paged.push(...slugs(page.hits));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  assert.deepEqual(paged, all);
});

test('without a query the list is best selling first', async () => {
  const r = await search({ category: 'food.confectionery' });
  assert.equal(r.sort, 'best_selling');
  const expected = listed.filter((d) => d.category === 'food.confectionery').sort(sortCases[3][1]);
  assert.deepEqual(
    slugs(r.hits),
    expected.map((d) => d.slug),
  );
});

test('a cursor made for another order, or tampered with, is refused on the cursor field', async () => {
  const first = await search({ q: 'mat ong so', sort: 'price_asc', limit: 3 });
  const refuse = async (q: Partial<SearchQuery>) => {
    const err = (await search(q).then(
      () => null,
      (e) => e,
    )) as (AppError & { fields?: { field: string; key: string }[] }) | null;
    assert.equal(err?.status, 422);
    assert.deepEqual(
      err?.fields?.map((f) => [f.field, f.key]),
      [['cursor', 'search.cursor']],
    );
  };
  await refuse({ q: 'mat ong so', sort: 'newest', cursor: first.nextCursor! });
  await refuse({ q: 'mat ong so', sort: 'price_asc', cursor: 'not-a-cursor' });
  await refuse({
    q: 'mat ong so',
    sort: 'price_asc',
    cursor: Buffer.from(JSON.stringify(['price_asc', '1; DROP TABLE x', idOf('x')])).toString('base64url'),
  });
});

test('a change is searchable as soon as it is written, a removal likewise', async () => {
  await upsertSearchDocs(t.db, [doc('renamed', { name: 'Rượu sim Phú Quốc' })]);
  assert.deepEqual(slugs((await search({ q: 'ruou sim' })).hits), ['renamed']);
  await upsertSearchDocs(t.db, [doc('renamed', { name: 'Rượu nếp cẩm' })]);
  assert.deepEqual(slugs((await search({ q: 'ruou sim' })).hits), []);
  assert.deepEqual(slugs((await search({ q: 'ruou nep' })).hits), ['renamed']);
  await removeSearchDoc(t.db, idOf('renamed'));
  assert.deepEqual(slugs((await search({ q: 'ruou nep' })).hits), []);
});

test('autocomplete offers names with the words typed, the last one unfinished, and categories', async () => {
  const s = await engine.suggest('mat ong ca');
  assert.ok(
    s.products.some((p) => p.name === 'Mật ong cà phê số 0'),
    JSON.stringify(s),
  );
  assert.ok(s.products.length <= 6);
  assert.equal(new Set(s.products.map((p) => p.name)).size, s.products.length, 'names are not repeated');
  assert.deepEqual((await engine.suggest('mat o')).categories, ['food.honey']);
  assert.deepEqual(await engine.suggest('m'), { products: [], categories: [] });
});

test('when a query matches more than the cap, the candidates are the best-selling matches', async () => {
  const r = await t.db.execute<{ product_id: string; sales_count: number }>(
    candidates('mat & ong & so', [], TODAY, 6),
  );
  const tierOf = (n: number) => SALES_TIERS.filter((min) => n >= min).length;
  const kept = r.rows.map((x) => tierOf(x.sales_count));
  const all = listed.map((d) => tierOf(d.salesCount)).sort((a, b) => b - a);
  assert.equal(kept.length, 6);
  assert.deepEqual(
    [...kept].sort((a, b) => b - a),
    all.slice(0, 6),
    'the six from the highest tiers',
  );
});
