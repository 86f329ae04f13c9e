import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { actorOf } from '../identity/index.js';
import { searchDocuments } from '../search/schema.js';
import { transitionSeller } from '../sellers/index.js';
import { shopWithMembers } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test("a suspended shop's products leave search, and come back when it is reinstated", async () => {
  const shop = await shopWithMembers(t);
  const { product } = await shop.published();
  const inSearch = async () =>
    (await t.db.select().from(searchDocuments).where(eq(searchDocuments.productId, product.id))).length === 1;
  assert.equal(await inSearch(), true);
  const officer = await signedIn(t, 'officer');
  const move = async (action: 'suspend' | 'reinstate') => {
    await transitionSeller(t.db, {
      sellerId: shop.seller.id,
      action,
      actor: actorOf(officer.user),
      party: 'officer',
      reason: 'Kiểm tra hồ sơ an toàn thực phẩm',
      publicUrl: 'http://localhost',
    });
    await t.app.outbox.drain();
  };
  await move('suspend');
  assert.equal(await inSearch(), false, 'suspended: out of search');
  await move('reinstate');
  assert.equal(await inSearch(), true, 'reinstated: back in search');
});
