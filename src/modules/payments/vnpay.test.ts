import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { loadConfig } from '../../config.js';
import { outbox } from '../../platform/jobs/schema.js';
import { escrowHeld } from '../ledger/index.js';
import { ledgerProblems } from '../ledger/test-fixtures.js';
import { paymentsOf } from './intents.js';
import { IPN_PATH, sandboxEnabled } from './sandbox.js';
import { paymentEvents, reconciliationItems } from './schema.js';
import { newIntent } from './test-fixtures.js';
import { signData, signParams, type VnpParams, verifyParams, vnpDate } from './vnpay.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const secret = () => t.app.deps.config.buying.vnpay!.hashSecret;

/** What VNPAY's IPN call about an intent says, signed with `key` (the merchant's secret unless forged). */
function ipnParams(
  p: { code: string; amount: bigint; txn?: string; status?: '00' | '02' },
  key = secret(),
): VnpParams {
  return signParams(key, {
    vnp_Amount: (p.amount * 100n).toString(),
    vnp_BankCode: 'NCB',
    vnp_BankTranNo: 'VNP14123456',
    vnp_CardType: 'ATM',
    vnp_OrderInfo: `Thanh toan don hang ${p.code}`,
    vnp_PayDate: vnpDate(new Date()),
    vnp_ResponseCode: p.status ?? '00',
    vnp_TmnCode: 'TMDTDEMO',
    vnp_TransactionNo: p.txn ?? String(14_000_000 + Math.floor(Math.random() * 999_999)),
    vnp_TransactionStatus: p.status ?? '00',
    vnp_TxnRef: `${p.code}-A1B2C3`,
  });
}
const ipn = async (params: VnpParams) =>
  (await t.app.inject({ method: 'GET', url: `${IPN_PATH}?${new URLSearchParams(params)}` })).json();

const succeeded = async (orderId: string) =>
  (
    await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.topic, 'payment.succeeded'), sql`${outbox.payload}->>'orderId' = ${orderId}`))
  ).length;

test('parameters are signed sorted by name, encoded as the gateway does, with HMAC-SHA512', () => {
  const params = {
    vnp_TxnRef: 'DH1',
    vnp_Amount: '1000000',
    vnp_OrderInfo: 'Thanh toan don (1)',
    vnp_ReturnUrl: 'http://x/a?b=c',
  };
  assert.equal(
    signData(params),
    'vnp_Amount=1000000&vnp_OrderInfo=Thanh+toan+don+%281%29&vnp_ReturnUrl=http%3A%2F%2Fx%2Fa%3Fb%3Dc&vnp_TxnRef=DH1',
  );
  const signed = signParams('secret-secret-secret', params);
  assert.match(signed.vnp_SecureHash!, /^[0-9a-f]{128}$/);
  assert.equal(verifyParams('secret-secret-secret', signed), true);
  assert.equal(verifyParams('secret-secret-secret', { ...signed, vnp_SecureHashType: 'HmacSHA512' }), true);
  assert.equal(
    verifyParams('secret-secret-secret', { ...signed, vnp_SecureHash: signed.vnp_SecureHash!.toUpperCase() }),
    true,
  );
  assert.equal(verifyParams('another-secret-0000', signed), false);
  assert.equal(verifyParams('secret-secret-secret', { ...signed, vnp_Amount: '1000100' }), false);
});

