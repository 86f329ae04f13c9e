import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { fileApp } from '../../../test/helpers.js';
import { AppError } from '../../platform/http/errors.js';
import type { SupplyKind } from '../orders/events.js';
import {
  recordCodCompleted,
  recordPaymentReceived,
  refundOwed,
  releaseEscrow,
  reverseRelease,
  sellerBalance,
} from './index.js';
import { balanceOf, credit, debit, post } from './journal.js';
import { postPayout } from './payout-postings.js';
import { ledgerTaxRates, ledgerWithholdings } from './schema.js';
import { ratesOn, withholdings } from './tax.js';
import { ledgerProblems, snapshot } from './test-fixtures.js';

const t = await fileApp();

const completedAt = new Date('2026-11-12T05:00:00Z');

async function paidAndReleased(o: Parameters<typeof snapshot>[0], at = completedAt) {
  const order = snapshot(o);
  await t.db.transaction(async (tx) => {
    await recordPaymentReceived(tx, {
      orderId: order.orderId,
      sellerId: order.seller.sellerId,
      amount: BigInt(order.total),
      channel: 'vnpay',
      reference: uuidv7(),
    });
    await releaseEscrow(tx, { order, completedAt: at });
  });
  return order;
}

const withheldOf = (orderId: string) =>
  t.db.select().from(ledgerWithholdings).where(eq(ledgerWithholdings.orderId, orderId));

describe('rates', () => {
  test('Decree 117/2025 rates from 1 July 2025 (Viet Nam calendar), none before', async () => {
    assert.equal((await ratesOn(t.db, new Date('2025-06-30T16:59:00Z'))).size, 0);
    const rates = await ratesOn(t.db, new Date('2025-06-30T17:00:00Z'));
    assert.deepEqual(Object.fromEntries(rates), {
      goods: { vatBp: 100, pitBp: 50 },
      services: { vatBp: 500, pitBp: 200 },
      transport: { vatBp: 300, pitBp: 150 },
      unknown: { vatBp: 500, pitBp: 200 },
    });
  });

  test('a new rate row applies from its first day; the day before keeps the old one', async () => {
    await t.db.insert(ledgerTaxRates).values({
      supplyKind: 'goods',
      vatBp: 150,
      pitBp: 75,
      effectiveFrom: '2031-01-01',
      source: 'thử nghiệm',
    });
    assert.deepEqual((await ratesOn(t.db, new Date('2030-12-31T12:00:00Z'))).get('goods'), {
      vatBp: 100,
      pitBp: 50,
    });
    assert.deepEqual((await ratesOn(t.db, new Date('2031-01-01T12:00:00Z'))).get('goods'), {
      vatBp: 150,
      pitBp: 75,
    });
  });

  test('the kind of each line sets its rate; shipping is transport; an unknown kind takes the highest', async () => {
    const order = snapshot({
      lines: [
        { amount: 200_000n, supplyKind: 'goods' },
        { amount: 100_000n, supplyKind: 'services' },
        { amount: 50_000n, supplyKind: 'mystery' as SupplyKind },
      ],
      shippingFee: 20_000n,
    });
    const w = withholdings(order, BigInt(order.total), await ratesOn(t.db, completedAt));
    assert.deepEqual(
      w.map((x) => [x.kind, x.revenue, x.vat, x.pit]),
      [
        ['goods', 200_000n, 2_000n, 1_000n],
        ['services', 100_000n, 5_000n, 2_000n],
        ['unknown', 50_000n, 2_500n, 1_000n],
        ['transport', 20_000n, 600n, 300n],
      ],
    );
  });

  test('rounding: whole đồng, half up, once per order and kind of supply', async () => {
    const rates = await ratesOn(t.db, completedAt);
    const of = (lines: bigint[]) => {
      const o = snapshot({ lines: lines.map((amount) => ({ amount })) });
      return withholdings(o, BigInt(o.total), rates).map((x) => [x.vat, x.pit]);
    };
    assert.deepEqual(of([12_345n]), [[123n, 62n]]); // 123.45 -> 123; 61.725 -> 62
    assert.deepEqual(of([50n]), [[1n, 0n]]); // 0.5 -> 1; 0.25 -> 0
    assert.deepEqual(of([150n]), [[2n, 1n]]); // 1.5 -> 2; 0.75 -> 1
    assert.deepEqual(of([50n, 50n]), [[1n, 1n]]); // one goods total of 100, not two halves rounded up
  });

  test('companies and cooperatives are not withheld', async () => {
    const rates = await ratesOn(t.db, completedAt);
    for (const legalForm of ['company', 'cooperative'] as const)
      assert.deepEqual(withholdings(snapshot({ legalForm }), 100_000n, rates), []);
  });

  test('release writes what was withheld, per kind, dated on completion', async () => {
    const order = await paidAndReleased({
      legalForm: 'individual',
      lines: [{ amount: 400_000n }],
      shippingFee: 25_000n,
    });
    const rows = await withheldOf(order.orderId);
    assert.deepEqual(
      rows.map((r) => [r.supplyKind, r.revenue, r.vat, r.pit, r.at.toISOString()]),
      [
        ['goods', 400_000n, 4_000n, 2_000n, completedAt.toISOString()],
        ['transport', 25_000n, 750n, 375n, completedAt.toISOString()],
      ],
    );
  });
});

