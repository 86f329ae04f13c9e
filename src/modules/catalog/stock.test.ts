import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { productVariants, stockAdjustments } from './schema.js';
import { shopWithMembers } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('20 parallel sales of one on a stock of 10: exactly 10 succeed and the stock ends at 0', async () => {
  const shop = await shopWithMembers(t);
  const { product, variants } = await shop.product();
  const v = variants[0];
  assert.equal(v.stock, 10);
  const url = `/api/v1/seller/products/${product.id}/variants/${v.id}/stock`;
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? shop.owner : shop.staff).client.json('POST', url, {
        delta: -1,
        reason: `Bán lẻ tại quầy #${i}`,
      }),
    ),
  );
  const codes = results.map((r) => r.statusCode);
  assert.equal(codes.filter((c) => c === 200).length, 10, codes.join(','));
  assert.equal(codes.filter((c) => c === 422).length, 10, codes.join(','));
  const refused = results.find((r) => r.statusCode === 422)!.json().error.fields[0];
  assert.deepEqual(refused, {
    field: 'delta',
    message: 'Tồn kho hiện chỉ còn 0; không thể giảm xuống dưới 0.',
  });
  const [row] = await t.db.select().from(productVariants).where(eq(productVariants.id, v.id));
  assert.equal(row.stock, 0);
  const history = await t.db.select().from(stockAdjustments).where(eq(stockAdjustments.variantId, v.id));
  assert.equal(history.length, 10);
  assert.deepEqual(
    history.map((h) => h.stockAfter).sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  const got = (await shop.owner.client.json('GET', url)).json();
  assert.equal(got.stock, 0);
  assert.equal(got.adjustments.length, 10);
});

test('the stock form: a delta and a reason, refused below zero with the form kept, and the history shown', async () => {
  const shop = await shopWithMembers(t);
  const { product, variants } = await shop.product();
  const v = variants[1];
  const url = `/kenh-ban-hang/san-pham/${product.id}/bien-the/${v.id}/ton-kho`;
  const received = await shop.staff.client.form(url, { delta: '+20', reason: 'Nhập hàng đợt 2' });
  assert.equal(received.statusCode, 303);
  assert.equal(received.headers.location, `/kenh-ban-hang/san-pham/${product.id}?done=stock#stock`);
  const tooMany = await shop.staff.client.form(url, { delta: '-26', reason: 'Hư hỏng khi vận chuyển' });
  assert.equal(tooMany.statusCode, 422);
  assert.match(tooMany.body, /Tồn kho hiện chỉ còn 25; không thể giảm xuống dưới 0\./);
  assert.match(tooMany.body, /value="-26"/);
  const noReason = await shop.staff.client.form(url, { delta: 'năm', reason: '' });
  assert.equal(noReason.statusCode, 422);
  assert.match(noReason.body, /Nhập số nguyên khác 0/);
  assert.match(noReason.body, /Vui lòng ghi lý do điều chỉnh tồn kho\./);
  const page = await shop.owner.client.get(`/kenh-ban-hang/san-pham/${product.id}`);
  assert.match(page.body, /<td>Hộp 100 g<\/td><td>\+20<\/td><td>25<\/td><td>Nhập hàng đợt 2<\/td>/);
  // Nobody else adjusts a shop's stock.
  const buyer = await signedIn(t, 'buyer');
  assert.equal((await buyer.client.form(url, { delta: '5', reason: 'x' })).statusCode, 403);
  const officer = await signedIn(t, 'officer');
  assert.equal((await officer.client.form(url, { delta: '5', reason: 'x' })).statusCode, 403);
});
