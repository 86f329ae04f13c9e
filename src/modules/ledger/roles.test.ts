import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertDocumented, Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { createSession } from '../identity/index.js';
import { makeSeller } from '../sellers/console-test-fixtures.js';
import { completedOrder } from './test-fixtures.js';

/**
 * Who may use the ledger's pages and API, read as a table. A seller's member is a buyer by
 * role: refused in the console like any buyer, let into its own shop's balance.
 */
type Who = 'anonymous' | 'buyer' | 'seller' | 'officer' | 'admin';
const everyone: Who[] = ['anonymous', 'buyer', 'seller', 'officer', 'admin'];
const officers = (who: Who) => who === 'officer' || who === 'admin';

let t: TestApp;
const clients = {} as Record<Who, Client>;
let sellerId: string;
let batchId: string;

before(async () => {
  t = await testApp();
  const { seller, owner } = await makeSeller(t, { status: 'approved' });
  sellerId = seller.id;
  await completedOrder(t, { sellerId, lines: [{ amount: 100_000n }], at: new Date('2026-11-05T03:00:00Z') });
  clients.anonymous = new Client(t.app);
  clients.seller = new Client(t.app);
  clients.seller.cookies.set('sid', (await createSession(t.db, owner.id, {})).token);
  for (const role of ['buyer', 'officer', 'admin'] as const) clients[role] = (await signedIn(t, role)).client;
  batchId = (await clients.officer.json('POST', '/api/v1/officer/payouts', {})).json().id;
});
after(() => t.close());

test('console pages: anonymous visitors sent to sign in, buyers and sellers refused, officers and admins let in', async () => {
  const pages = [
    '/quan-ly/chi-tra',
    `/quan-ly/chi-tra/${batchId}`,
    `/quan-ly/chi-tra/${batchId}/tep.xlsx`,
    '/quan-ly/thue-khau-tru?thang=2026-11',
    '/quan-ly/thue-khau-tru.xlsx?thang=2026-11',
    `/quan-ly/thue-khau-tru/${sellerId}?thang=2026-11`,
    `/quan-ly/thue-khau-tru/${sellerId}/sao-ke.xlsx?thang=2026-11`,
  ];
  for (const url of pages)
    for (const who of everyone) {
      const res = await clients[who].get(url);
      assert.equal(
        res.statusCode,
        who === 'anonymous' ? 302 : officers(who) ? 200 : 403,
        `${who} GET ${url}`,
      );
      if (who === 'anonymous')
        assert.equal(res.headers.location, `/dang-nhap?next=${encodeURIComponent(url)}`);
      else
        assert.equal(
          res.headers['cache-control'],
          officers(who) ? 'private, no-store' : res.headers['cache-control'],
        );
    }
  // The console's home leads to both.
  const home = (await clients.officer.get('/quan-ly')).body;
  assert.match(home, /<a href="\/quan-ly\/chi-tra">Chi trả cho người bán<\/a>/);
  assert.match(
    home,
    /<a href="\/quan-ly\/thue-khau-tru">Thuế khấu trừ, nộp thay hộ và cá nhân kinh doanh<\/a>/,
  );
});

test('console API: 401 without credentials, 403 for buyers and sellers, 200 for officers and admins', async () => {
  const apis = [
    '/api/v1/officer/payouts',
    `/api/v1/officer/payouts/${batchId}`,
    `/api/v1/officer/payouts/${batchId}/transfer-file`,
    '/api/v1/officer/withholding?month=2026-11',
    '/api/v1/officer/withholding.xlsx?month=2026-11',
    `/api/v1/officer/withholding/${sellerId}?month=2026-11`,
  ];
  for (const url of apis)
    for (const who of everyone) {
      const res = await clients[who].get(url);
      assert.equal(
        res.statusCode,
        who === 'anonymous' ? 401 : officers(who) ? 200 : 403,
        `${who} GET ${url}`,
      );
    }
});

test('making and settling batches: only officers and admins, by form or by API', async () => {
  for (const who of everyone) {
    // Nothing is left to pay after the batch made in `before`: officers get 409, never 201.
    const form = await clients[who].form('/quan-ly/chi-tra', {});
    assert.equal(form.statusCode, who === 'anonymous' ? 401 : officers(who) ? 409 : 403, `${who} form`);
    const api = await clients[who].json('POST', '/api/v1/officer/payouts', {});
    assert.equal(api.statusCode, who === 'anonymous' ? 401 : officers(who) ? 409 : 403, `${who} API`);
    const settle = await clients[who].form(`/quan-ly/chi-tra/${batchId}/mark_paid`, { reason: 'UNC 1' });
    assert.equal(
      settle.statusCode,
      who === 'anonymous' ? 401 : who === 'officer' ? 303 : officers(who) ? 409 : 403,
      `${who} settle`,
    );
    const cancel = await clients[who].json('POST', `/api/v1/officer/payouts/${batchId}/transitions`, {
      action: 'cancel',
      reason: 'x',
    });
    assert.equal(cancel.statusCode, who === 'anonymous' ? 401 : officers(who) ? 409 : 403, `${who} cancel`);
  }
});

test("seller centre: a shop's members see its balance; others have no shop; anonymous visitors sign in", async () => {
  const pages = ['/kenh-ban-hang/so-du', '/kenh-ban-hang/so-du/sao-ke?thang=2026-11'];
  for (const url of pages)
    for (const who of everyone) {
      const res = await clients[who].get(url);
      assert.equal(res.statusCode, who === 'anonymous' ? 302 : 200, `${who} GET ${url}`);
      if (who !== 'anonymous')
        assert.equal(res.body.includes('chưa thuộc cửa hàng nào'), who !== 'seller', `${who} ${url}`);
    }
  for (const url of ['/api/v1/seller/balance', '/api/v1/seller/statement?month=2026-11'])
    for (const who of everyone) {
      const res = await clients[who].get(url);
      assert.equal(
        res.statusCode,
        who === 'anonymous' ? 401 : who === 'seller' ? 200 : 404,
        `${who} GET ${url}`,
      );
    }
  for (const who of everyone) {
    const res = await clients[who].get(`/api/v1/seller/balance?shop=${sellerId}`);
    assert.equal(res.statusCode, who === 'anonymous' ? 401 : who === 'seller' ? 200 : 404, `${who} own shop`);
  }
  // The seller centre leads to it.
  assert.match(
    (await clients.seller.get('/kenh-ban-hang')).body,
    new RegExp(`<a href="/kenh-ban-hang/so-du\\?shop=${sellerId}">Số dư và lịch sử giao dịch</a>`),
  );
});

test('the JSON twins are in the OpenAPI document; the pages are not', async () => {
  await assertDocumented(
    t,
    [
      '/api/v1/officer/payouts',
      '/api/v1/officer/payouts/{id}',
      '/api/v1/officer/payouts/{id}/transfer-file',
      '/api/v1/officer/payouts/{id}/transitions',
      '/api/v1/officer/withholding',
      '/api/v1/officer/withholding.xlsx',
      '/api/v1/officer/withholding/{id}',
      '/api/v1/seller/balance',
      '/api/v1/seller/statement',
    ],
    ['/quan-ly/chi-tra'],
  );
});
