import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditsOf, Client, signedIn } from '../../../test/helpers.js';
import { balanceOf } from '../ledger/journal.js';
import { ledgerProblems } from '../ledger/test-fixtures.js';
import { bringTo, orderingWorld, placeOrder } from '../orders/test-fixtures.js';
import { bearer } from '../sellers/console-test-fixtures.js';
import { reconciliationItems } from './schema.js';
import { postWebhook, transferIn } from './test-fixtures.js';

/** The other ways a refund comes to be owed (a return, a gateway payment, a partly paid order), and the buyer's side. */
const { t, shop, buyer, who } = await orderingWorld('Lê Văn Khách');
const officer = await signedIn(t, 'officer');

const owed = (orderId: string) => balanceOf(t.db, 'refund_payable', orderId);

test('an accepted return: the goods taken back are owed to the buyer (the delivery fee is not), and are paid the same way', async () => {
  const order = await bringTo(t, await placeOrder(t, shop, buyer), 'returned', who);
  assert.equal(await owed(order.id), 2_500_000n, 'two boxes back; the 30,000 đ delivery stays sold');
  const queue = (await officer.client.get('/api/v1/payments/refunds')).json();
  const row = queue.owed.find((r: { orderCode: string }) => r.orderCode === order.code);
  assert.deepEqual([row.owed, row.channel, row.account], [2_500_000, 'vietqr', null]);
  assert.match(
    (await buyer.client.get(`/don-hang/${order.code}`)).body,
    /Sàn đang giữ 2\.500\.000 ₫ để hoàn cho bạn\./,
  );

  const account = { bankBin: '970418', bankAccountNo: '21510001234567', bankAccountName: 'Le Van Khach' };
  const put = await buyer.client.json('PUT', `/api/v1/me/refunds/${order.code}/account`, account);
  assert.equal(put.statusCode, 200, put.body);
  assert.deepEqual(put.json().account, {
    bankBin: '970418',
    bankName: 'BIDV',
    accountNo: '21510001234567',
    accountName: 'LE VAN KHACH',
  });
  assert.equal(put.json().accountNeeded, true);
  const paid = await officer.client.json('POST', `/api/v1/payments/refunds/${order.code}`, {
    reference: 'FT26328987654',
    reason: 'Hoàn tiền hàng trả lại',
  });
  assert.equal(paid.statusCode, 200);
  assert.deepEqual([paid.json().recorded, paid.json().owed, paid.json().refunded], [true, 0, 2_500_000]);
  assert.equal(paid.json().refunds[0].account.accountNo, '21510001234567', 'where it went, as it was');
  const mine = (await buyer.client.get(`/api/v1/me/refunds/${order.code}`)).json();
  assert.deepEqual([mine.owed, mine.refunded, mine.accountNeeded], [0, 2_500_000, false]);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('an order paid through VNPAY is refunded through VNPAY: no account is asked, the officer records its reference', async () => {
  const placed = await placeOrder(t, shop, buyer, { method: 'vnpay' });
  const { redirectUrl } = (await buyer.client.get(`/api/v1/payments/${placed.code}`)).json();
  const url = new URL(redirectUrl);
  const pay = await buyer.client.form('/vnpay-sandbox/paymentv2/pay', {
    ...Object.fromEntries(url.searchParams),
    result: 'success',
  });
  assert.equal(pay.statusCode, 303);
  await t.app.outbox.drain();
  const cancel = await buyer.client.form(`/don-hang/${placed.code}/cancel`, { reason: 'Đặt nhầm' });
  assert.equal(cancel.statusCode, 303);
  assert.equal(await owed(placed.id), placed.total);

  const page = await buyer.client.get(`/hoan-tien/${placed.code}`);
  assert.match(page.body, /tiền được hoàn về thẻ hoặc ví bạn đã dùng để thanh toán/);
  assert.doesNotMatch(page.body, /name="bankAccountNo"/);
  assert.match((await buyer.client.get(`/don-hang/${placed.code}`)).body, />Xem hoàn tiền</);
  const refused = await buyer.client.json('PUT', `/api/v1/me/refunds/${placed.code}/account`, {
    bankBin: '970436',
    bankAccountNo: '0011004455667',
    bankAccountName: 'LE VAN KHACH',
  });
  assert.equal(refused.statusCode, 409);

  const detail = await officer.client.get(`/quan-ly/hoan-tien/${placed.code}`);
  assert.match(detail.body, /hoàn tiền trên cổng quản lý giao dịch của VNPAY/);
  assert.doesNotMatch(detail.body, /data:image\/svg/, 'no transfer to make');
  const cash = await balanceOf(t.db, 'cash:vnpay');
  const done = await officer.client.form(`/quan-ly/hoan-tien/${placed.code}`, {
    reference: 'VNP14999888',
    reason: 'Đã hoàn trên cổng VNPAY',
  });
  assert.equal(done.statusCode, 303);
  assert.equal(await balanceOf(t.db, 'cash:vnpay'), cash - placed.total, 'out of the gateway’s money');
  assert.equal((await auditsOf(t, placed.id, 'payment.refund_paid')).length, 1);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('a partly paid order that is cancelled owes back what was received', async () => {
  const order = await placeOrder(t, shop, buyer);
  const transfer = transferIn({ amount: 1_000_000, content: `${order.code} chuyen truoc` });
  await postWebhook(t, transfer);
  const [item] = await t.db
    .select()
    .from(reconciliationItems)
    .where(eq(reconciliationItems.reference, transfer.referenceCode));
  const allocated = await officer.client.form(`/quan-ly/doi-soat/${item!.id}/allocate`, {
    orderCode: order.code,
    reason: 'Khách chuyển trước một phần',
  });
  assert.equal(allocated.statusCode, 303);
  assert.equal(await balanceOf(t.db, 'escrow', order.id), 1_000_000n);

  const cancel = await buyer.client.form(`/don-hang/${order.code}/cancel`, { reason: 'Không mua nữa' });
  assert.equal(cancel.statusCode, 303);
  assert.equal(await balanceOf(t.db, 'escrow', order.id), 0n);
  assert.equal(await owed(order.id), 1_000_000n);
  const row = (await officer.client.get('/api/v1/payments/refunds'))
    .json()
    .owed.find((r: { orderCode: string }) => r.orderCode === order.code);
  assert.equal(row.owed, 1_000_000);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('the buyer’s refund page and its JSON: only the order’s buyer; giving an account needs buyer:write on a token', async () => {
  const paid = await bringTo(t, await placeOrder(t, shop, buyer), 'paid', who);
  const order = await bringTo(t, paid, 'cancelled', who);
  const account = { bankBin: '970436', bankAccountNo: '0011004455667', bankAccountName: 'LE VAN KHACH' };
  const stranger = await signedIn(t);
  assert.equal((await stranger.client.get(`/hoan-tien/${order.code}`)).statusCode, 404);
  assert.equal((await stranger.client.get(`/api/v1/me/refunds/${order.code}`)).statusCode, 404);
  assert.equal((await stranger.client.form(`/hoan-tien/${order.code}`, account)).statusCode, 404);
  assert.equal((await stranger.client.get('/api/v1/me/refunds/DH00000000')).statusCode, 404);
  assert.equal((await officer.client.get(`/hoan-tien/${order.code}`)).statusCode, 404);
  const visitor = new Client(t.app);
  assert.equal((await visitor.get(`/hoan-tien/${order.code}`)).statusCode, 302);
  assert.equal((await visitor.get(`/api/v1/me/refunds/${order.code}`)).statusCode, 401);

  const page = await buyer.client.get(`/hoan-tien/${order.code}`);
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['cache-control'], 'private, no-store');
  const forged = await buyer.client.form(`/hoan-tien/${order.code}`, account, { csrf: false });
  assert.equal(forged.statusCode, 403, 'the form needs its CSRF token');

  const program = new Client(t.app);
  const url = `/api/v1/me/refunds/${order.code}/account`;
  const reader = await bearer(t, buyer.user.id, ['read']);
  assert.equal((await program.get(`/api/v1/me/refunds/${order.code}`, reader)).statusCode, 200);
  assert.equal((await program.json('PUT', url, account, reader)).statusCode, 403);
  const writer = await bearer(t, buyer.user.id, ['buyer:write']);
  assert.equal((await program.json('PUT', url, account, writer)).statusCode, 200);
  const bad = await program.json('PUT', url, { ...account, bankBin: '000000' }, writer);
  assert.equal(bad.statusCode, 422);
  assert.deepEqual(
    bad.json().error.fields.map((f: { field: string }) => f.field),
    ['bankBin'],
  );
});
