import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { publish } from '../../platform/jobs/outbox.js';
import { refundEscrow } from '../ledger/index.js';
import {
  type IntentAction,
  type IntentParty,
  type IntentStatus,
  intentLifecycle,
  type PaymentMethod,
  SYSTEM_ACTOR_ID,
} from './lifecycle.js';
import { paymentIntents, paymentIntentTransitions, paymentReceipts } from './schema.js';

/** Outbox topic: an intent's amount is covered. Payload `PaymentSucceeded`. */
export const PAYMENT_SUCCEEDED = 'payment.succeeded';

export interface PaymentSucceeded {
  orderId: string;
  intentId: string;
  /** Whole đồng, as a decimal string. */
  amount: string;
  method: PaymentMethod;
  paidAt: string;
}

export type Intent = typeof paymentIntents.$inferSelect;

export interface NewPaymentIntent {
  orderId: string;
  orderCode: string;
  sellerId: string;
  /** The buyer whose payment page it is. */
  buyerId: string;
  amount: bigint;
  method: PaymentMethod;
  /** Online payment must arrive by then (null: cash on delivery). */
  payBy: Date | null;
}

/** Opens the intent of a new order, in the checkout's transaction. */
export async function createPaymentIntent(tx: Executor, input: NewPaymentIntent): Promise<{ id: string }> {
  if (input.amount <= 0n) throw new AppError(422, 'invalid_amount', 'payment.error.amount');
  const [row] = await tx
    .insert(paymentIntents)
    .values({
      orderId: input.orderId,
      orderCode: input.orderCode,
      sellerId: input.sellerId,
      buyerId: input.buyerId,
      method: input.method,
      amountDue: input.amount,
      payBy: input.payBy,
    })
    .returning({ id: paymentIntents.id });
  await tx.insert(paymentIntentTransitions).values({
    intentId: row!.id,
    fromStatus: null,
    toStatus: 'pending',
    actorId: SYSTEM_ACTOR_ID,
  });
  return { id: row!.id };
}

/** The intent, locked until the transaction ends: every change of money or status goes through it. */
export async function lockIntent(
  tx: Executor,
  where: { orderId: string } | { code: string } | { id: string },
) {
  const cond =
    'orderId' in where
      ? eq(paymentIntents.orderId, where.orderId)
      : 'code' in where
        ? eq(paymentIntents.orderCode, where.code)
        : eq(paymentIntents.id, where.id);
  const [row] = await tx.select().from(paymentIntents).where(cond).for('update');
  return row;
}

/** Moves a locked intent along its lifecycle and records who, when and why. */
export async function moveIntent(
  tx: Executor,
  intent: Intent,
  m: { action: IntentAction; party: IntentParty; actorId?: string; reason?: string; set?: Partial<Intent> },
): Promise<IntentStatus> {
  const to = intentLifecycle.next(intent.status, m.action, m.party, m.reason);
  await tx
    .update(paymentIntents)
    .set({ ...m.set, status: to })
    .where(eq(paymentIntents.id, intent.id));
  if (to !== intent.status)
    await tx.insert(paymentIntentTransitions).values({
      intentId: intent.id,
      fromStatus: intent.status,
      toStatus: to,
      actorId: m.actorId ?? SYSTEM_ACTOR_ID,
      reason: m.reason?.trim() || null,
    });
  return to;
}

/**
 * Counts money towards a locked open intent. The receipt's reference is unique per intent, so a
 * repeat adds nothing (returns null). When the amount due is covered the intent is paid and
 * PAYMENT_SUCCEEDED is published in the same transaction. The caller posts the ledger entry.
 */
