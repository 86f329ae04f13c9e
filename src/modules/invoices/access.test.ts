import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import {
  assertDocumented,
  auditsOf,
  Client,
  signedIn,
  type TestApp,
  testApp,
} from '../../../test/helpers.js';
import { createSession } from '../identity/index.js';
import { makeSeller } from '../sellers/console-test-fixtures.js';
import { issuerOf } from './index.js';
import { adjustForReturn, type Invoice, issueForCompletedOrder } from './issue.js';
import { invoices, invoiceTransitions } from './schema.js';
import { completed, returned, snapshot } from './test-fixtures.js';

/**
 * Who may do what with invoices, read as a table: anyone holding the code looks an invoice up;
 * a shop's members and officers replace one; buyers and members list their own.
 */
type Who = 'anonymous' | 'buyer' | 'stranger' | 'member' | 'officer' | 'admin';
const everyone: Who[] = ['anonymous', 'buyer', 'stranger', 'member', 'officer', 'admin'];
const mayReplace = (w: Who) => w === 'member' || w === 'officer' || w === 'admin';

let t: TestApp;
const clients = {} as Record<Who, Client>;
let sellerId: string;
let buyerId: string;

before(async () => {
  t = await testApp();
  const { seller, owner } = await makeSeller(t, { status: 'approved' });
  sellerId = seller.id;
  clients.anonymous = new Client(t.app);
  clients.member = new Client(t.app);
  clients.member.cookies.set('sid', (await createSession(t.db, owner.id, {})).token);
  const buyer = await signedIn(t, 'buyer', 'Trần Văn Bình');
  buyerId = buyer.user.id;
  clients.buyer = buyer.client;
  for (const role of ['officer', 'admin'] as const) clients[role] = (await signedIn(t, role)).client;
  clients.stranger = (await signedIn(t, 'buyer')).client;
});
after(() => t.close());

async function issued(): Promise<Invoice> {
  const order = snapshot({ sellerId, buyerId });
  await issueForCompletedOrder(issuerOf(t.app.deps), completed(order));
  const [inv] = await t.db.select().from(invoices).where(eq(invoices.orderId, order.orderId));
  return inv;
}
const byId = async (id: string) => (await t.db.select().from(invoices).where(eq(invoices.id, id)))[0];

const corrected = {
  buyerName: 'Công ty TNHH Thương mại Bình An',
  buyerTaxCode: '0312345678',
  buyerAddress: '12 Nguyễn Huệ, Phường Sài Gòn, TP Hồ Chí Minh',
  buyerContact: 'Trần Văn Bình',
  reason: 'Người mua đề nghị ghi tên và mã số thuế công ty.',
};

test('the seller replaces an invoice with wrong buyer details by the form: new number, old one replaced, audited', async () => {
  const inv = await issued();
  const page = await clients.member.get(`/hoa-don/tra-cuu?ma=${inv.lookupCode}`);
  assert.ok(page.body.includes(`/hoa-don/${inv.id}/thay-the`), 'members see the way to replace');
  const form = await clients.member.get(`/hoa-don/${inv.id}/thay-the`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /value="Trần Văn Bình"/);

  const missing = await clients.member.form(`/hoa-don/${inv.id}/thay-the`, { ...corrected, reason: '' });
  assert.equal(missing.statusCode, 422);
  assert.match(missing.body, /error-summary/);
  const badCode = await clients.member.form(`/hoa-don/${inv.id}/thay-the`, {
    ...corrected,
    buyerTaxCode: '123',
  });
  assert.equal(badCode.statusCode, 422);
  assert.match(badCode.body, /Mã số thuế gồm 10 chữ số/);
  assert.equal((await byId(inv.id)).status, 'issued', 'nothing changed by refused forms');

  const res = await clients.member.form(`/hoa-don/${inv.id}/thay-the`, corrected);
  assert.equal(res.statusCode, 303);
  const code = /ma=([0-9A-Z]{12})&done=1/.exec(String(res.headers.location))?.[1];
  assert.ok(code);
  const [made] = await t.db.select().from(invoices).where(eq(invoices.lookupCode, code));
  assert.equal(made.kind, 'replacement');
  assert.equal(made.relatedId, inv.id);
  assert.equal(made.number, inv.number + 1);
  assert.equal(made.total, inv.total);
  assert.equal(made.document.buyer.name, corrected.buyerName);
  assert.match(made.xml, /<MST>0312345678<\/MST>/);
  assert.match(made.xml, /<TTHDLQuan>\s*<TCHDon>1<\/TCHDon>/);
  assert.equal((await byId(inv.id)).status, 'replaced');
  const history = await t.db
    .select()
    .from(invoiceTransitions)
    .where(eq(invoiceTransitions.invoiceId, inv.id))
    .orderBy(asc(invoiceTransitions.id));
  assert.deepEqual(
    history.map((h) => [h.fromStatus, h.toStatus, h.reason]),
    [
      [null, 'issued', null],
      ['issued', 'replaced', corrected.reason],
    ],
  );
  const [audit] = await auditsOf(t, inv.id, 'invoice.replace');
  assert.equal(audit.reason, corrected.reason);
  assert.equal((audit.data as { party: string }).party, 'seller');

  const after = await clients.member.get(String(res.headers.location));
  assert.match(after.body, /Đã lập hóa đơn thay thế/);
  const old = await clients.anonymous.get(`/hoa-don/tra-cuu?ma=${inv.lookupCode}`);
  assert.match(old.body, /Đã bị thay thế/);
  assert.ok(old.body.includes(`ma=${made.lookupCode}`), 'the replaced invoice links to its replacement');

  const again = await clients.member.form(`/hoa-don/${inv.id}/thay-the`, corrected);
  assert.equal(again.statusCode, 409, 'a replaced invoice is not replaced twice');
  const api = await clients.officer.json('POST', `/api/v1/invoices/${inv.id}/replacement`, corrected);
  assert.equal(api.statusCode, 409);
});

