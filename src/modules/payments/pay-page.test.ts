import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { cancelPaymentIntent, confirmCodCollected, paymentsOf } from './intents.js';
import { newIntent } from './test-fixtures.js';
import { parseVietQr } from './vietqr.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('the buyer sees the VietQR code, the collection account, the amount and the memo; others see nothing', async () => {
  const buyer = await signedIn(t, 'buyer');
  const intent = await newIntent(t, { buyerId: buyer.user.id, amount: 275_000n });
  const res = await buyer.client.get(`/thanh-toan/${intent.orderCode}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /data:image\/svg\+xml;base64,/);
  assert.match(res.body, /Vietcombank/);
  assert.match(res.body, /0011004455667/);
  assert.match(res.body, /SAN TMDT TINH KHANH HOA/, 'the holder, by default the instance province');
  assert.match(res.body, /275\.000/);
  assert.match(res.body, new RegExp(`<strong>${intent.orderCode}</strong>`));
  assert.match(res.body, /Chờ thanh toán/);
  assert.match(
    res.body,
    new RegExp(`href="/thanh-toan/${intent.orderCode}"`),
    'a plain link refreshes the status',
  );
  assert.match(res.body, /http-equiv="refresh"/);

  const api = await buyer.client.get(`/api/v1/payments/${intent.orderCode}`);
  assert.equal(api.statusCode, 200);
  const body = api.json();
  assert.equal(body.status, 'pending');
  assert.equal(body.amountDue, 275000);
  const qr = parseVietQr(body.transfer.payload);
  assert.deepEqual(
    { bin: qr.bankBin, account: qr.accountNo, amount: qr.amount, memo: qr.purpose },
    { bin: '970436', account: '0011004455667', amount: 275_000n, memo: intent.orderCode },
  );
  assert.match(body.transfer.qrSvg, /^<svg/);

  const other = await signedIn(t, 'buyer');
  assert.equal((await other.client.get(`/thanh-toan/${intent.orderCode}`)).statusCode, 404);
  assert.equal((await other.client.get(`/api/v1/payments/${intent.orderCode}`)).statusCode, 404);
  const officer = await signedIn(t, 'officer');
  assert.equal((await officer.client.get(`/thanh-toan/${intent.orderCode}`)).statusCode, 404);
});

test('cash on delivery: nothing to pay now; the seller confirms collection once, nothing else can', async () => {
  const buyer = await signedIn(t, 'buyer');
  const intent = await newIntent(t, { buyerId: buyer.user.id, method: 'cod' });
  const page = await buyer.client.get(`/thanh-toan/${intent.orderCode}`);
  assert.match(page.body, /trả tiền mặt cho người bán khi nhận hàng/);
  assert.doesNotMatch(page.body, /data:image\/svg/);

  const seller = await signedIn(t, 'buyer');
  await confirmCodCollected(t.db, { orderId: intent.orderId, actorId: seller.user.id });
  await confirmCodCollected(t.db, { orderId: intent.orderId, actorId: seller.user.id });
  const s = (await paymentsOf(t.db, [intent.orderId])).get(intent.orderId);
  assert.deepEqual(s, { method: 'cod', status: 'collected', amountDue: 150_000n, amountPaid: 150_000n });
  await assert.rejects(cancelPaymentIntent(t.db, intent.orderId), { status: 409 });

  const transfer = await newIntent(t, { buyerId: buyer.user.id });
  await assert.rejects(confirmCodCollected(t.db, { orderId: transfer.orderId, actorId: seller.user.id }), {
    status: 409,
  });
});

test('a cancelled intent shows that it no longer waits; cancelling twice is harmless', async () => {
  const buyer = await signedIn(t, 'buyer');
  const intent = await newIntent(t, { buyerId: buyer.user.id });
  await cancelPaymentIntent(t.db, intent.orderId);
  await cancelPaymentIntent(t.db, intent.orderId);
  const res = await buyer.client.get(`/thanh-toan/${intent.orderCode}`);
  assert.match(res.body, /không còn chờ thanh toán/);
  assert.doesNotMatch(res.body, /http-equiv="refresh"/);
  const api = (await buyer.client.get(`/api/v1/payments/${intent.orderCode}`)).json();
  assert.equal(api.status, 'cancelled');
  assert.equal(api.transfer, null);
});

test('anonymous visitors are sent to sign in; the API answers 401', async () => {
  const buyer = await signedIn(t, 'buyer');
  const intent = await newIntent(t, { buyerId: buyer.user.id });
  const page = await t.app.inject({ method: 'GET', url: `/thanh-toan/${intent.orderCode}` });
  assert.equal(page.statusCode, 302);
  assert.match(page.headers.location as string, /^\/dang-nhap\?next=/);
  const api = await t.app.inject({ method: 'GET', url: `/api/v1/payments/${intent.orderCode}` });
  assert.equal(api.statusCode, 401);
});