describe('reverseRelease', () => {
  test('in parts: fee and taxes come back in proportion, the whole returns exactly what the release moved', async () => {
    const order = await paidAndReleased({ lines: [{ amount: 333_333n }], shippingFee: 11_111n });
    const sellerId = order.seller.sellerId;
    const released = await sellerBalance(t.db, sellerId);
    const fee0 = await balanceOf(t.db, 'platform_fee');
    const vat0 = await balanceOf(t.db, 'tax_vat_payable');
    const at = new Date('2026-12-03T02:00:00Z');
    await t.db.transaction((tx) =>
      reverseRelease(tx, { order, amount: 100_001n, at, reason: 'trả một phần' }),
    );
    await t.db.transaction((tx) =>
      reverseRelease(tx, { order, amount: 244_443n, at, reason: 'trả phần còn lại' }),
    );
    assert.equal(await refundOwed(t.db, order.orderId), 344_444n);
    assert.equal((await sellerBalance(t.db, sellerId)).payable, 0n);
    assert.ok(released.payable > 0n);
    const rows = await withheldOf(order.orderId);
    const sum = (k: 'revenue' | 'vat' | 'pit') => rows.reduce((s, r) => s + r[k], 0n);
    assert.deepEqual([sum('revenue'), sum('vat'), sum('pit')], [0n, 0n, 0n]);
    // The offsets are in December, the period of the reversal.
    assert.ok(rows.filter((r) => r.revenue < 0n).every((r) => r.at.getTime() === at.getTime()));
    assert.ok(fee0 - (await balanceOf(t.db, 'platform_fee')) === 6_889n); // the fee on 344,444
    assert.ok(vat0 > (await balanceOf(t.db, 'tax_vat_payable')));
    assert.deepEqual(await ledgerProblems(t.db), []);
  });

  test('more than was released, or an order never released, is refused', async () => {
    const order = await paidAndReleased({ lines: [{ amount: 10_000n }] });
    const at = new Date();
    await assert.rejects(
      t.db.transaction((tx) => reverseRelease(tx, { order, amount: 10_001n, at, reason: 'x' })),
      (e: unknown) => e instanceof AppError && e.code === 'ledger_reversal_exceeds',
    );
    await assert.rejects(
      t.db.transaction((tx) => reverseRelease(tx, { order: snapshot(), amount: 1n, at, reason: 'x' })),
      (e: unknown) => e instanceof AppError && e.code === 'ledger_not_released',
    );
  });

  test('concurrent reversals of one order never exceed the release', async () => {
    const order = await paidAndReleased({ lines: [{ amount: 100_000n }] });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        t.db.transaction((tx) => reverseRelease(tx, { order, amount: 30_000n, at: new Date(), reason: 'x' })),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 3);
    assert.equal(await refundOwed(t.db, order.orderId), 90_000n);
    assert.deepEqual(await ledgerProblems(t.db), []);
  });

  test('releases, reversals, fees and a payout of one seller at once: no deadlock, nothing lost', async () => {
    const sellerId = uuidv7();
    const released = await Promise.all(
      Array.from({ length: 6 }, () => paidAndReleased({ sellerId, lines: [{ amount: 100_000n }] })),
    );
    const fresh = Array.from({ length: 6 }, () => snapshot({ sellerId, lines: [{ amount: 50_000n }] }));
    for (const order of fresh)
      await t.db.transaction((tx) =>
        recordPaymentReceived(tx, {
          orderId: order.orderId,
          sellerId,
          amount: 50_000n,
          channel: 'vietqr',
          reference: uuidv7(),
        }),
      );
    const cod = Array.from({ length: 6 }, () =>
      snapshot({ sellerId, paymentMethod: 'cod', lines: [{ amount: 80_000n }] }),
    );
    const at = new Date();
    const work = [
      ...fresh.map((order) => t.db.transaction((tx) => releaseEscrow(tx, { order, completedAt: at }))),
      ...released.map((order) =>
        t.db.transaction((tx) => reverseRelease(tx, { order, amount: 40_000n, at, reason: 'trả một phần' })),
      ),
      ...cod.map((order) => t.db.transaction((tx) => recordCodCompleted(tx, { order, completedAt: at }))),
      t.db.transaction((tx) => postPayout(tx, uuidv7(), sellerId)),
      t.db.transaction((tx) => postPayout(tx, uuidv7(), sellerId)),
    ];
    const results = await Promise.allSettled(work);
    assert.deepEqual(
      results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
      [],
    );
    assert.deepEqual(await ledgerProblems(t.db), []);
  });

  test('a seller already paid out owes what its balance lacks', async () => {
    const order = await paidAndReleased({ legalForm: 'company', lines: [{ amount: 50_000n }] });
    const sellerId = order.seller.sellerId;
    // Pay the seller's whole balance out, as a payout batch does.
    await t.db.transaction(async (tx) => {
      const batch = uuidv7();
      await post(tx, {
        kind: 'payout',
        reference: batch,
        sellerId,
        lines: [debit('seller_payable', 49_000n, sellerId), credit('payout_clearing', 49_000n, batch)],
      });
      await post(tx, {
        kind: 'payout_paid',
        reference: batch,
        lines: [debit('payout_clearing', 49_000n, batch), credit('cash:vietqr', 49_000n)],
      });
    });
    await t.db.transaction((tx) =>
      reverseRelease(tx, { order, amount: 50_000n, at: new Date(), reason: 'trả hàng' }),
    );
    assert.deepEqual(await sellerBalance(t.db, sellerId), {
      payable: 0n,
      receivable: 49_000n,
      available: -49_000n,
    });
    assert.deepEqual(await ledgerProblems(t.db), []);
  });
});
