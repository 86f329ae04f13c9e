import { and, asc, count, desc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { auditActor, recordAudit } from '../../platform/audit/service.js';
import { isUuid } from '../../platform/db/columns.js';
import type { Db, Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { f } from '../../platform/http/validation.js';
import { allocateSuspense, refundSuspense } from '../ledger/index.js';
import { countReceipt, lockIntent } from './intents.js';
import { openStates } from './lifecycle.js';
import { bankTransfers, paymentEvents, reconciliationActions, reconciliationItems } from './schema.js';

export type Item = typeof reconciliationItems.$inferSelect;
export const remainingOf = (i: Pick<Item, 'amount' | 'allocated' | 'refunded'>) =>
  i.amount - i.allocated - i.refunded;

/** An amount typed in a form or sent as JSON: whole đồng, optional (empty: all that can move). */
export const optionalAmount = z.preprocess(
  (v) => (v === '' || v === null ? undefined : typeof v === 'string' ? v.replace(/[.\s,]/g, '') : v),
  z.coerce.bigint('v.invalid').positive('payment.error.amount').optional(),
);
const reason = f.text(500);

export const allocateInput = z.object({
  orderCode: f.text(20).transform((v) => v.replace(/\s+/g, '').toUpperCase()),
  amount: optionalAmount,
  reason,
});
export const refundInput = z.object({ amount: optionalAmount, reason });

export const queueQuery = z.object({
  state: z.enum(['open', 'resolved']).default('open'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
const PAGE = 50;

/** The officers' queue: money in suspense, oldest first while open, newest first once resolved. */
export async function listItems(db: Executor, q: z.output<typeof queueQuery>) {
  const where: SQL =
    q.state === 'open' ? isNull(reconciliationItems.resolvedAt) : isNotNull(reconciliationItems.resolvedAt);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(reconciliationItems)
      .where(where)
      .orderBy(q.state === 'open' ? asc(reconciliationItems.createdAt) : desc(reconciliationItems.resolvedAt))
      .limit(PAGE)
      .offset((q.page - 1) * PAGE),
    db.select({ n: count() }).from(reconciliationItems).where(where),
  ]);
  return { rows, total: total!.n, page: q.page, pages: Math.max(1, Math.ceil(total!.n / PAGE)) };
}

/** One item with what officers did with it and the provider's message it came in. */
export async function itemDetail(db: Executor, id: string) {
  if (!isUuid(id)) throw notFound();
  const [item] = await db.select().from(reconciliationItems).where(eq(reconciliationItems.id, id));
  if (!item) throw notFound();
  const [actions, source] = await Promise.all([
    db
      .select()
      .from(reconciliationActions)
      .where(eq(reconciliationActions.itemId, id))
      .orderBy(asc(reconciliationActions.at)),
    item.transferId
      ? db
          .select({ rawBody: paymentEvents.rawBody, source: paymentEvents.source })
          .from(bankTransfers)
          .innerJoin(paymentEvents, eq(paymentEvents.id, bankTransfers.eventId))
          .where(eq(bankTransfers.id, item.transferId))
      : db
          .select({ rawBody: paymentEvents.rawBody, source: paymentEvents.source })
          .from(paymentEvents)
          .where(
            and(
              eq(paymentEvents.source, 'vnpay_ipn'),
              eq(paymentEvents.providerRef, `vnpay:${item.reference}`),
            ),
          )
          .limit(1),
  ]);
  return { item, actions, event: source[0] ?? null };
}

async function lockItem(tx: Executor, id: string): Promise<Item> {
  if (!isUuid(id)) throw notFound();
  const [item] = await tx
    .select()
    .from(reconciliationItems)
    .where(eq(reconciliationItems.id, id))
    .for('update');
  if (!item) throw notFound();
  if (remainingOf(item) <= 0n) throw conflict('payment.recon.resolved');
  return item;
}

interface Decision {
  itemId: string;
  actor: Actor;
  ip?: string;
}

/** Marks what moved, closes the item once nothing is left, and writes the audit entry. */
async function settleItem(
  tx: Executor,
  item: Item,
  d: Decision & {
    action: 'allocate' | 'refund';
    actionId: string;
    amount: bigint;
    reason: string;
    orderId?: string;
  },
  data: Record<string, unknown>,
) {
  const allocated = item.allocated + (d.action === 'allocate' ? d.amount : 0n);
  const refunded = item.refunded + (d.action === 'refund' ? d.amount : 0n);
  await tx
    .update(reconciliationItems)
    .set({ allocated, refunded, resolvedAt: allocated + refunded === item.amount ? new Date() : null })
    .where(eq(reconciliationItems.id, item.id));
  await tx.insert(reconciliationActions).values({
    id: d.actionId,
    itemId: item.id,
    action: d.action,
    amount: d.amount,
    orderId: d.orderId ?? null,
    actorId: d.actor.id,
    reason: d.reason,
  });
  await recordAudit(tx, {
    ...auditActor(d.actor),
    action: `payment.${d.action === 'allocate' ? 'allocate_suspense' : 'refund_suspense'}`,
    subjectType: 'reconciliation_item',
    subjectId: item.id,
    reason: d.reason,
    data: { ...data, amount: d.amount.toString(), reference: item.reference, channel: item.channel },
    ip: d.ip,
  });
}

/**
 * An officer says whose money it is: `amount` (default: all that is left, at most what the
 * order still needs) moves from suspense to the order's escrow and counts towards its intent;
 * when that covers the order, the intent is paid and PAYMENT_SUCCEEDED is published. The item
 * is locked, then the intent (no other path takes them the other way round).
 */
export async function allocate(db: Db, d: Decision & z.output<typeof allocateInput>): Promise<void> {
  await db.transaction(async (tx) => {
    const item = await lockItem(tx, d.itemId);
    const intent = await lockIntent(tx, { code: d.orderCode });
    if (!intent) throw invalid('orderCode', 'payment.recon.no_order');
    if (!openStates.includes(intent.status)) throw invalid('orderCode', 'payment.recon.order_not_waiting');
    // The buyer pays that order in cash to the seller: money sent to the platform for it is refunded.
    if (intent.method === 'cod') throw invalid('orderCode', 'payment.recon.cod_order');
    const left = remainingOf(item);
    const due = intent.amountDue - intent.amountPaid;
    // By default as much as both the item and the order allow.
    let amount = d.amount ?? due;
    if (d.amount === undefined && left < due) amount = left;
    if (amount > left) throw invalid('amount', 'payment.recon.more_than_left', { left: left.toString() });
    if (amount > due) throw invalid('amount', 'payment.recon.more_than_due', { due: due.toString() });
    const actionId = uuidv7();
    const reference = `allocation:${actionId}`;
    await allocateSuspense(tx, { reference, orderId: intent.orderId, sellerId: intent.sellerId, amount });
    await countReceipt(tx, intent, {
      channel: item.channel,
      reference,
      amount,
      party: 'officer',
      actorId: d.actor.id,
      reason: d.reason,
    });
    await settleItem(
      tx,
      item,
      { ...d, action: 'allocate', actionId, amount, orderId: intent.orderId },
      { orderId: intent.orderId, orderCode: intent.orderCode },
    );
  });
}

/** An officer sends money in suspense (default: all that is left) back to whoever paid it. */
export async function refund(db: Db, d: Decision & z.output<typeof refundInput>): Promise<void> {
  await db.transaction(async (tx) => {
    const item = await lockItem(tx, d.itemId);
    const left = remainingOf(item);
    const amount = d.amount ?? left;
    if (amount > left) throw invalid('amount', 'payment.recon.more_than_left', { left: left.toString() });
    const actionId = uuidv7();
    await refundSuspense(tx, { reference: `refund:${actionId}`, amount, channel: item.channel });
    await settleItem(tx, item, { ...d, action: 'refund', actionId, amount }, {});
  });
}
