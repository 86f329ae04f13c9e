import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import { foldVietnamese } from '../../platform/text.js';
import { recordPaymentReceived, recordSuspenseReceipt } from '../ledger/index.js';
import { countReceipt, existingCodes, lockIntent } from './intents.js';
import { openStates } from './lifecycle.js';
import { bankTransfers, paymentEvents, reconciliationItems } from './schema.js';

/** Order codes: DH and eight Crockford base32 characters (no I, L, O, U). */
const CODE = /^DH[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * Order codes a transfer's content may carry, in the order they appear. Banks and payers
 * change case, add or drop spaces, dots and dashes, and strip diacritics ("đh" stays "DH"),
 * so the content is folded to capitals and digits first; Crockford's look-alikes are read
 * as it says (O as 0, I and L as 1).
 */
export function codesIn(content: string): string[] {
  const text = foldVietnamese(content)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const out: string[] = [];
  for (let i = text.indexOf('DH'); i >= 0; i = text.indexOf('DH', i + 1)) {
    const code = text.slice(i, i + 10);
    if (CODE.test(code) && !out.includes(code)) out.push(code);
  }
  return out;
}

/** A transfer into the collection account, as the bank's notification or statement tells it. */
export interface IncomingTransfer {
  source: 'webhook' | 'statement';
  /** The bank's reference of the transfer: one transfer, one reference. */
  reference: string;
  /** The notification service's own id of it (webhook only). */
  providerTxnId: string | null;
  accountNo: string;
  amount: bigint;
  content: string;
  transferredAt: Date;
  /** The recorded notification or statement row it came in. */
  eventId: string;
}

export type TransferOutcome = (typeof bankTransfers.$inferSelect)['outcome'];

export interface Settled {
  outcome: TransferOutcome | 'duplicate';
  orderCode: string | null;
  intentId: string | null;
}

/**
 * Records one incoming transfer and settles it, in the caller's transaction; the webhook and
 * the statement import both come here. The exact amount still due on an open VietQR intent
 * pays it (receipt, ledger Dr cash / Cr escrow, PAYMENT_SUCCEEDED); anything else (a part,
 * too much, an unknown code, an intent no longer waiting) goes to suspense and to the
 * officers' reconciliation queue. The intent is locked first and the bank reference is
 * unique, so a transfer told twice, at once or later, counts once ('duplicate').
 */
export async function settleTransfer(tx: Executor, t: IncomingTransfer): Promise<Settled> {
  const codes = codesIn(t.content);
  const known = await existingCodes(tx, codes);
  const orderCode = codes.find((c) => known.has(c)) ?? codes[0] ?? null;
  const intent = orderCode && known.has(orderCode) ? await lockIntent(tx, { code: orderCode }) : undefined;

  let outcome: TransferOutcome;
  if (!intent) outcome = 'unmatched';
  else if (intent.method !== 'vietqr' || !openStates.includes(intent.status)) outcome = 'closed';
  else {
    const due = intent.amountDue - intent.amountPaid;
    outcome = t.amount === due ? 'matched' : t.amount < due ? 'partial' : 'excess';
  }

  const [row] = await tx
    .insert(bankTransfers)
    .values({
      source: t.source,
      reference: t.reference,
      providerTxnId: t.providerTxnId,
      accountNo: t.accountNo,
      amount: t.amount,
      content: t.content,
      transferredAt: t.transferredAt,
      orderCode,
      intentId: intent?.id ?? null,
      outcome,
      eventId: t.eventId,
    })
    .onConflictDoNothing()
    .returning({ id: bankTransfers.id });
  const settled = { orderCode, intentId: intent?.id ?? null };
  if (!row) return { outcome: 'duplicate', ...settled };

  if (intent && outcome === 'matched') {
    await countReceipt(tx, intent, {
      channel: 'vietqr',
      reference: t.reference,
      amount: t.amount,
      party: 'provider',
    });
    await recordPaymentReceived(tx, {
      orderId: intent.orderId,
      sellerId: intent.sellerId,
      amount: t.amount,
      channel: 'vietqr',
      reference: t.reference,
    });
  } else {
    await holdInSuspense(tx, {
      channel: 'vietqr',
      reference: t.reference,
      kind: outcome as Exclude<TransferOutcome, 'matched'>,
      amount: t.amount,
      content: t.content,
      orderCode,
      transferId: row.id,
      receivedAt: t.transferredAt,
    });
  }
  return { outcome, ...settled };
}

type NewItem = Omit<typeof reconciliationItems.$inferInsert, 'id' | 'allocated' | 'refunded' | 'createdAt'>;

/** Money nobody can say whose it is yet: Dr cash / Cr suspense, and an item in the officers' queue. */
export async function holdInSuspense(tx: Executor, item: NewItem): Promise<void> {
  const [row] = await tx
    .insert(reconciliationItems)
    .values(item)
    .onConflictDoNothing()
    .returning({ id: reconciliationItems.id });
  if (row)
    await recordSuspenseReceipt(tx, {
      amount: item.amount,
      channel: item.channel,
      reference: item.reference,
    });
}

/** What was done with a recorded notification (or statement row). */
export async function setEventOutcome(
  tx: Executor,
  eventId: string,
  s: { outcome: string; intentId?: string | null },
) {
  await tx
    .update(paymentEvents)
    .set({ outcome: s.outcome, intentId: s.intentId ?? null })
    .where(eq(paymentEvents.id, eventId));
}

/** Records a provider's message exactly as it came, before anything is decided about it. */
export async function recordEvent(db: Executor, e: typeof paymentEvents.$inferInsert): Promise<string> {
  const [row] = await db.insert(paymentEvents).values(e).returning({ id: paymentEvents.id });
  return row!.id;
}
