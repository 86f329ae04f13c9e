import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { after, before, test } from 'node:test';
import canonicalize from 'canonicalize';
import { eq, sql } from 'drizzle-orm';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { publish } from '../../platform/jobs/outbox.js';
import { ORDER_PLACED } from '../orders/events.js';
import { contractsModule, contractsOfOrders } from './index.js';
import { keyIdOf } from './keys.js';
import { contracts } from './schema.js';
import { contracted, parties, place } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp({ ORDER_AUTO_COMPLETE_DAYS: '9', OPERATOR_NAME: 'Sở Công Thương tỉnh Khánh Hòa' });
});
after(() => t.close());

test('the placed order becomes one contract, however often the event is handed over', async () => {
  const { order } = await parties(t);
  for (let i = 0; i < 6; i++) await publish(t.db, ORDER_PLACED, { order });
  await t.app.outbox.drain();
  await place(t, order);
  const rows = await t.db.select().from(contracts).where(eq(contracts.orderId, order.orderId));
  assert.equal(rows.length, 1);
  assert.equal(rows[0].code, `HD-${order.code}`);
  const unhandled = await t.db.execute(
    sql`SELECT count(*)::int AS n FROM outbox WHERE topic = ${ORDER_PLACED} AND NOT 'contracts' = ANY(handled_by)`,
  );
  assert.equal(unhandled.rows[0].n, 0, 'the contracts handler took every copy without error');
});

test('handled by several instances at the same moment: still one contract, and no handler fails', async () => {
  const { order } = await parties(t);
  // What two app instances' dispatchers do when each claims a copy of the event.
  const handle = contractsModule.handlers!(t.app.deps)[ORDER_PLACED] as (p: {
    order: unknown;
  }) => Promise<void>;
  const results = await Promise.allSettled(Array.from({ length: 12 }, () => handle({ order })));
  assert.deepEqual(
    results.filter((r) => r.status === 'rejected'),
    [],
  );
  const rows = await t.db.select().from(contracts).where(eq(contracts.orderId, order.orderId));
  assert.equal(rows.length, 1);
});

test('the contract file: the canonical terms, their SHA-256 and the platform’s Ed25519 signature', async () => {
  const { buyer, seller, order, code } = await contracted(t, 'vnpay');
  const res = await buyer.client.get(`/api/v1/contracts/${code}`);
  assert.equal(res.statusCode, 200);
  const file = res.json();
  const doc = file.document;
  assert.equal(file.format, 'tmdt-contract/1');
  assert.equal(doc.code, code);
  assert.deepEqual(doc.order, { id: order.orderId, code: order.code, checkoutId: order.checkoutId });
  assert.equal(doc.concludedAt, order.placedAt);
  assert.equal(doc.buyer.name, 'Trần Văn Mua');
  assert.equal(doc.buyer.address, order.buyer.address);
  assert.deepEqual(
    [doc.seller.name, doc.seller.legalForm, doc.seller.taxCode, doc.seller.address],
    [seller.shopName, 'household', seller.taxCode, order.seller.address],
  );
  assert.deepEqual(
    doc.lines.map((l: { name: string; quantity: number; unitPrice: string; amount: string }) => [
      l.name,
      l.quantity,
      l.unitPrice,
      l.amount,
    ]),
    [
      ['Yến sào tinh chế Hòn Nội', 2, '2400000', '4800000'],
      ['Hạt điều rang muối', 1, '185000', '185000'],
    ],
  );
  assert.deepEqual([doc.subtotal, doc.shipping.fee, doc.total], ['4985000', '30000', '5015000']);
  assert.deepEqual(doc.payment, { method: 'vnpay', escrow: true });
  assert.deepEqual(doc.delivery, { method: 'seller_delivery', place: order.buyer.address });
  assert.equal(doc.platform.operator.name, 'Sở Công Thương tỉnh Khánh Hòa');
  assert.equal(doc.platform.name, t.app.instance.name);
  assert.equal(doc.terms.autoCompleteDays, 9);
  assert.equal(doc.terms.escrow, true);
  assert.equal(doc.terms.returnsBeforeCompletion, true);
  assert.ok(doc.terms.clauses.some((c: string) => c.includes('sau 9 ngày')));
  assert.ok(doc.terms.clauses.some((c: string) => c.includes('giữ hộ (ký quỹ)')));
  assert.deepEqual(
    doc.law.map((l: { number: string }) => l.number),
    ['20/2023/QH15', '52/2013/NĐ-CP', '19/2023/QH15'],
  );
  assert.equal(doc.law[1].amendedBy, '85/2021/NĐ-CP');
  assert.ok(Date.parse(doc.signedAt) >= Date.parse(order.placedAt));

  // Anyone can check it with the published key alone.
  const bytes = Buffer.from(canonicalize(doc)!, 'utf8');
  assert.equal(file.hash.value, createHash('sha256').update(bytes).digest('hex'));
  const pem = (await new Client(t.app).get(`/hop-dong/khoa-cong-khai?khoa=${file.signature.keyId}`)).body;
  const key = createPublicKey(pem);
  assert.equal(keyIdOf(key), file.signature.keyId);
  assert.ok(verify(null, bytes, key, Buffer.from(file.signature.value, 'base64')));
  // It is stored as exactly those bytes.
  const [row] = await t.db.select().from(contracts).where(eq(contracts.code, code));
  assert.equal(row.document, bytes.toString('utf8'));
});

