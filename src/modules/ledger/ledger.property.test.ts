import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { fileApp } from '../../../test/helpers.js';
import type { Executor } from '../../platform/db/pool.js';
import { AppError } from '../../platform/http/errors.js';
import type { LegalForm, OrderSnapshot, SupplyKind } from '../orders/events.js';
import {
  allocateSuspense,
  escrowHeld,
  recordCodCompleted,
  recordPaymentReceived,
  recordRefundPaid,
  recordSuspenseReceipt,
  refundEscrow,
  refundSuspense,
  releaseEscrow,
  reverseRelease,
} from './index.js';
import { balanceOf } from './journal.js';
import { postPayout, postPayoutCancelled, postPayoutPaid } from './payout-postings.js';
import { ledgerProblems, snapshot } from './test-fixtures.js';

const t = await fileApp();

const money = fc.bigInt({ min: 1n, max: 3_000_000n });
const orderArb = fc.record({
  seller: fc.nat({ max: 2 }),
  method: fc.constantFrom<OrderSnapshot['paymentMethod']>('cod', 'vietqr', 'vnpay'),
  lines: fc.array(
    fc.record({ amount: money, supplyKind: fc.constantFrom<SupplyKind>('goods', 'services', 'transport') }),
    { minLength: 1, maxLength: 3 },
  ),
  shippingFee: fc.bigInt({ min: 0n, max: 60_000n }),
});
const o = fc.nat({ max: 3 });
const opArb = fc.oneof(
  fc.record({ op: fc.constant('pay' as const), o, repeat: fc.boolean() }),
  fc.record({ op: fc.constant('suspense' as const), amount: money }),
  fc.record({ op: fc.constant('allocate' as const), o, amount: money }),
  fc.record({ op: fc.constant('refundSuspense' as const), amount: money }),
  fc.record({ op: fc.constant('cancel' as const), o, amount: fc.option(money) }),
  fc.record({ op: fc.constant('complete' as const), o, late: fc.boolean() }),
  fc.record({ op: fc.constant('reverse' as const), o, amount: money }),
  fc.record({ op: fc.constant('payRefund' as const), o, amount: money }),
  fc.record({ op: fc.constant('payout' as const), seller: fc.nat({ max: 2 }) }),
  fc.record({ op: fc.constant('settlePayout' as const), paid: fc.boolean() }),
);

/** Everything the ledger holds, in one value: a refused operation must leave it as it was. */
async function fingerprint(db: Executor): Promise<string> {
  const r = await db.execute(sql`
    SELECT (SELECT count(*)::text FROM ledger_entries) AS entries,
           (SELECT md5(coalesce(string_agg(id::text || ':' || balance, ',' ORDER BY id), '')) FROM ledger_accounts) AS balances`);
  return JSON.stringify(r.rows[0]);
}

let refused = 0;

test('random sequences: balanced, nothing below zero, cash in = cash out + held, refusals change nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(orderArb, { minLength: 4, maxLength: 4 }),
      fc.array(opArb, { maxLength: 25 }),
      async (specs, ops) => {
        const forms: LegalForm[] = ['household', 'individual', 'company'];
        const sellers = forms.map(() => uuidv7());
        const orders = specs.map((s) =>
          snapshot({
            sellerId: sellers[s.seller],
            legalForm: forms[s.seller],
            paymentMethod: s.method,
            lines: s.lines,
            shippingFee: s.shippingFee,
          }),
        );
        const refs: string[][] = orders.map(() => []);
        const batches: string[] = [];
        const settled = new Set<string>();
        // What each order's escrow should hold, followed alongside the ledger.
        const held = orders.map(() => 0n);
        for (const op of ops) {
          const before = await fingerprint(t.db);
          const order = 'o' in op ? orders[op.o]! : undefined;
          const ids = order && { orderId: order.orderId, sellerId: order.seller.sellerId };
          try {
            await t.db.transaction(async (tx) => {
              switch (op.op) {
                case 'pay': {
                  if (order!.paymentMethod === 'cod') return;
                  const repeat = op.repeat && refs[op.o]!.length > 0;
                  const reference = repeat ? refs[op.o]![0]! : uuidv7();
                  if (!repeat) refs[op.o]!.push(reference);
                  const amount = BigInt(order!.total);
                  await recordPaymentReceived(tx, {
                    ...ids!,
                    amount,
                    channel: order!.paymentMethod,
                    reference,
                  });
                  if (!repeat) held[op.o]! += amount;
                  return;
                }
                case 'suspense':
                  return recordSuspenseReceipt(tx, {
                    amount: op.amount,
                    channel: 'vietqr',
                    reference: uuidv7(),
                  });
                case 'allocate':
                  // Payments refuses to put money on a cash-on-delivery order (it is refunded instead).
                  if (order!.paymentMethod === 'cod') return;
                  await allocateSuspense(tx, { ...ids!, reference: uuidv7(), amount: op.amount });
                  held[op.o]! += op.amount;
                  return;
                case 'refundSuspense':
                  return refundSuspense(tx, { reference: uuidv7(), amount: op.amount });
                case 'cancel': {
                  const moved = await refundEscrow(tx, {
                    ...ids!,
                    amount: op.amount ?? undefined,
                    reason: 'hủy',
                  });
                  const expected = op.amount === null || op.amount > held[op.o]! ? held[op.o]! : op.amount;
                  assert.equal(moved, expected);
                  held[op.o]! -= moved;
                  return;
                }
                case 'complete': {
                  const completedAt = op.late
                    ? new Date('2026-12-01T00:00:00Z')
                    : new Date('2026-11-15T00:00:00Z');
                  if (order!.paymentMethod === 'cod')
                    await recordCodCompleted(tx, { order: order!, completedAt });
                  else await releaseEscrow(tx, { order: order!, completedAt });
                  held[op.o] = 0n;
                  return;
                }
                case 'reverse':
                  return reverseRelease(tx, {
                    order: order!,
                    amount: op.amount,
                    at: new Date(),
                    reason: 'trả hàng',
                  });
                case 'payRefund':
                  return recordRefundPaid(tx, {
                    orderId: order!.orderId,
                    amount: op.amount,
                    channel: 'vietqr',
                    reference: uuidv7(),
                  });
                case 'payout': {
                  const batch = uuidv7();
                  if ((await postPayout(tx, batch, sellers[op.seller]!)) > 0n) batches.push(batch);
                  return;
                }
                case 'settlePayout': {
                  const batch = batches.find((b) => !settled.has(b));
                  if (!batch) return;
                  settled.add(batch);
                  const seller = sellers.find(() => true)!;
                  if (op.paid) await postPayoutPaid(tx, batch);
                  else
                    await postPayoutCancelled(
                      tx,
                      batch,
                      sellers.filter(Boolean).concat(seller),
                      'ngân hàng từ chối',
                    );
                  return;
                }
              }
            });
          } catch (e) {
            if (!(e instanceof AppError && e.status === 409)) throw e;
            refused++;
            assert.equal(await fingerprint(t.db), before, `${op.op} was refused but changed the ledger`);
          }
          for (const [i, ord] of orders.entries())
            assert.equal(await escrowHeld(t.db, ord.orderId), held[i], `escrow of order ${i} after ${op.op}`);
        }
        assert.deepEqual(await ledgerProblems(t.db), []);
        assert.ok((await balanceOf(t.db, 'suspense')) >= 0n);
      },
    ),
    { numRuns: 30 },
  );
  // The sequences did reach the refusals (taking more than held), not only the happy paths.
  assert.ok(refused > 10, `only ${refused} refusals`);
});
