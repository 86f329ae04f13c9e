import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { removeSearchDoc, type SearchDoc, upsertSearchDocs } from './index.js';
import { searchDocuments, searchTerms } from './schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const doc = (over: Partial<SearchDoc> = {}): SearchDoc => ({
  productId: uuidv7(),
  sellerId: uuidv7(),
  sellerName: 'Hợp tác xã Yến sào Cam Lâm',
  slug: 'yen-sao-tinh-che-100g',
  name: 'Yến sào tinh chế Cam Lâm',
  description: 'Tổ yến đảo, làm sạch lông bằng tay.',
  category: 'food.bird_nest',
  keywords: ['Yến sào', 'Xã Cam Lâm', 'Tỉnh Khánh Hòa'],
  originProvinceCode: '56',
  originCommuneCode: '22453',
  ocopStars: 4,
  ocopExpiresOn: '2027-06-19',
  isKeyProduct: true,
  priceMin: 2_500_000n,
  unit: 'hộp',
  image: null,
  salesCount: 0,
  publishedAt: new Date(),
  ...over,
});

test('a document is stored folded, replaced on change, and removed', async () => {
  const d = doc();
  await upsertSearchDocs(t.db, [d]);
  let [row] = await t.db.select().from(searchDocuments).where(eq(searchDocuments.productId, d.productId));
  assert.equal(row.nameFolded, 'yen sao tinh che cam lam');
  assert.match(row.bodyFolded, /xa cam lam tinh khanh hoa/);
  assert.equal(row.categoryTop, 'food');
  assert.equal(row.priceMin, 2_500_000n);
  await upsertSearchDocs(t.db, [{ ...d, name: 'Yến sào thô', priceMin: 1_900_000n }]);
  [row] = await t.db.select().from(searchDocuments).where(eq(searchDocuments.productId, d.productId));
  assert.equal(row.nameFolded, 'yen sao tho');
  assert.equal(row.priceMin, 1_900_000n);
  await removeSearchDoc(t.db, d.productId);
  assert.equal(
    (await t.db.select().from(searchDocuments).where(eq(searchDocuments.productId, d.productId))).length,
    0,
  );
});

test('the words of names, keywords and sellers join the vocabulary with their first spelling', async () => {
  await upsertSearchDocs(t.db, [doc({ name: 'Tỏi cô đơn Lý Sơn 500g', keywords: ['Đặc khu Lý Sơn'] })]);
  await upsertSearchDocs(t.db, [doc({ name: 'Toi den Ly Son', keywords: [] })]);
  const rows = await t.db.select().from(searchTerms);
  const byTerm = new Map(rows.map((r) => [r.term, r.display]));
  assert.equal(byTerm.get('toi'), 'tỏi');
  assert.equal(byTerm.get('don'), 'đơn');
  assert.equal(byTerm.get('dac'), 'đặc');
  assert.equal(byTerm.get('den'), 'den');
  assert.ok(!byTerm.has('500g'), 'sizes are not vocabulary');
  assert.ok(![...byTerm.keys()].some((k) => k.length < 2), 'no single letters');
});
