import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { fileApp } from '../../../test/helpers.js';
import { AppError } from '../../platform/http/errors.js';
import {
  allocateSuspense,
  escrowHeld,
  recordCodCompleted,
  recordPaymentReceived,
  recordRefundPaid,
  recordSuspenseReceipt,
  refundEscrow,
  refundOwed,
  refundSuspense,
  releaseEscrow,
  sellerBalance,
} from './index.js';
import { balanceOf, post } from './journal.js';
import { ledgerEntries, ledgerPostings } from './schema.js';
import { ledgerProblems, snapshot } from './test-fixtures.js';

const t = await fileApp();

const pay = (order: ReturnType<typeof snapshot>, reference = uuidv7(), amount = BigInt(order.total)) =>
  t.db.transaction((tx) =>
    recordPaymentReceived(tx, {
      orderId: order.orderId,
      sellerId: order.seller.sellerId,
      amount,
      channel: 'vietqr',
      reference,
    }),
  );

describe('escrow', () => {
  test('a payment is held in the order escrow, once per reference', async () => {
    const order = snapshot({ lines: [{ amount: 250_000n }] });
    const before = await balanceOf(t.db, 'cash:vietqr');
    await pay(order, 'FT123');
    await pay(order, 'FT123');
    assert.equal(await escrowHeld(t.db, order.orderId), 250_000n);
    assert.equal((await balanceOf(t.db, 'cash:vietqr')) - before, 250_000n);
    assert.deepEqual(await ledgerProblems(t.db), []);
  });

  test('concurrent deliveries of one payment post it once', async () => {
    const order = snapshot({ lines: [{ amount: 90_000n }] });
    await Promise.all(Array.from({ length: 20 }, () => pay(order, 'FT-race')));
    assert.equal(await escrowHeld(t.db, order.orderId), 90_000n);
  });

  test('refundEscrow moves what is held (or part of it) to the buyer, and 0 when nothing is', async () => {
    const order = snapshot({ lines: [{ amount: 300_000n }] });
    await pay(order);
    const ids = { orderId: order.orderId, sellerId: order.seller.sellerId };
    const part = await t.db.transaction((tx) =>
      refundEscrow(tx, { ...ids, amount: 100_000n, reason: 'thiếu hàng' }),
    );
    assert.equal(part, 100_000n);
    const rest = await t.db.transaction((tx) => refundEscrow(tx, { ...ids, reason: 'hủy đơn' }));
    assert.equal(rest, 200_000n);
    assert.equal(await t.db.transaction((tx) => refundEscrow(tx, { ...ids, reason: 'lần nữa' })), 0n);
    assert.equal(await escrowHeld(t.db, order.orderId), 0n);
    assert.equal(await refundOwed(t.db, order.orderId), 300_000n);
    await t.db.transaction((tx) =>
      recordRefundPaid(tx, { orderId: order.orderId, amount: 300_000n, channel: 'vietqr', reference: 'RF1' }),
    );
    assert.equal(await refundOwed(t.db, order.orderId), 0n);
    assert.deepEqual(await ledgerProblems(t.db), []);
  });

  test('a refund and a release racing for one escrow never move the money twice', async () => {
    for (let i = 0; i < 5; i++) {
      const order = snapshot({ lines: [{ amount: 500_000n }] });
      await pay(order);
      const moved = await Promise.all([
        t.db.transaction((tx) =>
          refundEscrow(tx, { orderId: order.orderId, sellerId: order.seller.sellerId, reason: 'hủy' }),
        ),
        t.db.transaction((tx) => releaseEscrow(tx, { order, completedAt: new Date() })),
      ]);
      const payable = (await sellerBalance(t.db, order.seller.sellerId)).payable;
      assert.ok((moved[0] === 500_000n && payable === 0n) || (moved[0] === 0n && payable > 0n));
      assert.equal(await escrowHeld(t.db, order.orderId), 0n);
    }
    assert.deepEqual(await ledgerProblems(t.db), []);
  });

  test('suspense: unmatched money is held, then allocated to an order or sent back', async () => {
    const order = snapshot({ lines: [{ amount: 80_000n }] });
    const start = await balanceOf(t.db, 'suspense');
    await t.db.transaction(async (tx) => {
      await recordSuspenseReceipt(tx, { amount: 100_000n, channel: 'vietqr', reference: 'FT-unmatched' });
      await recordSuspenseReceipt(tx, { amount: 100_000n, channel: 'vietqr', reference: 'FT-unmatched' });
    });
    assert.equal((await balanceOf(t.db, 'suspense')) - start, 100_000n);
    await t.db.transaction((tx) =>
      allocateSuspense(tx, {
        reference: 'REC-1',
        orderId: order.orderId,
        sellerId: order.seller.sellerId,
        amount: 80_000n,
      }),
    );
    await t.db.transaction((tx) => refundSuspense(tx, { reference: 'REC-2', amount: 20_000n }));
    assert.equal(await escrowHeld(t.db, order.orderId), 80_000n);
    assert.equal(await balanceOf(t.db, 'suspense'), start);
    assert.deepEqual(await ledgerProblems(t.db), []);
  });

  test('taking more than an account holds is refused and changes nothing', async () => {
    const before = await balanceOf(t.db, 'suspense');
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await recordSuspenseReceipt(tx, { amount: 5_000n, channel: 'vnpay', reference: 'small' });
        await refundSuspense(tx, { reference: 'too-much', amount: before + 10_000n });
      }),
      (e: unknown) => e instanceof AppError && e.status === 409 && e.code === 'ledger_insufficient',
    );
    assert.equal(await balanceOf(t.db, 'suspense'), before);
    const [{ n }] = (
      await t.db.execute(
        sql`SELECT count(*)::int AS n FROM ledger_entries WHERE reference IN ('vnpay:small', 'too-much')`,
      )
    ).rows as { n: number }[];
    assert.equal(n, 0);
  });
});