export async function countReceipt(
  tx: Executor,
  intent: Intent,
  r: {
    channel: 'vietqr' | 'vnpay';
    reference: string;
    amount: bigint;
    party: 'provider' | 'officer';
    actorId?: string;
    reason?: string;
  },
): Promise<IntentStatus | null> {
  const inserted = await tx
    .insert(paymentReceipts)
    .values({
      intentId: intent.id,
      channel: r.channel,
      reference: r.reference,
      amount: r.amount,
      allocated: r.party === 'officer',
    })
    .onConflictDoNothing()
    .returning({ id: paymentReceipts.id });
  if (!inserted.length) return null;
  const paid = intent.amountPaid + r.amount;
  if (paid > intent.amountDue) throw new AppError(409, 'overpaid', 'payment.error.overpaid');
  const covered = paid === intent.amountDue;
  const paidAt = new Date();
  const to = await moveIntent(tx, intent, {
    action: covered ? 'pay' : 'pay_part',
    party: r.party,
    actorId: r.actorId,
    reason: r.reason,
    set: { amountPaid: paid, ...(covered ? { paidAt } : {}) },
  });
  if (covered) {
    const payload: PaymentSucceeded = {
      orderId: intent.orderId,
      intentId: intent.id,
      amount: paid.toString(),
      method: intent.method,
      paidAt: paidAt.toISOString(),
    };
    await publish(tx, PAYMENT_SUCCEEDED, { ...payload });
  }
  return to;
}

/**
 * The order no longer waits for money (cancelled, or its payment deadline passed). A transfer
 * that arrives later goes to the officers' reconciliation queue; what was already counted of a
 * partly paid order becomes a refund owed to the buyer (it was held in the order's escrow).
 * Refuses (409) when the money has already arrived in full, so an order is never cancelled for
 * non-payment after it was paid; cancelling twice is harmless. Call it after locking the order
 * (payments never lock orders: no deadlock).
 */
export async function cancelPaymentIntent(tx: Executor, orderId: string): Promise<void> {
  const intent = await lockIntent(tx, { orderId });
  if (!intent) throw notFound('payment.error.no_intent');
  if (intent.status === 'cancelled') return;
  if (intent.status === 'paid' || intent.status === 'collected') throw conflict('payment.error.already_paid');
  await moveIntent(tx, intent, { action: 'cancel', party: 'orders' });
  if (intent.amountPaid > 0n)
    await refundEscrow(tx, {
      orderId,
      sellerId: intent.sellerId,
      reason: `order ${intent.orderCode} cancelled before it was paid in full`,
    });
}

/** The seller says the cash was collected on delivery. Nothing is posted: the seller holds the cash. */
export async function confirmCodCollected(
  tx: Executor,
  input: { orderId: string; actorId: string },
): Promise<void> {
  const intent = await lockIntent(tx, { orderId: input.orderId });
  if (!intent) throw notFound('payment.error.no_intent');
  if (intent.method !== 'cod') throw conflict('payment.error.not_cod');
  if (intent.status === 'collected') return;
  await moveIntent(tx, intent, {
    action: 'collect',
    party: 'seller',
    actorId: input.actorId,
    set: { amountPaid: intent.amountDue, paidAt: new Date() },
  });
}

/** Where the buyer pays an order: the VietQR code, or the way to the gateway. */
export const paymentPagePath = (orderCode: string) => `/thanh-toan/${encodeURIComponent(orderCode)}`;

export interface PaymentSummary {
  method: PaymentMethod;
  status: IntentStatus;
  amountDue: bigint;
  amountPaid: bigint;
}

/** The payment state of several orders at once (order pages, seller centre). */
export async function paymentsOf(db: Executor, orderIds: string[]): Promise<Map<string, PaymentSummary>> {
  if (!orderIds.length) return new Map();
  const rows = await db
    .select({
      orderId: paymentIntents.orderId,
      method: paymentIntents.method,
      status: paymentIntents.status,
      amountDue: paymentIntents.amountDue,
      amountPaid: paymentIntents.amountPaid,
    })
    .from(paymentIntents)
    .where(inArray(paymentIntents.orderId, orderIds));
  return new Map(rows.map(({ orderId, ...s }) => [orderId, s]));
}

/** An intent by its order code (the payment page), unlocked. */
export async function intentByCode(db: Executor, code: string): Promise<Intent | undefined> {
  const [row] = await db.select().from(paymentIntents).where(eq(paymentIntents.orderCode, code));
  return row;
}

/** Intents among `codes` that exist, in one query (matching a transfer's memo). */
export async function existingCodes(db: Executor, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db
    .select({ code: paymentIntents.orderCode })
    .from(paymentIntents)
    .where(inArray(paymentIntents.orderCode, codes));
  return new Set(rows.map((r) => r.code));
}
