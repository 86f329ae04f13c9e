import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { vietnamDay } from '../../platform/http/i18n.js';
import { publish } from '../../platform/jobs/outbox.js';
import { ORDER_COMPLETED, ORDER_RETURNED, type OrderSnapshot } from '../orders/events.js';
import { invoicesOfOrders, issuerOf } from './index.js';
import { adjustForReturn, type Issuer, issueForCompletedOrder } from './issue.js';
import type { InvoiceProvider } from './provider.js';
import { signatureCheck } from './queries.js';
import { invoices, invoiceTransitions } from './schema.js';
import { retrySubmissions } from './submission.js';
import { completed, line, returned, snapshot } from './test-fixtures.js';
import { vatRateOn } from './vat-rates.js';

let t: TestApp;
let issuer: Issuer;
before(async () => {
  t = await testApp();
  issuer = issuerOf(t.app.deps);
});
after(() => t.close());

const today = () => vietnamDay();
const symbol = () => `K${today().slice(2, 4)}TTM`;

async function send(topic: string, payload: unknown) {
  await publish(t.db, topic, payload as Record<string, unknown>);
  await t.app.outbox.drain();
}
const invoicesOfOrder = (orderId: string) =>
  t.db.select().from(invoices).where(eq(invoices.orderId, orderId)).orderBy(asc(invoices.createdAt));

test('a completed order gets one signed invoice in the seller name, whatever the number of deliveries', async () => {
  const order = snapshot();
  await send(ORDER_COMPLETED, completed(order));
  await send(ORDER_COMPLETED, completed(order));
  const [inv, ...more] = await invoicesOfOrder(order.orderId);
  assert.equal(more.length, 0);
  assert.equal(inv.kind, 'original');
  assert.equal(inv.form, '1', 'a cooperative declares VAT by the credit method');
  assert.equal(inv.symbol, symbol());
  assert.equal(inv.number, 1);
  assert.equal(inv.issuedOn, today());
  assert.equal(inv.sellerId, order.seller.sellerId);
  assert.equal(inv.buyerId, order.buyer.userId);
  assert.equal(inv.total, 3_135_000n, 'the invoice says what the buyer paid');
  assert.equal(inv.submission, 'issued_locally');
  assert.match(inv.lookupCode, /^[0-9A-HJKMNP-TV-Z]{12}$/);
  assert.equal((await signatureCheck(t.db, inv)).valid, true);
  assert.match(inv.xml, /<NBan>\s*<Ten>Hợp tác xã Yến sào Cam Lâm<\/Ten>\s*<MST>4201234566<\/MST>/);
  assert.match(inv.xml, new RegExp(`<KHHDon>${symbol()}</KHHDon>\\s*<SHDon>1</SHDon>`));
  const rate = vatRateOn('food.bird_nest', today()).rate;
  assert.match(inv.xml, new RegExp(`<THHDVu>Phí vận chuyển</THHDVu>[\\s\\S]*?<TSuat>${rate}</TSuat>`));
  assert.match(inv.xml, /<TSuat>KCT<\/TSuat>/);
  assert.match(inv.xml, /<TgTTTBChu>Ba triệu một trăm ba mươi lăm nghìn đồng chẵn<\/TgTTTBChu>/);
  const history = await t.db
    .select()
    .from(invoiceTransitions)
    .where(eq(invoiceTransitions.invoiceId, inv.id));
  assert.deepEqual(
    history.map((h) => [h.fromStatus, h.toStatus]),
    [[null, 'issued']],
  );

  const next = snapshot({ sellerId: order.seller.sellerId });
  await send(ORDER_COMPLETED, completed(next));
  assert.equal((await invoicesOfOrder(next.orderId))[0].number, 2, 'the same series counts on');
});

test('households and individuals issue sales invoices (form 2) without VAT', async () => {
  const order = snapshot({ legalForm: 'household' });
  await send(ORDER_COMPLETED, completed(order));
  const [inv] = await invoicesOfOrder(order.orderId);
  assert.equal(inv.form, '2');
  assert.equal(inv.number, 1, 'form 2 is a series of its own');
  assert.equal(inv.tax, 0n);
  assert.match(inv.xml, /<THDon>Hóa đơn bán hàng<\/THDon>\s*<KHMSHDon>2<\/KHMSHDon>/);
  assert.ok(!inv.xml.includes('<TSuat>'));
});

test('50 concurrent issues for one seller (some events delivered twice) are numbered exactly 1..50', async () => {
  const sellerId = snapshot().seller.sellerId;
  const orders = Array.from({ length: 50 }, () => snapshot({ sellerId, lines: [line({ quantity: 1 })] }));
  const calls = [...orders, ...orders.slice(0, 10)].map((o) => issueForCompletedOrder(issuer, completed(o)));
  await Promise.all(calls);
  const rows = await t.db
    .select({ number: invoices.number, orderId: invoices.orderId })
    .from(invoices)
    .where(eq(invoices.sellerId, sellerId))
    .orderBy(asc(invoices.number));
  assert.deepEqual(
    rows.map((r) => r.number),
    Array.from({ length: 50 }, (_, i) => i + 1),
  );
  assert.equal(new Set(rows.map((r) => r.orderId)).size, 50);
});

