import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditsOf, fileApp, signedIn } from '../../../test/helpers.js';
import { outbox } from '../../platform/jobs/schema.js';
import { escrowHeld } from '../ledger/index.js';
import { ledgerProblems } from '../ledger/test-fixtures.js';
import { cancelPaymentIntent, paymentsOf } from './intents.js';
import { reconciliationItems } from './schema.js';
import { newIntent, postWebhook, transferIn } from './test-fixtures.js';

const t = await fileApp();
const buyerId = (await signedIn(t, 'buyer')).user.id;
const officer = await signedIn(t, 'officer');

/** Sends a transfer through the webhook and answers the queue item it made. */
async function itemFor(amount: number, content: string) {
  const body = transferIn({ amount, content });
  await postWebhook(t, body);
  const [item] = await t.db
    .select()
    .from(reconciliationItems)
    .where(eq(reconciliationItems.reference, body.referenceCode));
  return item!;
}

const succeededFor = (orderId: string) =>
  t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.topic, 'payment.succeeded'), sql`${outbox.payload}->>'orderId' = ${orderId}`));

test('two partial transfers matched by an officer pay the order once the amount is covered', async () => {
  const intent = await newIntent(t, { buyerId, amount: 300_000n });
  const first = await itemFor(100_000, `${intent.orderCode} lan 1`);
  const second = await itemFor(200_000, `${intent.orderCode} lan 2`);
  assert.deepEqual([first.kind, second.kind], ['partial', 'partial']);

  const queue = await officer.client.get('/quan-ly/doi-soat');
  assert.equal(queue.statusCode, 200);
  assert.match(queue.body, new RegExp(`href="/quan-ly/doi-soat/${first.id}"`));
  const page = await officer.client.get(`/quan-ly/doi-soat/${first.id}`);
  assert.match(
    page.body,
    new RegExp(`value="${intent.orderCode}"`),
    'the code read from the content is offered',
  );

  const res = await officer.client.form(`/quan-ly/doi-soat/${first.id}/allocate`, {
    orderCode: intent.orderCode.toLowerCase(),
    amount: '',
    reason: 'Khách chuyển làm hai lần, đã gọi điện xác nhận',
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/quan-ly/doi-soat/${first.id}?done=allocate`);
  let s = (await paymentsOf(t.db, [intent.orderId])).get(intent.orderId)!;
  assert.deepEqual([s.status, s.amountPaid], ['partially_paid', 100_000n]);
  assert.equal((await succeededFor(intent.orderId)).length, 0);

  const api = await officer.client.json('POST', `/api/v1/payments/reconciliation/${second.id}/allocate`, {
    orderCode: intent.orderCode,
    reason: 'Phần còn lại của đơn',
  });
  assert.equal(api.statusCode, 200);
  assert.equal(api.json().left, 0);
  assert.notEqual(api.json().resolvedAt, null);
  s = (await paymentsOf(t.db, [intent.orderId])).get(intent.orderId)!;
  assert.deepEqual([s.status, s.amountPaid], ['paid', 300_000n]);
  assert.equal(await escrowHeld(t.db, intent.orderId), 300_000n);
  const events = await succeededFor(intent.orderId);
  assert.equal(events.length, 1);
  assert.equal((events[0]!.payload as { amount: string }).amount, '300000');

  const audits = await auditsOf(t, first.id, 'payment.allocate_suspense');
  assert.equal(audits.length, 1);
  assert.equal(audits[0]!.reason, 'Khách chuyển làm hai lần, đã gọi điện xác nhận');
  assert.equal(audits[0]!.actorId, officer.user.id);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('an excess: the order gets what it needs, the rest goes back to the payer', async () => {
  const intent = await newIntent(t, { buyerId, amount: 180_000n });
  const item = await itemFor(200_000, intent.orderCode);
  assert.equal(item.kind, 'excess');
  assert.equal(
    (
      await officer.client.form(`/quan-ly/doi-soat/${item.id}/allocate`, {
        orderCode: intent.orderCode,
        reason: 'Đủ tiền đơn',
      })
    ).statusCode,
    303,
  );
  assert.equal((await paymentsOf(t.db, [intent.orderId])).get(intent.orderId)!.status, 'paid');
  const refund = await officer.client.form(`/quan-ly/doi-soat/${item.id}/refund`, {
    amount: '',
    reason: 'Trả lại 20.000 đ chuyển thừa',
  });
  assert.equal(refund.statusCode, 303);
  const [after_] = await t.db.select().from(reconciliationItems).where(eq(reconciliationItems.id, item.id));
  assert.deepEqual([after_!.allocated, after_!.refunded], [180_000n, 20_000n]);
  assert.ok(after_!.resolvedAt);
  const page = await officer.client.get(`/quan-ly/doi-soat/${item.id}`);
  assert.match(page.body, /đã được xử lý hết/);
  assert.doesNotMatch(page.body, /action="\/quan-ly\/doi-soat\/[^"]+\/refund"/);
  assert.equal((await auditsOf(t, item.id, 'payment.refund_suspense')).length, 1);
  const closed = await officer.client.form(`/quan-ly/doi-soat/${item.id}/refund`, { reason: 'lần nữa' });
  assert.equal(closed.statusCode, 409);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('a decision needs a reason, a real order that still waits for a transfer, and no more than is left', async () => {
  const intent = await newIntent(t, { buyerId, amount: 500_000n });
  const item = await itemFor(120_000, 'khong co ma don');
  const noReason = await officer.client.form(`/quan-ly/doi-soat/${item.id}/allocate`, {
    orderCode: intent.orderCode,
    reason: ' ',
  });
  assert.equal(noReason.statusCode, 422);
  assert.match(noReason.body, /href="#f-allocate-reason"/);
  assert.match(noReason.body, new RegExp(`value="${intent.orderCode}"`), 'what was typed is kept');

  const unknown = await officer.client.form(`/quan-ly/doi-soat/${item.id}/allocate`, {
    orderCode: 'DH00000000',
    reason: 'thử',
  });
  assert.equal(unknown.statusCode, 422);
  assert.match(unknown.body, /Không có đơn hàng với mã này/);

  const cancelled = await newIntent(t, { buyerId });
  await cancelPaymentIntent(t.db, cancelled.orderId);
  const notWaiting = await officer.client.json(
    'POST',
    `/api/v1/payments/reconciliation/${item.id}/allocate`,
    {
      orderCode: cancelled.orderCode,
      reason: 'thử',
    },
  );
  assert.equal(notWaiting.statusCode, 422);
  assert.equal(notWaiting.json().error.fields[0].field, 'orderCode');

  // A cash-on-delivery order takes no money through the platform: a transfer for it is refunded.
  const cod = await newIntent(t, { buyerId, method: 'cod' });
  const onCod = await officer.client.form(`/quan-ly/doi-soat/${item.id}/allocate`, {
    orderCode: cod.orderCode,
    reason: 'khách chuyển nhầm',
  });
  assert.equal(onCod.statusCode, 422);
  assert.match(onCod.body, /trả tiền mặt khi nhận hàng/);
  assert.equal(await escrowHeld(t.db, cod.orderId), 0n);

  const tooMuch = await officer.client.json('POST', `/api/v1/payments/reconciliation/${item.id}/refund`, {
    amount: 120_001,
    reason: 'thử',
  });
  assert.equal(tooMuch.statusCode, 422);
  const noReasonApi = await officer.client.json('POST', `/api/v1/payments/reconciliation/${item.id}/refund`, {
    reason: '',
  });
  assert.equal(noReasonApi.statusCode, 422);
  const [still] = await t.db.select().from(reconciliationItems).where(eq(reconciliationItems.id, item.id));
  assert.deepEqual([still!.allocated, still!.refunded, still!.resolvedAt], [0n, 0n, null]);
});

test('officers deciding on one item at once never move more than it holds', async () => {
  const item = await itemFor(90_000, 'khong ro');
  const intents = await Promise.all(
    Array.from({ length: 6 }, () => newIntent(t, { buyerId, amount: 90_000n })),
  );
  const answers = await Promise.all([
    ...intents.map((i) =>
      officer.client.json('POST', `/api/v1/payments/reconciliation/${item.id}/allocate`, {
        orderCode: i.orderCode,
        reason: 'cùng lúc',
      }),
    ),
    officer.client.json('POST', `/api/v1/payments/reconciliation/${item.id}/refund`, { reason: 'cùng lúc' }),
  ]);
  assert.equal(answers.filter((a) => a.statusCode === 200).length, 1);
  assert.ok(answers.every((a) => a.statusCode === 200 || a.statusCode === 409));
  const [row] = await t.db.select().from(reconciliationItems).where(eq(reconciliationItems.id, item.id));
  assert.equal(row!.allocated + row!.refunded, 90_000n);
  const paid = [
    ...(
      await paymentsOf(
        t.db,
        intents.map((i) => i.orderId),
      )
    ).values(),
  ].filter((s) => s.status === 'paid');
  assert.equal(paid.length, row!.allocated === 90_000n ? 1 : 0);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('the queue lists open and handled items, as a page and as JSON', async () => {
  const item = await itemFor(10_000, 'ung ho');
  const open = await officer.client.get('/api/v1/payments/reconciliation');
  assert.equal(open.statusCode, 200);
  assert.ok(open.json().items.some((i: { id: string }) => i.id === item.id));
  const detail = (await officer.client.get(`/api/v1/payments/reconciliation/${item.id}`)).json();
  assert.equal(detail.kind, 'unmatched');
  assert.match(detail.rawNotification, /ung ho/);
  await officer.client.json('POST', `/api/v1/payments/reconciliation/${item.id}/refund`, {
    reason: 'Trả lại',
  });
  const resolved = (await officer.client.get('/api/v1/payments/reconciliation?state=resolved')).json();
  assert.ok(resolved.items.some((i: { id: string }) => i.id === item.id));
  const page = await officer.client.get('/quan-ly/doi-soat?state=resolved');
  assert.match(page.body, new RegExp(item.id));
});
