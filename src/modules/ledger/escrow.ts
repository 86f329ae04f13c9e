import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../platform/db/pool.js';
import { balanceOf, type Channel, credit, debit, lockBalance, post } from './journal.js';

function positive(amount: bigint, what: string) {
  if (amount <= 0n) throw new Error(`ledger: ${what} must be a positive amount, got ${amount}`);
}

/**
 * Money paid for an order reached the platform: Dr cash of the channel, Cr the order's escrow.
 * `reference` is the provider's transaction id; a second call with it (per channel) does nothing.
 */
export async function recordPaymentReceived(
  tx: Executor,
  p: { orderId: string; sellerId: string; amount: bigint; channel: Channel; reference: string },
): Promise<void> {
  positive(p.amount, 'a payment');
  await post(tx, {
    kind: 'payment',
    reference: `${p.channel}:${p.reference}`,
    orderId: p.orderId,
    sellerId: p.sellerId,
    lines: [debit(`cash:${p.channel}`, p.amount), credit('escrow', p.amount, p.orderId)],
  });
}

/** Money that matched no order (or an order no longer waiting): Dr cash / Cr suspense. */
export async function recordSuspenseReceipt(
  tx: Executor,
  p: { amount: bigint; channel: Channel; reference: string },
): Promise<void> {
  positive(p.amount, 'a receipt');
  await post(tx, {
    kind: 'suspense_receipt',
    reference: `${p.channel}:${p.reference}`,
    lines: [debit(`cash:${p.channel}`, p.amount), credit('suspense', p.amount)],
  });
}

/** An officer matched money in suspense to an order: suspense -> the order's escrow. `reference` is unique per allocation. */
export async function allocateSuspense(
  tx: Executor,
  p: { reference: string; orderId: string; sellerId: string; amount: bigint },
): Promise<void> {
  positive(p.amount, 'an allocation');
  await post(tx, {
    kind: 'suspense_allocation',
    reference: p.reference,
    orderId: p.orderId,
    sellerId: p.sellerId,
    lines: [debit('suspense', p.amount), credit('escrow', p.amount, p.orderId)],
  });
}

/**
 * Money in suspense sent back to whoever paid it: Dr suspense / Cr cash. Unmatched money is
 * returned by bank transfer from the collection account unless `channel` says otherwise.
 */
export async function refundSuspense(
  tx: Executor,
  p: { reference: string; amount: bigint; channel?: Channel },
): Promise<void> {
  positive(p.amount, 'a refund');
  await post(tx, {
    kind: 'suspense_refund',
    reference: p.reference,
    lines: [debit('suspense', p.amount), credit(`cash:${p.channel ?? 'vietqr'}`, p.amount)],
  });
}

/**
 * An order's escrow (all of it, or at most `amount`) becomes a refund owed to the buyer.
 * Returns what moved: 0n when nothing is held. The escrow row is locked, so a refund and a
 * release of the same order run one after the other and never move the same money twice.
 */
export async function refundEscrow(
  tx: Executor,
  p: { orderId: string; sellerId: string; amount?: bigint; reason: string },
): Promise<bigint> {
  const held = await lockBalance(tx, 'escrow', p.orderId);
  const moved = p.amount === undefined || p.amount > held ? held : p.amount;
  if (moved <= 0n) return 0n;
  await post(tx, {
    kind: 'escrow_refund',
    reference: uuidv7(),
    orderId: p.orderId,
    sellerId: p.sellerId,
    memo: p.reason,
    lines: [debit('escrow', moved, p.orderId), credit('refund_payable', moved, p.orderId)],
  });
  return moved;
}

/** A refund owed to the buyer of an order was paid out: Dr refund payable / Cr cash. Once per reference. */
export async function recordRefundPaid(
  tx: Executor,
  p: { orderId: string; amount: bigint; channel: Channel; reference: string },
): Promise<void> {
  positive(p.amount, 'a refund');
  await post(tx, {
    kind: 'refund_paid',
    reference: `${p.channel}:${p.reference}`,
    orderId: p.orderId,
    lines: [debit('refund_payable', p.amount, p.orderId), credit(`cash:${p.channel}`, p.amount)],
  });
}

/** Money held for an order. */
export const escrowHeld = (db: Executor, orderId: string) => balanceOf(db, 'escrow', orderId);

/** Refund owed to an order's buyer and not yet paid. */
export const refundOwed = (db: Executor, orderId: string) => balanceOf(db, 'refund_payable', orderId);

export interface RefundOwed {
  orderId: string;
  amount: bigint;
  /** When the latest money became owed (a cancellation, a return, a reversal). */
  since: Date;
}

/**
 * The orders whose buyers are owed a refund not yet paid, the longest waiting first, a page at
 * a time, and how many there are.
 */
export async function refundsOwed(
  db: Executor,
  page: { limit: number; offset: number },
): Promise<{ rows: RefundOwed[]; total: number }> {
  const rows = await db.execute<{ order_id: string; amount: bigint; since: Date }>(sql`
    SELECT a.subject_id AS order_id, a.balance AS amount, max(e.at) AS since
    FROM ledger_accounts a
    JOIN ledger_postings p ON p.account_id = a.id AND p.amount < 0
    JOIN ledger_entries e ON e.id = p.entry_id
    WHERE a.code = 'refund_payable' AND a.balance > 0
    GROUP BY a.id
    ORDER BY since, a.subject_id
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  const [count] = (
    await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ledger_accounts WHERE code = 'refund_payable' AND balance > 0`,
    )
  ).rows;
  return {
    rows: rows.rows.map((r) => ({ orderId: r.order_id, amount: BigInt(r.amount), since: new Date(r.since) })),
    total: count!.n,
  };
}

/** What the platform owes a seller, what the seller owes it (fees of cash-on-delivery orders), and the difference. */
export async function sellerBalance(
  db: Executor,
  sellerId: string,
): Promise<{ payable: bigint; receivable: bigint; available: bigint }> {
  const payable = await balanceOf(db, 'seller_payable', sellerId);
  const receivable = await balanceOf(db, 'seller_receivable', sellerId);
  return { payable, receivable, available: payable - receivable };
}