test('officers replace by the API; an adjustment invoice cannot be replaced; a return then adjusts the replacement', async () => {
  const inv = await issued();
  const res = await clients.officer.json('POST', `/api/v1/invoices/${inv.id}/replacement`, corrected);
  assert.equal(res.statusCode, 201);
  const body = res.json();
  assert.equal(body.kind, 'replacement');
  assert.equal(body.signatureValid, true);
  assert.equal(body.document.related.nature, 1);
  assert.equal(body.related[0].id, inv.id);
  const [audit] = await auditsOf(t, inv.id, 'invoice.replace');
  assert.equal((audit.data as { party: string }).party, 'officer');

  const order = snapshot({ sellerId, buyerId });
  order.orderId = inv.orderId;
  await adjustForReturn(issuerOf(t.app.deps), returned(order, 1));
  const adjustments = await t.db.select().from(invoices).where(eq(invoices.relatedId, body.id));
  assert.equal(adjustments.length, 1, 'the return adjusts the invoice in force: the replacement');
  assert.equal(adjustments[0].document.buyer.name, corrected.buyerName);
  const refused = await clients.member.json(
    'POST',
    `/api/v1/invoices/${adjustments[0].id}/replacement`,
    corrected,
  );
  assert.equal(refused.statusCode, 409);
});

test('replacement: anonymous visitors sign in, buyers and strangers are refused, members and officers allowed', async () => {
  for (const who of everyone) {
    const inv = await issued();
    const page = await clients[who].get(`/hoa-don/${inv.id}/thay-the`);
    const expected = who === 'anonymous' ? 302 : mayReplace(who) ? 200 : 403;
    assert.equal(page.statusCode, expected, `${who} GET form`);
    const form = await clients[who].form(`/hoa-don/${inv.id}/thay-the`, corrected);
    assert.equal(
      form.statusCode,
      who === 'anonymous' ? 401 : mayReplace(who) ? 303 : 403,
      `${who} POST form`,
    );
    const other = await issued();
    const api = await clients[who].json('POST', `/api/v1/invoices/${other.id}/replacement`, corrected);
    assert.equal(api.statusCode, who === 'anonymous' ? 401 : mayReplace(who) ? 201 : 403, `${who} API`);
  }
  assert.equal((await clients.member.get('/hoa-don/not-an-id/thay-the')).statusCode, 404);
});

test('look-up by code is open to everyone; lists show each their own', async () => {
  const inv = await issued();
  for (const who of everyone) {
    assert.equal((await clients[who].get(`/hoa-don/tra-cuu?ma=${inv.lookupCode}`)).statusCode, 200, who);
    assert.equal((await clients[who].get(`/api/v1/invoices/lookup/${inv.lookupCode}`)).statusCode, 200, who);
    assert.equal((await clients[who].get(`/hoa-don/tra-cuu/${inv.lookupCode}/xml`)).statusCode, 200, who);
    const mine = await clients[who].get('/tai-khoan/hoa-don');
    assert.equal(mine.statusCode, who === 'anonymous' ? 302 : 200, `${who} buyer list`);
    const api = await clients[who].get('/api/v1/me/invoices');
    assert.equal(api.statusCode, who === 'anonymous' ? 401 : 200, `${who} buyer API`);
    const own = who === 'buyer' ? api.json().invoices.some((i: { id: string }) => i.id === inv.id) : false;
    assert.equal(own, who === 'buyer', `${who} sees the invoice among their own`);
    const shop = await clients[who].get('/kenh-ban-hang/hoa-don');
    assert.equal(
      shop.statusCode,
      who === 'anonymous' ? 302 : who === 'member' ? 200 : 404,
      `${who} shop list`,
    );
    const shopApi = await clients[who].get(`/api/v1/seller/invoices?shop=${sellerId}`);
    assert.equal(
      shopApi.statusCode,
      who === 'anonymous' ? 401 : who === 'member' ? 200 : 403,
      `${who} shop API`,
    );
  }
  const shopList = (await clients.member.get(`/api/v1/seller/invoices?shop=${sellerId}`)).json().invoices;
  assert.ok(shopList.some((i: { id: string }) => i.id === inv.id));
  const page = await clients.member.get('/kenh-ban-hang/hoa-don');
  assert.ok(page.body.includes(inv.lookupCode));
  // The buyer's account page and the seller centre lead to them.
  assert.match(
    (await clients.buyer.get('/tai-khoan')).body,
    /<a href="\/tai-khoan\/hoa-don">Hóa đơn của tôi<\/a>/,
  );
  assert.match(
    (await clients.member.get('/kenh-ban-hang')).body,
    new RegExp(`<a href="/kenh-ban-hang/hoa-don\\?shop=${sellerId}">Hóa đơn đã phát hành</a>`),
  );
});

test('the invoices API is in the OpenAPI document; the pages are not', async () => {
  await assertDocumented(
    t,
    [
      '/api/v1/invoices/lookup/{code}',
      '/api/v1/invoices/{id}/replacement',
      '/api/v1/invoices/verify',
      '/api/v1/me/invoices',
      '/api/v1/seller/invoices',
      '/hoa-don/tra-cuu/{code}/xml',
      '/hoa-don/tra-cuu/{code}/pdf',
    ],
    ['/hoa-don/tra-cuu'],
  );
});
