import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { assertDocumented, Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { bearer } from '../sellers/console-test-fixtures.js';
import { reconciliationItems } from './schema.js';
import { newIntent, postWebhook, transferIn } from './test-fixtures.js';

/**
 * Who may use the payments routes, read as a table: the buyer of an order sees its payment
 * and refund pages, nobody else does (404: the code tells them nothing); the reconciliation
 * queue, the statement import and the refunds queue are the officers' and administrators';
 * the provider endpoints answer whoever calls, by signature, not by session.
 */
type Who = 'anonymous' | 'owner' | 'buyer' | 'officer' | 'admin';
const everyone: Who[] = ['anonymous', 'owner', 'buyer', 'officer', 'admin'];
const staff = (who: Who) => who === 'officer' || who === 'admin';

let t: TestApp;
const clients = {} as Record<Who, Client>;
const ids = {} as Record<Who, string>;
let code: string;
let itemId: string;

before(async () => {
  t = await testApp();
  clients.anonymous = new Client(t.app);
  for (const who of ['owner', 'buyer', 'officer', 'admin'] as const) {
    const s = await signedIn(t, who === 'owner' ? 'buyer' : who);
    clients[who] = s.client;
    ids[who] = s.user.id;
  }
  code = (await newIntent(t, { buyerId: ids.owner })).orderCode;
  const body = transferIn({ amount: 1_000, content: 'khong ro' });
  await postWebhook(t, body);
  const [item] = await t.db
    .select()
    .from(reconciliationItems)
    .where(eq(reconciliationItems.reference, body.referenceCode));
  itemId = item!.id;
});
after(() => t.close());

test('payment and refund pages and their JSON: only the order’s buyer', async () => {
  for (const who of everyone)
    for (const [url, api] of [
      [`/thanh-toan/${code}`, false],
      [`/api/v1/payments/${code}`, true],
      [`/hoan-tien/${code}`, false],
      [`/api/v1/me/refunds/${code}`, true],
    ] as const) {
      const res = await clients[who].get(url);
      assert.equal(
        res.statusCode,
        who === 'anonymous' ? (api ? 401 : 302) : who === 'owner' ? 200 : 404,
        `${who} ${url}`,
      );
    }
  // Nothing is owed on this order: its buyer is told so, nobody else learns anything.
  const account = { bankBin: '970436', bankAccountNo: '0011004455667', bankAccountName: 'NGUYEN VAN A' };
  for (const who of everyone) {
    const form = await clients[who].form(`/hoan-tien/${code}`, account);
    assert.equal(form.statusCode, who === 'anonymous' ? 401 : who === 'owner' ? 409 : 404, `${who} form`);
    const api = await clients[who].json('PUT', `/api/v1/me/refunds/${code}/account`, account);
    assert.equal(api.statusCode, who === 'anonymous' ? 401 : who === 'owner' ? 409 : 404, `${who} API`);
  }
});

test('reconciliation and statements: pages and JSON for officers and administrators only', async () => {
  const pages = [
    '/quan-ly/doi-soat',
    '/quan-ly/doi-soat?state=resolved',
    `/quan-ly/doi-soat/${itemId}`,
    '/quan-ly/doi-soat/sao-ke',
    '/quan-ly/hoan-tien',
    '/quan-ly/hoan-tien?state=paid',
    `/quan-ly/hoan-tien/${code}`,
    '/quan-ly/hoan-tien/tep.xlsx',
  ];
  const apis = [
    '/api/v1/payments/reconciliation',
    `/api/v1/payments/reconciliation/${itemId}`,
    '/api/v1/payments/refunds',
    '/api/v1/payments/refunds?state=paid',
    `/api/v1/payments/refunds/${code}`,
    '/api/v1/payments/refunds/transfer-file',
  ];
  for (const who of everyone) {
    for (const url of pages) {
      const res = await clients[who].get(url);
      assert.equal(res.statusCode, who === 'anonymous' ? 302 : staff(who) ? 200 : 403, `${who} GET ${url}`);
      if (staff(who)) assert.equal(res.headers['cache-control'], 'private, no-store');
    }
    for (const url of apis)
      assert.equal(
        (await clients[who].get(url)).statusCode,
        who === 'anonymous' ? 401 : staff(who) ? 200 : 403,
        `${who} GET ${url}`,
      );
  }
  const home = (await clients.officer.get('/quan-ly')).body;
  assert.match(home, /<a href="\/quan-ly\/doi-soat">Đối soát chuyển khoản<\/a>/);
  assert.match(home, /<a href="\/quan-ly\/doi-soat\/sao-ke">Nhập sao kê ngân hàng<\/a>/);
});

test('decisions and imports: officers and administrators, with a reason; a read-only token is refused', async () => {
  for (const who of everyone) {
    const form = await clients[who].form(`/quan-ly/doi-soat/${itemId}/refund`, {
      amount: '1',
      reason: 'kiểm tra quyền',
    });
    assert.equal(form.statusCode, who === 'anonymous' ? 401 : staff(who) ? 303 : 403, `${who} form`);
    const api = await clients[who].json('POST', `/api/v1/payments/reconciliation/${itemId}/refund`, {
      amount: 1,
      reason: 'kiểm tra quyền',
    });
    assert.equal(api.statusCode, who === 'anonymous' ? 401 : staff(who) ? 200 : 403, `${who} API`);
    const file = { filename: 'sk.csv', data: Buffer.from('Ngày;Số tiền;Nội dung;Mã giao dịch\n') };
    const upload = await clients[who].multipart('/api/v1/payments/statements', {}, { file });
    // The file has no rows: staff get as far as its check (422); nobody else gets that far.
    assert.equal(upload.statusCode, who === 'anonymous' ? 401 : staff(who) ? 422 : 403, `${who} import`);
    // Nothing is owed on the order: staff are told so (409); nobody else gets that far.
    const paid = { reference: 'FT26328000001', reason: 'kiểm tra quyền' };
    const refundForm = await clients[who].form(`/quan-ly/hoan-tien/${code}`, paid);
    assert.equal(
      refundForm.statusCode,
      who === 'anonymous' ? 401 : staff(who) ? 409 : 403,
      `${who} refund form`,
    );
    const refundApi = await clients[who].json('POST', `/api/v1/payments/refunds/${code}`, paid);
    assert.equal(
      refundApi.statusCode,
      who === 'anonymous' ? 401 : staff(who) ? 409 : 403,
      `${who} refund API`,
    );
  }
  const officer = await signedIn(t, 'officer');
  const readOnly = new Client(t.app);
  const headers = await bearer(t, officer.user.id, ['read']);
  assert.equal((await readOnly.get('/api/v1/payments/reconciliation', headers)).statusCode, 200);
  const refused = await readOnly.json(
    'POST',
    `/api/v1/payments/reconciliation/${itemId}/refund`,
    { amount: 1, reason: 'token' },
    headers,
  );
  assert.equal(refused.statusCode, 403);
  const refundRefused = await readOnly.json(
    'POST',
    `/api/v1/payments/refunds/${code}`,
    { reference: 'FT26328000002', reason: 'token' },
    headers,
  );
  assert.equal(refundRefused.statusCode, 403);
});

test('provider endpoints answer by signature, whoever calls', async () => {
  for (const who of everyone) {
    const hook = await clients[who].request('POST', '/api/v1/payments/bank-webhook', {
      headers: { 'content-type': 'application/json', 'x-signature': 'sha256=00' },
      payload: JSON.stringify(transferIn({ amount: 1, content: code })),
    });
    assert.equal(hook.statusCode, 401, `${who} webhook`);
    const ipn = await clients[who].get('/api/v1/payments/vnpay/ipn?vnp_TxnRef=x&vnp_SecureHash=00');
    assert.deepEqual(ipn.json(), { RspCode: '97', Message: 'Invalid signature' }, `${who} IPN`);
  }
  assert.equal((await clients.anonymous.get('/thanh-toan/vnpay/ket-qua?vnp_TxnRef=x')).statusCode, 302);
  assert.equal((await clients.buyer.get('/thanh-toan/vnpay/ket-qua?vnp_TxnRef=x')).statusCode, 200);
});

test('the payments API is in the OpenAPI document; the pages are not', async () => {
  await assertDocumented(
    t,
    [
      '/api/v1/payments/{code}',
      '/api/v1/payments/bank-webhook',
      '/api/v1/payments/vnpay/ipn',
      '/api/v1/payments/reconciliation',
      '/api/v1/payments/reconciliation/{id}',
      '/api/v1/payments/reconciliation/{id}/allocate',
      '/api/v1/payments/reconciliation/{id}/refund',
      '/api/v1/payments/statements',
      '/api/v1/payments/statements/{id}',
      '/api/v1/payments/refunds',
      '/api/v1/payments/refunds/transfer-file',
      '/api/v1/payments/refunds/{code}',
      '/api/v1/me/refunds/{code}',
      '/api/v1/me/refunds/{code}/account',
    ],
    ['/quan-ly/doi-soat', '/quan-ly/hoan-tien'],
  );
});