test('cash on delivery: no escrow in the terms', async () => {
  const { buyer, code } = await contracted(t, 'cod');
  const doc = (await buyer.client.get(`/api/v1/contracts/${code}`)).json().document;
  assert.deepEqual(doc.payment, { method: 'cod', escrow: false });
  assert.ok(doc.terms.clauses.some((c: string) => c.includes('tiền mặt')));
  assert.ok(!doc.terms.clauses.some((c: string) => c.includes('ký quỹ')));
});

test('the parties read the contract and download its file; nobody else does', async () => {
  const { buyer, owner, seller, code } = await contracted(t);
  const staff = await signedIn(t, 'buyer', 'Lê Văn Nhân Viên');
  await t.db.execute(
    sql`INSERT INTO seller_members (seller_id, user_id, role) VALUES (${seller.id}, ${staff.user.id}, 'staff')`,
  );
  const others = {
    anonymous: new Client(t.app),
    buyer: (await signedIn(t, 'buyer')).client,
    officer: (await signedIn(t, 'officer')).client,
    admin: (await signedIn(t, 'admin')).client,
  };
  const urls = [`/hop-dong/${code}`, `/hop-dong/${code}/tai-ve`, `/api/v1/contracts/${code}`];
  for (const url of urls) {
    for (const [who, client] of Object.entries({
      buyer: buyer.client,
      owner: owner.client,
      staff: staff.client,
    }))
      assert.equal((await client.get(url)).statusCode, 200, `${who} GET ${url}`);
    for (const [who, client] of Object.entries(others)) {
      const res = await client.get(url);
      const api = url.startsWith('/api/');
      const expected = who === 'anonymous' ? (api ? 401 : 302) : 403;
      assert.equal(res.statusCode, expected, `${who} GET ${url}`);
      if (who === 'anonymous' && !api)
        assert.equal(res.headers.location, `/dang-nhap?next=${encodeURIComponent(url)}`);
    }
  }

  const page = await buyer.client.get(`/hop-dong/${code}`);
  assert.match(page.body, new RegExp(`Hợp đồng điện tử ${code}`));
  assert.match(page.body, /Yến sào tinh chế Hòn Nội — Hộp 100 g/);
  assert.match(page.body, /5\.015\.000 ₫/);
  assert.match(page.body, /Luật Giao dịch điện tử số 20\/2023\/QH15/);
  assert.match(page.body, new RegExp(`href="/hop-dong/kiem-tra\\?ma=${code}"`));
  assert.equal(page.headers['cache-control'], 'private, no-store');
  buyer.client.lang = 'en';
  assert.match((await buyer.client.get(`/hop-dong/${code}`)).body, /The terms are in Vietnamese/);

  // The code is read in any case; the file is named after it.
  const download = await owner.client.get(`/hop-dong/${code.toLowerCase()}/tai-ve`);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-disposition'], `attachment; filename="${code}.json"`);
  assert.match(String(download.headers['content-type']), /^application\/json/);
  assert.equal(download.json().document.code, code);

  for (const url of ['/hop-dong/HD-DHZZZZZZZZ', '/hop-dong/khong-phai-ma', '/api/v1/contracts/HD-DHZZZZZZZZ'])
    assert.equal((await buyer.client.get(url)).statusCode, 404, url);
});

test('contractsOfOrders: the contract of each order that has one, for the order pages', async () => {
  const a = await contracted(t);
  const b = await parties(t);
  const found = await contractsOfOrders(t.db, [a.order.orderId, b.order.orderId]);
  assert.equal(found.size, 1);
  const ref = found.get(a.order.orderId)!;
  assert.equal(ref.code, a.code);
  assert.equal(ref.path, `/hop-dong/${a.code}`);
  assert.equal(ref.downloadPath, `/hop-dong/${a.code}/tai-ve`);
  assert.match(ref.hash, /^[0-9a-f]{64}$/);
  assert.ok(ref.signedAt instanceof Date);
  assert.equal((await contractsOfOrders(t.db, [])).size, 0);
});
