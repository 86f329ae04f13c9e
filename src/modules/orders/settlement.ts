import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import { invalid } from '../../platform/http/errors.js';
import { publish } from '../../platform/jobs/outbox.js';
import { releaseStock } from '../catalog/index.js';
import { recordCodCompleted, refundEscrow, releaseEscrow } from '../ledger/index.js';
import { cancelPaymentIntent, confirmCodCollected } from '../payments/index.js';
import {
  ORDER_COMPLETED,
  ORDER_RETURNED,
  type OrderCompleted,
  type OrderLineSnapshot,
  type OrderReturned,
  type OrderSnapshot,
} from './events.js';
import type { OrderAction, OrderStatus } from './lifecycle.js';
import { orderLines, orders } from './schema.js';

type Order = typeof orders.$inferSelect;

/** An accepted return: how many of an order line came back. */
export interface ReturnedLine {
  lineId: string;
  quantity: number;
}

export interface Step {
  /** The order as the transition left it. */
  order: Order;
  from: OrderStatus;
  action: OrderAction;
  actorId: string;
  at: Date;
  input: { returned?: ReturnedLine[] };
}

const paidOnline = (o: Order) => o.paymentMethod !== 'cod';

/**
 * What goes with a step besides the status, in the transition's transaction: the money
 * (escrow, payment intents), the stock, and the events other modules follow.
 */
export async function settle(tx: Executor, step: Step): Promise<void> {
  const { order } = step;
  switch (order.status) {
    case 'cancelled':
      return cancelled(tx, step);
    case 'delivered':
      // Cash on delivery: delivering is collecting (a rejected return comes back here without it).
      if (step.action === 'deliver' && !paidOnline(order))
        await confirmCodCollected(tx, { orderId: order.id, actorId: step.actorId });
      return;
    case 'completed':
      return completed(tx, order, order.snapshot, step.at);
    case 'returned':
      return returned(tx, step);
  }
}

/**
 * A cancelled order: money held for it goes back to the buyer, an intent still waiting for money
 * stops waiting (refused when the money has just arrived: the cancellation then fails and the
 * order moves to paid instead), and the stock goes back on sale.
 */
async function cancelled(tx: Executor, { order, from }: Step) {
  if (paidOnline(order) && (from === 'paid' || from === 'confirmed'))
    await refundEscrow(tx, {
      orderId: order.id,
      sellerId: order.sellerId,
      reason: `order ${order.code} cancelled`,
    });
  else await cancelPaymentIntent(tx, order.id);
  for (const l of await releaseStockOnce(tx, order.id)) await releaseStock(tx, l.variantId, l.quantity);
}

/**
 * A completed sale (all of an order, or what a return left of it): the seller's money, then
 * order.completed with the order as agreed, so that it gets its invoice (which order.returned
 * then adjusts).
 */
async function completed(tx: Executor, order: Order, sale: OrderSnapshot, at: Date) {
  if (paidOnline(order)) await releaseEscrow(tx, { order: sale, completedAt: at });
  else await recordCodCompleted(tx, { order: sale, completedAt: at });
  const done: OrderCompleted = {
    order: order.snapshot,
    completedAt: at.toISOString(),
    paidThroughPlatform: paidOnline(order),
  };
  await publish(tx, ORDER_COMPLETED, { ...done });
}

/**
 * An accepted return: the money of the goods taken back is refunded from escrow, the rest of
 * the sale is settled as a completion would; the goods' stock is the seller's to adjust.
 */
async function returned(tx: Executor, step: Step) {
  const { order, at } = step;
  const back = await takeBack(tx, order, step.input.returned);
  if (paidOnline(order))
    await refundEscrow(tx, {
      orderId: order.id,
      sellerId: order.sellerId,
      amount: back.amount,
      reason: `order ${order.code} returned`,
    });
  // Nothing kept (every line back, no delivery fee): no sale to settle or invoice.
  if (BigInt(back.kept.total) > 0n) await completed(tx, order, back.kept, at);
  const event: OrderReturned = {
    order: order.snapshot,
    lines: back.lines,
    amount: String(back.amount),
    returnedAt: at.toISOString(),
  };
  await publish(tx, ORDER_RETURNED, { ...event });
}

/**
 * Marks the order's stock as given back, once: of a cancellation and a sweep racing, only the
 * one that flips the flag gives the stock back. Answers the lines to release (none the second time).
 */
async function releaseStockOnce(tx: Executor, orderId: string) {
  const [flipped] = await tx
    .update(orders)
    .set({ stockReleased: true })
    .where(and(eq(orders.id, orderId), eq(orders.stockReleased, false)))
    .returning({ id: orders.id });
  if (!flipped) return [];
  // In the order of variant ids, as the checkout reserves: the two never wait on each other in a circle.
  return tx
    .select({ variantId: orderLines.variantId, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.variantId));
}

/**
 * Records what an accepted return took back (every line in full unless told otherwise) and
 * answers those lines as snapshots with their quantities and amounts, and the money they make.
 */
async function takeBack(tx: Executor, order: Order, returned: ReturnedLine[] | undefined) {
  const lines = await tx
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.id));
  const wanted = new Map(
    (returned ?? lines.map((l) => ({ lineId: l.id, quantity: l.quantity }))).map((r) => [
      r.lineId,
      r.quantity,
    ]),
  );
  for (const [lineId, qty] of wanted) {
    const line = lines.find((l) => l.id === lineId);
    if (!line || !Number.isInteger(qty) || qty < 0 || qty > line.quantity)
      throw invalid(`returned.${lineId}`, 'orders.return.quantity');
  }
  const taken = lines.filter((l) => (wanted.get(l.id) ?? 0) > 0);
  if (!taken.length) throw invalid('returned', 'orders.return.none');
  for (const l of taken)
    await tx
      .update(orderLines)
      .set({ returnedQuantity: sql`${wanted.get(l.id)}` })
      .where(eq(orderLines.id, l.id));
  const snapshotLines = taken.map((l) => {
    const quantity = wanted.get(l.id)!;
    return { ...lineSnapshot(order.snapshot, l), quantity, amount: String(l.unitPrice * BigInt(quantity)) };
  });
  const amount = taken.reduce((sum, l) => sum + l.unitPrice * BigInt(wanted.get(l.id)!), 0n);
  return { lines: snapshotLines, amount, kept: keptPart(order.snapshot, lines, wanted) };
}

/** The snapshot line of an order line (by variant: an order holds each variant once). */
function lineSnapshot(s: OrderSnapshot, l: typeof orderLines.$inferSelect): OrderLineSnapshot {
  const found = s.lines.find((x) => x.variantId === l.variantId);
  if (!found) throw new Error(`order ${s.code}: no snapshot line for variant ${l.variantId}`);
  return found;
}

/** The order as it stands after a return: the quantities kept, the shipping fee, their total. */
function keptPart(
  s: OrderSnapshot,
  lines: (typeof orderLines.$inferSelect)[],
  back: Map<string, number>,
): OrderSnapshot {
  const kept = lines.flatMap((l) => {
    const quantity = l.quantity - (back.get(l.id) ?? 0);
    return quantity > 0
      ? [{ ...lineSnapshot(s, l), quantity, amount: String(l.unitPrice * BigInt(quantity)) }]
      : [];
  });
  const total = kept.reduce((sum, l) => sum + BigInt(l.amount), BigInt(s.shippingFee));
  return { ...s, lines: kept, total: String(total) };
}
