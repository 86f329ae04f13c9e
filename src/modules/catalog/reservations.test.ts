import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { approvedShop, fishSauce } from '../storefront/test-fixtures.js';
import { releaseStock, reserveStock, variantsForSale } from './reservations.js';
import { productVariants } from './schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const stockOf = async (id: string) =>
  (await t.db.select({ s: productVariants.stock }).from(productVariants).where(eq(productVariants.id, id)))[0]
    .s;

test('concurrent reservations take exactly the stock there is, never below zero', async () => {
  const shop = await approvedShop(t);
  const product = await shop.product(
    fishSauce({ variants: [{ name: 'Chai', sku: 'C', price: '95000', stock: '7' }] }),
  );
  const [v] = await variantsForSale(t.db, [
    (await t.db.select().from(productVariants).where(eq(productVariants.productId, product.id)))[0].id,
  ]);
  const results = await Promise.all(
    Array.from({ length: 20 }, () => t.db.transaction((tx) => reserveStock(tx, v.variantId, 1))),
  );
  assert.equal(results.filter(Boolean).length, 7);
  assert.equal(await stockOf(v.variantId), 0);
  assert.equal(await reserveStock(t.db, v.variantId, 1), false);

  await releaseStock(t.db, v.variantId, 3);
  assert.equal(await stockOf(v.variantId), 3);
  assert.equal(await reserveStock(t.db, v.variantId, 4), false, 'more than there is: refused, nothing taken');
  assert.equal(await stockOf(v.variantId), 3);
  assert.equal(await reserveStock(t.db, v.variantId, 3), true);
  await assert.rejects(() => reserveStock(t.db, v.variantId, 0));
});

test('variantsForSale reads price, stock, product and shop; unknown and malformed ids are left out', async () => {
  const shop = await approvedShop(t);
  const product = await shop.product(fishSauce({ weightGrams: '650' }), { draft: true });
  const [row] = await t.db.select().from(productVariants).where(eq(productVariants.productId, product.id));
  const found = await variantsForSale(t.db, [
    row.id,
    row.id,
    'not-an-id',
    '0190a000-0000-7000-8000-000000000000',
  ]);
  assert.equal(found.length, 1);
  assert.deepEqual(
    { ...found[0], productName: undefined },
    {
      variantId: row.id,
      variantName: 'Chai 500 ml',
      sku: 'NM-500',
      price: 95000n,
      stock: 40,
      productId: product.id,
      productName: undefined,
      slug: product.slug,
      published: false,
      category: 'food.fish_sauce',
      unit: 'chai',
      weightGrams: 650,
      sellerId: shop.seller.id,
      variantCount: 1,
    },
  );
  assert.deepEqual(await variantsForSale(t.db, []), []);
});
