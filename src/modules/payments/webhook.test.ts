import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { outbox } from '../../platform/jobs/schema.js';
import { escrowHeld } from '../ledger/index.js';
import { ledgerProblems } from '../ledger/test-fixtures.js';
import { cancelPaymentIntent } from './intents.js';
import {
  bankTransfers,
  paymentEvents,
  paymentIntents,
  paymentReceipts,
  reconciliationItems,
} from './schema.js';
import { newIntent, postWebhook, transferIn } from './test-fixtures.js';
import { codesIn } from './transfers.js';
import { sign, verifySignature } from './webhook.js';

let t: TestApp;
let buyerId: string;
before(async () => {
  t = await testApp();
  buyerId = (await signedIn(t, 'buyer')).user.id;
});
after(() => t.close());

/** Everything the payment of one intent left behind. */
async function stateOf(intent: { id: string; orderId: string; orderCode: string }) {
  const [i] = await t.db.select().from(paymentIntents).where(eq(paymentIntents.id, intent.id));
  const receipts = await t.db.select().from(paymentReceipts).where(eq(paymentReceipts.intentId, intent.id));
  const succeeded = await t.db
    .select()
    .from(outbox)
    .where(
      and(eq(outbox.topic, 'payment.succeeded'), sql`${outbox.payload}->>'orderId' = ${intent.orderId}`),
    );
  const items = await t.db
    .select()
    .from(reconciliationItems)
    .where(eq(reconciliationItems.orderCode, intent.orderCode));
  return {
    status: i!.status,
    amountPaid: i!.amountPaid,
    receipts: receipts.length,
    escrow: await escrowHeld(t.db, intent.orderId),
    succeeded: succeeded.map((e) => e.payload),
    items: items.map((r) => ({ kind: r.kind, amount: r.amount })),
  };
}

test('the exact amount with the order code pays the intent: escrow, PAYMENT_SUCCEEDED, the event kept verbatim', async () => {
  const intent = await newIntent(t, { buyerId, amount: 150_000n });
  const body = transferIn({
    amount: 150_000,
    content: `MBVCB.1234.${intent.orderCode}.CT tu 0123 NGUYEN VAN A`,
  });
  const res = await postWebhook(t, body);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { success: true, outcome: 'matched' });
  const s = await stateOf(intent);
  assert.equal(s.status, 'paid');
  assert.equal(s.amountPaid, 150_000n);
  assert.equal(s.escrow, 150_000n);
  assert.equal(s.succeeded.length, 1);
  assert.deepEqual(
    { ...(s.succeeded[0] as object), paidAt: 'x' },
    { orderId: intent.orderId, intentId: intent.id, amount: '150000', method: 'vietqr', paidAt: 'x' },
  );
  const [ev] = await t.db
    .select()
    .from(paymentEvents)
    .where(eq(paymentEvents.providerRef, `sepay:${body.id}`));
  assert.equal(ev!.rawBody, JSON.stringify(body));
  assert.equal(ev!.verified, true);
  assert.equal(ev!.outcome, 'matched');
  assert.equal(
    ev!.headers['x-signature'],
    sign(t.app.deps.config.buying.bankWebhookSecret!, JSON.stringify(body)),
  );
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('a forged signature is refused with 401: the attempt is stored, nothing is paid', async () => {
  const intent = await newIntent(t, { buyerId });
  const body = JSON.stringify(transferIn({ amount: intent.amount, content: intent.orderCode }));
  const forged = await postWebhook(t, body, sign('not-the-secret-not-the-secret', body));
  assert.equal(forged.statusCode, 401);
  assert.equal(forged.json().success, false);
  const unsigned = await t.app.inject({
    method: 'POST',
    url: '/api/v1/payments/bank-webhook',
    headers: { 'content-type': 'application/json' },
    payload: body,
  });
  assert.equal(unsigned.statusCode, 401);
  // Changed after signing: the signature no longer covers it.
  const secret = t.app.deps.config.buying.bankWebhookSecret!;
  const changed = body.replace(`"transferAmount":${intent.amount}`, '"transferAmount":1');
  assert.equal((await postWebhook(t, changed, sign(secret, body))).statusCode, 401);
  const events = await t.db
    .select()
    .from(paymentEvents)
    .where(sql`${paymentEvents.rawBody} IN (${body}, ${changed})`);
  assert.deepEqual(events.map((e) => `${e.verified} ${e.verification}`).sort(), [
    'false bad_signature',
    'false bad_signature',
    'false missing_signature',
  ]);
  const s = await stateOf(intent);
  assert.deepEqual([s.status, s.escrow, s.receipts, s.items.length], ['pending', 0n, 0, 0]);
  assert.equal(verifySignature(undefined, body, sign(secret, body)), 'not_configured');
});

test('a replayed notification counts once', async () => {
  const intent = await newIntent(t, { buyerId, amount: 99_000n });
  const body = transferIn({ amount: 99_000, content: `thanh toan ${intent.orderCode}` });
  assert.equal((await postWebhook(t, body)).json().outcome, 'matched');
  const again = await postWebhook(t, body);
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), { success: true, outcome: 'duplicate' });
  // The same transfer told again under another notification id still has its bank reference.
  assert.equal((await postWebhook(t, { ...body, id: body.id + 1 })).json().outcome, 'duplicate');
  const s = await stateOf(intent);
  assert.deepEqual(
    [s.status, s.amountPaid, s.receipts, s.escrow, s.succeeded.length],
    ['paid', 99_000n, 1, 99_000n, 1],
  );
  const events = await t.db
    .select()
    .from(paymentEvents)
    .where(eq(paymentEvents.providerRef, `sepay:${body.id}`));
  assert.deepEqual(events.map((e) => e.outcome).sort(), ['duplicate', 'matched']);
});

