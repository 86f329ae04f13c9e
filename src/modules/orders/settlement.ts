import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import { invalid } from '../../platform/http/errors.js';
import { publish } from '../../platform/jobs/outbox.js';
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
  if (order.status === 'cancelled') await releaseStockOnce(tx, order.id);
  if (order.status === 'completed') {
    const done: OrderCompleted = {
      order: order.snapshot,
      completedAt: step.at.toISOString(),
      paidThroughPlatform: paidOnline(order),
    };
    await publish(tx, ORDER_COMPLETED, { ...done });
  }
  if (order.status === 'returned') {
    const back = await takeBack(tx, order, step.input.returned);
    const returned: OrderReturned = {
      order: order.snapshot,
      lines: back.lines,
      amount: String(back.amount),
      returnedAt: step.at.toISOString(),
    };
    await publish(tx, ORDER_RETURNED, { ...returned });
  }
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
  return tx
    .select({ variantId: orderLines.variantId, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId));
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