test('the whole flow through the built-in sandbox: pay, the IPN records it, the return page shows it', async () => {
  const buyer = await signedIn(t, 'buyer');
  const intent = await newIntent(t, { buyerId: buyer.user.id, method: 'vnpay', amount: 345_000n });
  const page = await buyer.client.get(`/thanh-toan/${intent.orderCode}`);
  assert.match(page.body, /Thanh toán qua VNPAY/);
  const { redirectUrl } = (await buyer.client.get(`/api/v1/payments/${intent.orderCode}`)).json();
  const url = new URL(redirectUrl);
  assert.equal(url.pathname, '/vnpay-sandbox/paymentv2/vpcpay.html');
  const sent = Object.fromEntries(url.searchParams);
  assert.equal(sent.vnp_Amount, '34500000', 'đồng × 100');
  assert.equal(sent.vnp_Version, '2.1.0');
  assert.equal(sent.vnp_Command, 'pay');
  assert.equal(sent.vnp_CurrCode, 'VND');
  assert.ok(sent.vnp_TxnRef!.startsWith(`${intent.orderCode}-`));
  assert.equal(verifyParams(secret(), sent), true);

  const gateway = await buyer.client.get(`${url.pathname}${url.search}`);
  assert.equal(gateway.statusCode, 200);
  assert.match(gateway.body, /345\.000/);
  const paid = await buyer.client.form('/vnpay-sandbox/paymentv2/pay', { ...sent, result: 'success' });
  assert.equal(paid.statusCode, 303);
  const back = new URL(paid.headers.location as string);
  assert.equal(back.pathname, '/thanh-toan/vnpay/ket-qua');

  const s = (await paymentsOf(t.db, [intent.orderId])).get(intent.orderId)!;
  assert.deepEqual([s.status, s.amountPaid], ['paid', 345_000n]);
  assert.equal(await escrowHeld(t.db, intent.orderId), 345_000n);
  assert.equal(await succeeded(intent.orderId), 1);

  const result = await buyer.client.get(`${back.pathname}${back.search}`);
  assert.equal(result.statusCode, 200);
  assert.match(result.body, /VNPAY báo giao dịch thành công/);
  assert.match(result.body, /Đã thanh toán/);
  // The return proves nothing by itself: a tampered one is called invalid and changes nothing.
  const tampered = await buyer.client.get(
    `${back.pathname}${back.search.replace('vnp_ResponseCode=00', 'vnp_ResponseCode=24')}`,
  );
  assert.match(tampered.body, /sai chữ ký/);
  const kinds = await t.db
    .select({ source: paymentEvents.source, verified: paymentEvents.verified })
    .from(paymentEvents)
    .where(eq(paymentEvents.intentId, intent.id));
  assert.deepEqual(kinds.map((k) => `${k.source} ${k.verified}`).sort(), [
    'vnpay_ipn true',
    'vnpay_return true',
  ]);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('a failure simulated at the gateway leaves the order waiting; the buyer may pay again', async () => {
  const buyer = await signedIn(t, 'buyer');
  const intent = await newIntent(t, { buyerId: buyer.user.id, method: 'vnpay', amount: 50_000n });
  const url = new URL((await buyer.client.get(`/api/v1/payments/${intent.orderCode}`)).json().redirectUrl);
  const failed = await buyer.client.form('/vnpay-sandbox/paymentv2/pay', {
    ...Object.fromEntries(url.searchParams),
    result: 'failure',
  });
  const back = new URL(failed.headers.location as string);
  assert.match((await buyer.client.get(`${back.pathname}${back.search}`)).body, /không thành công/);
  assert.equal((await paymentsOf(t.db, [intent.orderId])).get(intent.orderId)!.status, 'pending');
  const retry = new URL((await buyer.client.get(`/api/v1/payments/${intent.orderCode}`)).json().redirectUrl);
  assert.notEqual(retry.searchParams.get('vnp_TxnRef'), url.searchParams.get('vnp_TxnRef'));
  await buyer.client.form('/vnpay-sandbox/paymentv2/pay', {
    ...Object.fromEntries(retry.searchParams),
    result: 'success',
  });
  assert.equal((await paymentsOf(t.db, [intent.orderId])).get(intent.orderId)!.status, 'paid');
});

test('IPN: forged signature 97, wrong amount 04, unknown order 01, replay 02; money is counted once', async () => {
  const buyer = await signedIn(t, 'buyer');
  const intent = await newIntent(t, { buyerId: buyer.user.id, method: 'vnpay', amount: 120_000n });

  const forged = ipnParams({ code: intent.orderCode, amount: 120_000n }, 'not-the-merchant-secret');
  assert.deepEqual(await ipn(forged), { RspCode: '97', Message: 'Invalid signature' });
  const [ev] = await t.db
    .select()
    .from(paymentEvents)
    .where(eq(paymentEvents.providerRef, `vnpay:${forged.vnp_TransactionNo}`));
  assert.deepEqual([ev!.verified, ev!.verification, ev!.outcome], [false, 'bad_signature', '97']);
  assert.equal(ev!.rawBody, new URLSearchParams(forged).toString());

  const wrong = ipnParams({ code: intent.orderCode, amount: 100_000n });
  assert.equal((await ipn(wrong)).RspCode, '04');
  const [held] = await t.db
    .select()
    .from(reconciliationItems)
    .where(
      and(
        eq(reconciliationItems.channel, 'vnpay'),
        eq(reconciliationItems.reference, wrong.vnp_TransactionNo!),
      ),
    );
  assert.deepEqual([held!.kind, held!.amount], ['partial', 100_000n]);
  assert.equal((await paymentsOf(t.db, [intent.orderId])).get(intent.orderId)!.status, 'pending');

  assert.equal((await ipn(ipnParams({ code: 'DH00000000', amount: 120_000n }))).RspCode, '01');

  const good = ipnParams({ code: intent.orderCode, amount: 120_000n });
  assert.deepEqual(await ipn(good), { RspCode: '00', Message: 'Confirm Success' });
  assert.deepEqual(await ipn(good), { RspCode: '02', Message: 'Order already confirmed' });
  assert.equal((await ipn(wrong)).RspCode, '02', 'a retried refusal of a paid order');
  assert.equal(await escrowHeld(t.db, intent.orderId), 120_000n);
  assert.equal(await succeeded(intent.orderId), 1);
  const items = await t.db
    .select()
    .from(reconciliationItems)
    .where(eq(reconciliationItems.orderCode, intent.orderCode));
  assert.equal(items.length, 1, 'the wrong-amount money is held once, however often it is told');

  // A second, different payment for an order already paid is money too: it waits for an officer.
  const twice = ipnParams({ code: intent.orderCode, amount: 120_000n });
  assert.equal((await ipn(twice)).RspCode, '02');
  const [dup] = await t.db
    .select()
    .from(reconciliationItems)
    .where(
      and(
        eq(reconciliationItems.channel, 'vnpay'),
        eq(reconciliationItems.reference, twice.vnp_TransactionNo!),
      ),
    );
  assert.equal(dup!.kind, 'closed');
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('IPN told many times at once pays once', async () => {
  const buyer = await signedIn(t, 'buyer');
  const intent = await newIntent(t, { buyerId: buyer.user.id, method: 'vnpay', amount: 75_000n });
  const params = ipnParams({ code: intent.orderCode, amount: 75_000n });
  const answers = await Promise.all(Array.from({ length: 15 }, () => ipn(params)));
  assert.deepEqual(answers.map((a) => a.RspCode).sort(), ['00', ...Array(14).fill('02')]);
  assert.equal(await escrowHeld(t.db, intent.orderId), 75_000n);
  assert.equal(await succeeded(intent.orderId), 1);
});

test('the sandbox refuses unsigned requests, and does not exist when VNPAY is the real one', async () => {
  const buyer = await signedIn(t, 'buyer');
  const bad = await buyer.client.get('/vnpay-sandbox/paymentv2/vpcpay.html?vnp_Amount=100&vnp_SecureHash=00');
  assert.equal(bad.statusCode, 400);
  const real = await testApp({ VNPAY_PAY_URL: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html' });
  try {
    const res = await real.app.inject({ method: 'GET', url: '/vnpay-sandbox/paymentv2/vpcpay.html' });
    assert.equal(res.statusCode, 404);
  } finally {
    await real.close();
  }
});

test('in production VNPAY needs its real payment page: the sandbox is never the default there', () => {
  const prod = {
    NODE_ENV: 'production',
    SESSION_SECRET: 'y'.repeat(32),
    PUBLIC_URL: 'https://san.khanhhoa.gov.vn',
    VNPAY_TMN_CODE: 'KHANHHOA',
    VNPAY_HASH_SECRET: 'z'.repeat(32),
  };
  assert.throws(() => loadConfig(prod), /VNPAY_PAY_URL: required/);
  const real = loadConfig({ ...prod, VNPAY_PAY_URL: 'https://pay.vnpay.vn/vpcpay.html' });
  assert.equal(sandboxEnabled(real), false);
  const chosen = loadConfig({
    ...prod,
    VNPAY_PAY_URL: `${prod.PUBLIC_URL}/vnpay-sandbox/paymentv2/vpcpay.html`,
  });
  assert.equal(sandboxEnabled(chosen), true);
});