test('20 identical notifications at once make one payment', async () => {
  const intent = await newIntent(t, { buyerId, amount: 420_000n });
  const body = transferIn({ amount: 420_000, content: intent.orderCode });
  const answers = await Promise.all(Array.from({ length: 20 }, () => postWebhook(t, body)));
  assert.ok(answers.every((a) => a.statusCode === 200));
  const outcomes = answers.map((a) => a.json().outcome).sort();
  assert.deepEqual(outcomes, ['matched', ...Array(19).fill('duplicate')].sort());
  const s = await stateOf(intent);
  assert.deepEqual(
    [s.status, s.receipts, s.escrow, s.succeeded.length, s.items.length],
    ['paid', 1, 420_000n, 1, 0],
  );
  const transfers = await t.db.select().from(bankTransfers).where(eq(bankTransfers.intentId, intent.id));
  assert.equal(transfers.length, 1);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('a wrong amount, an unknown code, or an order no longer waiting goes to suspense and the reconciliation queue', async () => {
  const partial = await newIntent(t, { buyerId, amount: 200_000n });
  assert.equal(
    (await postWebhook(t, transferIn({ amount: 150_000, content: partial.orderCode }))).json().outcome,
    'partial',
  );
  const excess = await newIntent(t, { buyerId, amount: 200_000n });
  assert.equal(
    (await postWebhook(t, transferIn({ amount: 250_000, content: excess.orderCode }))).json().outcome,
    'excess',
  );
  const cancelled = await newIntent(t, { buyerId, amount: 80_000n });
  await cancelPaymentIntent(t.db, cancelled.orderId);
  assert.equal(
    (await postWebhook(t, transferIn({ amount: 80_000, content: cancelled.orderCode }))).json().outcome,
    'closed',
  );
  const cod = await newIntent(t, { buyerId, amount: 80_000n, method: 'cod' });
  assert.equal(
    (await postWebhook(t, transferIn({ amount: 80_000, content: cod.orderCode }))).json().outcome,
    'closed',
  );
  const unknown = transferIn({ amount: 50_000, content: 'chuyen tien DH00000000 ung ho' });
  assert.equal((await postWebhook(t, unknown)).json().outcome, 'unmatched');
  const none = transferIn({ amount: 30_000, content: 'tien hang' });
  assert.equal((await postWebhook(t, none)).json().outcome, 'unmatched');

  for (const [intent, kind, amount] of [
    [partial, 'partial', 150_000n],
    [excess, 'excess', 250_000n],
    [cancelled, 'closed', 80_000n],
    [cod, 'closed', 80_000n],
  ] as const) {
    const s = await stateOf(intent);
    assert.deepEqual(s.items, [{ kind, amount }]);
    assert.equal(s.escrow, 0n);
    assert.equal(s.receipts, 0);
    assert.equal(s.succeeded.length, 0);
  }
  const [u] = await t.db
    .select()
    .from(reconciliationItems)
    .where(eq(reconciliationItems.reference, unknown.referenceCode));
  assert.deepEqual([u!.kind, u!.orderCode, u!.amount], ['unmatched', 'DH00000000', 50_000n]);
  const [suspense] = (
    await t.db.execute<{ balance: bigint }>(sql`SELECT balance FROM ledger_accounts WHERE code = 'suspense'`)
  ).rows;
  assert.ok(BigInt(suspense!.balance) >= 150_000n + 250_000n + 80_000n * 2n + 50_000n + 30_000n);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('money going out, or into another account, is acknowledged and left alone', async () => {
  const intent = await newIntent(t, { buyerId });
  const out = { ...transferIn({ amount: intent.amount, content: intent.orderCode }), transferType: 'out' };
  assert.deepEqual((await postWebhook(t, out)).json(), { success: true, outcome: 'ignored' });
  const other = {
    ...transferIn({ amount: intent.amount, content: intent.orderCode }),
    accountNumber: '999888777',
  };
  assert.deepEqual((await postWebhook(t, other)).json(), { success: true, outcome: 'ignored' });
  const malformed = await postWebhook(t, '{"id": 1, "transferAmount": "lots"}');
  assert.equal(malformed.statusCode, 400);
  const s = await stateOf(intent);
  assert.deepEqual([s.status, s.receipts, s.items.length], ['pending', 0, 0]);
  const [ev] = await t.db
    .select()
    .from(paymentEvents)
    .where(eq(paymentEvents.rawBody, '{"id": 1, "transferAmount": "lots"}'));
  assert.equal(ev!.verification, 'malformed');
});

test('order codes are found whatever the case, spacing, punctuation and look-alike letters', () => {
  assert.deepEqual(codesIn('thanh toan dh7k3m9q2x'), ['DH7K3M9Q2X']);
  assert.deepEqual(codesIn('DH 7K3M 9Q2X'), ['DH7K3M9Q2X']);
  assert.deepEqual(codesIn('IBFT.đh-7k3m-9q2x.CT'), ['DH7K3M9Q2X']);
  assert.deepEqual(codesIn('DHO1LI2345'), ['DH01112345']);
  assert.deepEqual(codesIn('DHDH7K3M9Q2X'), ['DHDH7K3M9Q', 'DH7K3M9Q2X']);
  assert.deepEqual(codesIn('DH7K3M9Q2U'), []);
  assert.deepEqual(codesIn('chuyen tien'), []);
});

test('the code is read from spaced, lower-case content in a real notification too', async () => {
  const intent = await newIntent(t, { buyerId, amount: 60_000n });
  const spaced = `${intent.orderCode.slice(0, 2).toLowerCase()} ${intent.orderCode.slice(2, 6).toLowerCase()} ${intent.orderCode.slice(6)}`;
  assert.equal(
    (await postWebhook(t, transferIn({ amount: 60_000, content: `ck ${spaced} cam on` }))).json().outcome,
    'matched',
  );
});
