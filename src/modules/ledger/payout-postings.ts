import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import { credit, debit, lockBalance, post, reverseEntry } from './journal.js';
import { ledgerEntries } from './schema.js';

/**
 * A seller's available balance goes into a payout batch: its payable balance is debited in
 * full, what it owes (fees of cash-on-delivery orders) is settled from it, and the rest waits
 * in the batch's clearing account until the bank transfer is done. Returns that rest (0n when
 * nothing is available: the seller is left out).
 */
export async function postPayout(
  tx: Executor,
  batchId: string,
  sellerId: string,
  memo = '',
): Promise<bigint> {
  const payable = await lockBalance(tx, 'seller_payable', sellerId);
  const receivable = await lockBalance(tx, 'seller_receivable', sellerId);
  const available = payable - receivable;
  if (available <= 0n) return 0n;
  const id = await post(tx, {
    kind: 'payout',
    reference: `${batchId}:${sellerId}`,
    sellerId,
    memo,
    lines: [
      debit('seller_payable', payable, sellerId),
      credit('seller_receivable', receivable, sellerId),
      credit('payout_clearing', available, batchId),
    ],
  });
  return id ? available : 0n;
}

/** The bank transferred a batch: its clearing account is paid out of the collection account. */
export async function postPayoutPaid(tx: Executor, batchId: string, memo = ''): Promise<bigint> {
  const amount = await lockBalance(tx, 'payout_clearing', batchId);
  if (amount <= 0n) return 0n;
  await post(tx, {
    kind: 'payout_paid',
    reference: batchId,
    memo,
    lines: [debit('payout_clearing', amount, batchId), credit('cash:vietqr', amount)],
  });
  return amount;
}

/**
 * A batch that will not be paid: each seller's payout entry is reversed, posting for posting,
 * which gives back both the payable balance and what it had settled of the receivable.
 */
export async function postPayoutCancelled(
  tx: Executor,
  batchId: string,
  sellerIds: string[],
  reason: string,
): Promise<void> {
  for (const sellerId of sellerIds) {
    const [entry] = await tx
      .select({ id: ledgerEntries.id })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.kind, 'payout'), eq(ledgerEntries.reference, `${batchId}:${sellerId}`)));
    if (entry) await reverseEntry(tx, entry.id, { kind: 'payout_cancelled', memo: reason });
  }
}
