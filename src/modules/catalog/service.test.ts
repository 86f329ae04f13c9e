import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { searchDocuments } from '../search/schema.js';
import { getProductBySlug, searchDocFor, updateProduct } from './index.js';
import { productForm, shopWithMembers } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('a product is created as a draft with a Vietnamese slug, its lowest price and its OCOP expiry', async () => {
  const shop = await shopWithMembers(t);
  const { product, variants } = await shop.product();
  assert.equal(product.status, 'draft');
  assert.equal(product.slug, 'yen-sao-tinh-che-hon-noi');
  assert.equal(product.priceMin, 1_250_000n);
  const year = new Date().getUTCFullYear();
  assert.equal(product.ocopExpiresOn, `${year + 2}-03-14`);
  assert.deepEqual(
    variants.map((v) => [v.sku, v.price, v.stock]),
    [
      ['YS-50', 1_250_000n, 10],
      ['YS-100', 2_400_000n, 5],
    ],
  );
  // The same name again gets a slug of its own.
  const second = await shop.product();
  assert.match(second.product.slug, /^yen-sao-tinh-che-hon-noi-[0-9a-f]{6}$/);
  const found = await getProductBySlug(t.db, second.product.slug);
  assert.equal(found?.product.id, second.product.id);
  assert.equal(found?.variants.length, 2);
});

test('editing keeps variant stock, adds and removes rows, and refreshes a published product in search', async () => {
  const shop = await shopWithMembers(t);
  const { product, variants } = await shop.published();
  const edited = await updateProduct(
    t.db,
    shop.staff.user.id,
    product.id,
    productForm({
      name: 'Yến sào Hòn Nội thượng hạng',
      variants: [
        { id: variants[1].id, name: 'Hộp 100 g', sku: 'YS-50', price: '2.300.000', stock: '999' },
        { name: 'Hộp 250 g', sku: '', price: '5.500.000', stock: '2' },
      ],
    }),
  );
  assert.equal(edited.product.slug, product.slug, 'a published product keeps its address');
  assert.deepEqual(
    edited.variants.map((v) => [v.name, v.sku, v.price, v.stock]),
    [
      ['Hộp 100 g', 'YS-50', 2_300_000n, 5],
      ['Hộp 250 g', 'HOP-250-G', 5_500_000n, 2],
    ],
  );
  assert.equal(edited.product.priceMin, 2_300_000n);
  const [doc] = await t.db.select().from(searchDocuments).where(eq(searchDocuments.productId, product.id));
  assert.equal(doc.name, 'Yến sào Hòn Nội thượng hạng');
  assert.equal(doc.priceMin, 2_300_000n);
});

test('the search document carries Vietnamese keywords, and drops OCOP once the certificate expired', async () => {
  const shop = await shopWithMembers(t);
  const { product } = await shop.published();
  const doc = await searchDocFor(t.db, product.id);
  assert.ok(doc);
  assert.equal(doc.ocopStars, 4);
  assert.equal(doc.description, 'Tổ yến đảo Hòn Nội, làm sạch lông bằng tay.');
  for (const k of [
    'Yến sào',
    'Thực phẩm chế biến',
    'Phường Bắc Nha Trang',
    'Tỉnh Khánh Hòa',
    'HACCP',
    'OCOP',
  ])
    assert.ok(doc.keywords.includes(k), k);
  const expired = await searchDocFor(t.db, product.id, `${new Date().getUTCFullYear() + 2}-03-15`);
  assert.equal(expired?.ocopStars, null);
  assert.ok(!expired?.keywords.includes('OCOP'));
  // Stored already expired, the published document has no stars either.
  await t.db.execute(
    sql`UPDATE products SET ocop_issued_on = '2020-01-10', ocop_expires_on = '2023-01-09' WHERE id = ${product.id}`,
  );
  await updateProduct(t.db, shop.owner.user.id, product.id, productForm({ ocopIssuedOn: '2020-01-10' }));
  const [row] = await t.db.select().from(searchDocuments).where(eq(searchDocuments.productId, product.id));
  assert.equal(row.ocopStars, null);
});