test('an issue that fails after taking a number gives it back: no gap', async () => {
  const sellerId = snapshot().seller.sellerId;
  await issueForCompletedOrder(issuer, completed(snapshot({ sellerId })));
  const broken: Issuer = {
    ...issuer,
    key: async () => ({ ...(await issuer.key()), privateKeyPem: 'not a key' }),
  };
  await assert.rejects(issueForCompletedOrder(broken, completed(snapshot({ sellerId }))));
  await issueForCompletedOrder(issuer, completed(snapshot({ sellerId })));
  const numbers = await t.db
    .select({ n: invoices.number })
    .from(invoices)
    .where(eq(invoices.sellerId, sellerId))
    .orderBy(asc(invoices.number));
  assert.deepEqual(
    numbers.map((r) => r.n),
    [1, 2],
  );
});

async function returnedFlow(order: OrderSnapshot) {
  const [original] = await invoicesOfOrder(order.orderId);
  const all = await invoicesOfOrder(order.orderId);
  const adjustments = all.filter((i) => i.kind === 'adjustment');
  return { original, adjustments };
}

test('a return issues an adjustment invoice referencing the original, with negative amounts, once', async () => {
  const order = snapshot();
  await send(ORDER_COMPLETED, completed(order));
  const ev = returned(order, 1);
  await send(ORDER_RETURNED, ev);
  await send(ORDER_RETURNED, ev);
  const { original, adjustments } = await returnedFlow(order);
  assert.equal(adjustments.length, 1);
  const adj = adjustments[0];
  assert.equal(adj.relatedId, original.id);
  assert.equal(adj.number, original.number + 1);
  assert.equal(adj.total, -1_250_000n);
  assert.equal(original.status, 'issued', 'an adjusted invoice stays in force');
  const related = new RegExp(
    `<TTHDLQuan>\\s*<TCHDon>2</TCHDon>\\s*<LHDCLQuan>1</LHDCLQuan>\\s*<KHMSHDCLQuan>1</KHMSHDCLQuan>\\s*<KHHDCLQuan>${original.symbol}</KHHDCLQuan>\\s*<SHDCLQuan>${original.number}</SHDCLQuan>\\s*<NLHDCLQuan>${original.issuedOn}</NLHDCLQuan>`,
  );
  assert.match(adj.xml, related);
  assert.match(adj.xml, /<SLuong>-1<\/SLuong>/);
  assert.match(adj.xml, /<TgTTTBSo>-1250000<\/TgTTTBSo>/);
  assert.match(adj.xml, /<TgTTTBChu>Âm một triệu hai trăm năm mươi nghìn đồng chẵn<\/TgTTTBChu>/);
  assert.equal((await signatureCheck(t.db, adj)).valid, true);
});

test('a return recorded before the invoice is adjusted right after the invoice is issued', async () => {
  const order = snapshot();
  await adjustForReturn(issuer, returned(order, 2));
  assert.equal((await invoicesOfOrder(order.orderId)).length, 0, 'nothing to adjust yet');
  await issueForCompletedOrder(issuer, completed(order));
  const { original, adjustments } = await returnedFlow(order);
  assert.equal(original.kind, 'original');
  assert.equal(adjustments.length, 1);
  assert.equal(adjustments[0].total, -2_500_000n);
});

test('the order pages get each order its invoices, in the order they were made', async () => {
  const a = snapshot();
  const b = snapshot();
  await issueForCompletedOrder(issuer, completed(a));
  await adjustForReturn(issuer, returned(a, 1));
  const map = await invoicesOfOrders(t.db, [a.orderId, b.orderId, 'not-an-id']);
  assert.deepEqual(
    map.get(a.orderId)?.map((l) => l.kind),
    ['original', 'adjustment'],
  );
  assert.equal(map.has(b.orderId), false);
  const link = map.get(a.orderId)![0];
  assert.equal(link.url, `/hoa-don/tra-cuu?ma=${link.lookupCode}`);
  assert.equal(link.pdfUrl, `/hoa-don/tra-cuu/${link.lookupCode}/pdf`);
});

test('a provider that codes the invoice: the code is added outside the signed data; a provider down: retried', async () => {
  const coding: InvoiceProvider = {
    name: 'test-provider',
    codeKind: 'C',
    async submit(inv) {
      assert.match(inv.xml, /<SignatureValue>/);
      return { status: 'accepted', taxAuthorityCode: `00${inv.number}ABCDEF0123456789ABCDEF012345678` };
    },
  };
  const order = snapshot();
  await issueForCompletedOrder({ ...issuer, provider: coding }, completed(order));
  const [inv] = await invoicesOfOrder(order.orderId);
  assert.equal(inv.symbol, `C${today().slice(2, 4)}TTM`, 'coded invoices are a C series');
  assert.equal(inv.submission, 'accepted');
  assert.match(inv.xml, /<\/DLHDon>\s*<MCCQT Id="MCCQT">001ABCDEF/);
  assert.equal((await signatureCheck(t.db, inv)).valid, true);

  let up = false;
  const flaky: InvoiceProvider = {
    name: 'flaky',
    codeKind: 'K',
    async submit() {
      if (!up) throw new Error('provider unreachable');
      return { status: 'issued_locally' };
    },
  };
  const other = snapshot();
  await issueForCompletedOrder({ ...issuer, provider: flaky }, completed(other));
  const [pending] = await invoicesOfOrder(other.orderId);
  assert.equal(pending.submission, 'pending');
  assert.match(pending.providerMessage ?? '', /unreachable/);
  up = true;
  await t.db.execute(
    sql`UPDATE invoices SET created_at = now() - interval '2 minutes' WHERE id = ${pending.id}`,
  );
  assert.ok((await retrySubmissions({ db: t.db, provider: flaky })) >= 1);
  const [done] = await t.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, pending.id)));
  assert.equal(done.submission, 'issued_locally');
});
