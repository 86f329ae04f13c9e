import { z } from 'zod';
import type { Db } from '../../platform/db/pool.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { refundOwed } from '../ledger/index.js';
import { zAccountNo, zBankBin, zHolderName } from '../sellers/index.js';
import { type Intent, lockIntent } from './intents.js';
import { channelOf } from './refunds.js';
import { refundAccounts } from './schema.js';

/** Required: the sellers' bank checks let an empty value through (their drafts may leave it). */
const required = <T extends z.ZodType<string>>(s: T) => s.refine((v) => v !== '', 'v.required');

/** The account a buyer gives for a refund by bank transfer, checked as sellers' accounts are. */
export const refundAccountInput = z.object({
  bankBin: required(zBankBin()),
  bankAccountNo: required(zAccountNo()),
  bankAccountName: required(zHolderName()),
});

/** The buyer's own order's payment; another person's order is as unknown as one that does not exist. */
export function ownIntent<T extends Pick<Intent, 'buyerId'>>(intent: T | undefined, buyerId: string): T {
  if (!intent || intent.buyerId !== buyerId) throw notFound();
  return intent;
}

/**
 * The buyer says where a refund owed by bank transfer should go (again: the newer account
 * replaces the older). Only while a refund is owed, and not for an order paid through the
 * gateway (its refund goes back to the card or wallet): 409.
 */
export async function saveRefundAccount(
  db: Db,
  p: z.output<typeof refundAccountInput> & { code: string; buyerId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const intent = ownIntent(await lockIntent(tx, { code: p.code }), p.buyerId);
    if (channelOf(intent) !== 'vietqr') throw conflict('payment.refund.account_not_needed');
    if ((await refundOwed(tx, intent.orderId)) <= 0n) throw conflict('payment.refund.nothing_owed');
    const values = {
      bankBin: p.bankBin,
      bankAccountNo: p.bankAccountNo,
      bankAccountName: p.bankAccountName,
    };
    await tx
      .insert(refundAccounts)
      .values({ intentId: intent.id, ...values })
      .onConflictDoUpdate({ target: refundAccounts.intentId, set: { ...values, updatedAt: new Date() } });
  });
}
