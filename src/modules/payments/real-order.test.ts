import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { escrowHeld } from '../ledger/index.js';
import { ledgerProblems } from '../ledger/test-fixtures.js';
import { checkoutForm, sellingShop } from '../orders/checkout-test-fixtures.js';
import { postWebhook, transferIn } from './test-fixtures.js';
import { parseVietQr } from './vietqr.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('a real order: checkout by VietQR, its payment page, the bank notification, and the order is paid', async () => {
  const shop = await sellingShop(t, { price: 200_000 });
  const buyer = await signedIn(t);
  const c = buyer.client;
  await c.json('POST', '/api/v1/cart/items', { variantId: shop.variant.id, quantity: 2 });
  const placed = await c.json(
    'POST',
    '/api/v1/checkout',
    {
      ...checkoutForm,
      sellers: [{ sellerId: shop.seller.id, delivery: 'seller_delivery' }],
    },
    { 'idempotency-key': `payments-real-order-${Date.now()}` },
  );
  assert.equal(placed.statusCode, 201, placed.body);
  const [order] = placed.json().orders;
  assert.equal(order.total, 430_000, 'two boxes and the flat delivery fee');
  assert.equal(order.paymentPath, `/thanh-toan/${order.code}`);

  const page = await c.get(order.paymentPath);
  assert.equal(page.statusCode, 200);
  const pay = (await c.get(`/api/v1/payments/${order.code}`)).json();
  assert.equal(pay.status, 'pending');
  const qr = parseVietQr(pay.transfer.payload);
  assert.deepEqual([qr.amount, qr.purpose], [430_000n, order.code]);

  const res = await postWebhook(t, transferIn({ amount: 430_000, content: `${order.code} chuyen tien` }));
  assert.deepEqual(res.json(), { success: true, outcome: 'matched' });
  await t.app.outbox.drain();
  const after_ = (await c.get(`/api/v1/orders/${order.code}`)).json();
  assert.equal(after_.status, 'paid');
  assert.equal(await escrowHeld(t.db, order.id), 430_000n);
  assert.match((await c.get(order.paymentPath)).body, /Đã thanh toán/);
  assert.deepEqual(await ledgerProblems(t.db), []);
});