describe('completion', () => {
  test('release: seller payable is escrow less the 2 % fee and the withheld taxes', async () => {
    const order = snapshot({ lines: [{ amount: 1_000_000n }], shippingFee: 30_000n });
    await pay(order);
    await t.db.transaction((tx) =>
      releaseEscrow(tx, { order, completedAt: new Date('2026-03-10T03:00:00Z') }),
    );
    await t.db.transaction((tx) =>
      releaseEscrow(tx, { order, completedAt: new Date('2026-03-10T03:00:00Z') }),
    );
    // fee 2 % of 1,030,000 = 20,600; goods 1,000,000: VAT 10,000, PIT 5,000; transport 30,000: VAT 900, PIT 450.
    const b = await sellerBalance(t.db, order.seller.sellerId);
    assert.deepEqual(b, {
      payable: 1_030_000n - 20_600n - 10_900n - 5_450n,
      receivable: 0n,
      available: 993_050n,
    });
    assert.equal(await escrowHeld(t.db, order.orderId), 0n);
    assert.deepEqual(await ledgerProblems(t.db), []);
  });

  test('companies and cooperatives: only the fee', async () => {
    for (const legalForm of ['company', 'cooperative'] as const) {
      const order = snapshot({ legalForm, lines: [{ amount: 500_000n, supplyKind: 'services' }] });
      await pay(order);
      await t.db.transaction((tx) => releaseEscrow(tx, { order, completedAt: new Date() }));
      assert.equal((await sellerBalance(t.db, order.seller.sellerId)).payable, 490_000n);
    }
  });

  test('nothing held: release posts nothing', async () => {
    const order = snapshot();
    await t.db.transaction((tx) => releaseEscrow(tx, { order, completedAt: new Date() }));
    const rows = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, order.orderId));
    assert.equal(rows.length, 0);
  });

  test('cash on delivery: the fee is owed by the seller and offsets its payable balance', async () => {
    const sellerId = uuidv7();
    const cod = snapshot({ sellerId, paymentMethod: 'cod', lines: [{ amount: 200_000n }] });
    await t.db.transaction((tx) => recordCodCompleted(tx, { order: cod, completedAt: new Date() }));
    await t.db.transaction((tx) => recordCodCompleted(tx, { order: cod, completedAt: new Date() }));
    assert.deepEqual(await sellerBalance(t.db, sellerId), {
      payable: 0n,
      receivable: 4_000n,
      available: -4_000n,
    });
    const online = snapshot({ sellerId, legalForm: 'company', lines: [{ amount: 100_000n }] });
    await pay(online);
    await t.db.transaction((tx) => releaseEscrow(tx, { order: online, completedAt: new Date() }));
    assert.deepEqual(await sellerBalance(t.db, sellerId), {
      payable: 98_000n,
      receivable: 4_000n,
      available: 94_000n,
    });
  });

  test('a fee given by the caller overrides the configured one', async () => {
    const order = snapshot({ legalForm: 'company', lines: [{ amount: 100_000n }] });
    await pay(order);
    await t.db.transaction((tx) => releaseEscrow(tx, { order, completedAt: new Date(), feePercent: 2.5 }));
    assert.equal((await sellerBalance(t.db, order.seller.sellerId)).payable, 97_500n);
  });
});

describe('journal', () => {
  test('an unbalanced entry is refused in code', async () => {
    await assert.rejects(
      t.db.transaction((tx) =>
        post(tx, { kind: 'reversal', reference: uuidv7(), lines: [{ code: 'suspense', amount: 5n }] }),
      ),
      /does not balance/,
    );
  });

  test('and by the database at commit', async () => {
    await assert.rejects(
      t.db.transaction(async (tx) => {
        const id = await post(tx, {
          kind: 'suspense_receipt',
          reference: uuidv7(),
          lines: [
            { code: 'cash:vietqr', amount: 7n },
            { code: 'suspense', amount: -7n },
          ],
        });
        const [p] = await tx.select().from(ledgerPostings).where(eq(ledgerPostings.entryId, id!));
        await tx.insert(ledgerPostings).values({ entryId: id!, accountId: p!.accountId, amount: 1n });
      }),
      (e: Error & { cause?: { code?: string } }) =>
        (e.cause?.code ?? (e as { code?: string }).code) === '23514',
    );
  });

  test('entries, postings and withholdings are never updated or deleted', async () => {
    const order = snapshot({ lines: [{ amount: 40_000n }] });
    await pay(order);
    await t.db.transaction((tx) => releaseEscrow(tx, { order, completedAt: new Date() }));
    for (const stmt of [
      sql`UPDATE ledger_entries SET memo = 'x' WHERE order_id = ${order.orderId}`,
      sql`DELETE FROM ledger_entries WHERE order_id = ${order.orderId}`,
      sql`UPDATE ledger_postings SET amount = amount * 2`,
      sql`DELETE FROM ledger_postings`,
      sql`UPDATE ledger_withholdings SET vat = 0`,
      sql`DELETE FROM ledger_withholdings`,
      sql`TRUNCATE ledger_postings`,
      sql`DELETE FROM ledger_accounts`,
    ])
      await assert.rejects(t.db.execute(stmt), (e: Error & { cause?: { code?: string } }) =>
        /append-only/.test(`${e.message} ${e.cause}`),
      );
    assert.deepEqual(await ledgerProblems(t.db), []);
  });
});
