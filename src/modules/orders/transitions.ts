import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { auditActor, recordAudit } from '../../platform/audit/service.js';
import { isUuid } from '../../platform/db/columns.js';
import type { Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import { publish } from '../../platform/jobs/outbox.js';
import { isSellerMember } from '../sellers/index.js';
import { ORDER_STATUS_CHANGED, type OrderStatusChanged } from './events.js';
import {
  methodAllows,
  type OrderAction,
  type OrderParty,
  type OrderStatus,
  orderLifecycle,
} from './lifecycle.js';
import { tellParties } from './order-notices.js';
import { orders, orderTransitions, SYSTEM_ACTOR_ID } from './schema.js';
import { type ReturnedLine, settle } from './settlement.js';

export type Order = typeof orders.$inferSelect;

export interface OrderTransitionInput {
  orderId: string;
  action: OrderAction;
  actor: Actor | 'system';
  /** The side the actor acts for; worked out from who the actor is when left out. */
  party?: OrderParty;
  reason?: string;
  /** ship: who carries the parcel and its tracking number (required for the seller's delivery). */
  carrier?: string;
  trackingNo?: string;
  /** accept_return: the quantities taken back per order line (every line in full when left out). */
  returned?: ReturnedLine[];
  ip?: string;
  /** Links in the notification mails start with it. */
  publicUrl: string;
}

export const REASON_MAX = 500;
const shippingSchema = z.object({
  carrier: z.string('v.required').trim().min(1, 'v.required').max(100, 'v.too_long'),
  trackingNo: z
    .string('v.required')
    .trim()
    .min(1, 'v.required')
    .max(50, 'v.too_long')
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/, 'orders.tracking_no.invalid'),
});

/** The sides an actor holds on an order: its buyer, a member of its shop, an officer. */
async function partiesOf(tx: Executor, order: Order, actor: Actor): Promise<OrderParty[]> {
  const held: OrderParty[] = [];
  if (actor.id === order.buyerId) held.push('buyer');
  if (await isSellerMember(tx, order.sellerId, actor.id)) held.push('seller');
  if (actor.role === 'officer' || actor.role === 'admin') held.push('officer');
  return held;
}

async function partyOf(tx: Executor, order: Order, input: OrderTransitionInput): Promise<OrderParty> {
  if (input.actor === 'system') {
    if (input.party && input.party !== 'system') throw forbidden();
    return 'system';
  }
  if (input.party === 'system') throw forbidden();
  const held = await partiesOf(tx, order, input.actor);
  if (!held.length) throw notFound();
  if (input.party) {
    if (!held.includes(input.party)) throw forbidden();
    return input.party;
  }
  const allowed = orderLifecycle.find(order.status, input.action)?.by ?? [];
  return held.find((p) => allowed.includes(p)) ?? held[0];
}

/** The table's answer, with a missing reason reported on the form's reason field. */
function nextStatus(order: Order, action: OrderAction, party: OrderParty, reason: string | null) {
  let to: OrderStatus;
  try {
    to = orderLifecycle.next(order.status, action, party, reason ?? undefined);
  } catch (err) {
    if (err instanceof AppError && err.code === 'reason_required')
      throw invalid('reason', 'orders.reason.required');
    throw err;
  }
  if (!methodAllows(order.paymentMethod, order.status, action))
    throw new AppError(409, 'invalid_transition', 'error.transition', {
      machine: 'order',
      from: order.status,
      action,
    });
  if (reason && reason.length > REASON_MAX) throw invalid('reason', 'v.too_long', { max: REASON_MAX });
  return to;
}

/**
 * Moves an order along its lifecycle in one transaction: checks the table and who may act,
 * changes the status with one conditional UPDATE (so of two concurrent moves of the same order
 * only one wins; the other answers 409), records who, when and why, moves the money and the
 * stock that go with the step, publishes ORDER_STATUS_CHANGED and tells the buyer and the shop.
 */
export async function transitionOrder(db: Executor, input: OrderTransitionInput): Promise<Order> {
  return db.transaction(async (tx) => {
    const [order] = isUuid(input.orderId)
      ? await tx.select().from(orders).where(eq(orders.id, input.orderId))
      : [];
    if (!order) throw notFound();
    const party = await partyOf(tx, order, input);
    const reason = input.reason?.trim() || null;
    const to = nextStatus(order, input.action, party, reason);
    const now = new Date();
    const shipping =
      input.action === 'ship' && order.deliveryMethod === 'seller_delivery'
        ? parseInput(shippingSchema, { carrier: input.carrier, trackingNo: input.trackingNo })
        : input.action === 'ship'
          ? { carrier: input.carrier?.trim() || null, trackingNo: input.trackingNo?.trim() || null }
          : {};
    const [moved] = await tx
      .update(orders)
      .set({
        status: to,
        ...shipping,
        ...(to === 'delivered' && input.action === 'deliver' ? { deliveredAt: now } : {}),
        ...(to === 'completed' ? { completedAt: now } : {}),
      })
      .where(and(eq(orders.id, order.id), eq(orders.status, order.status)))
      .returning();
    if (!moved) throw conflict('orders.transition.changed');
    const actorId = input.actor === 'system' ? SYSTEM_ACTOR_ID : input.actor.id;
    await tx.insert(orderTransitions).values({
      orderId: order.id,
      fromStatus: order.status,
      toStatus: to,
      actorId,
      reason,
      at: now,
    });
    await settle(tx, { order: moved, from: order.status, action: input.action, actorId, at: now, input });
    const changed: OrderStatusChanged = {
      orderId: order.id,
      code: order.code,
      buyerId: order.buyerId,
      sellerId: order.sellerId,
      from: order.status,
      to,
      reason,
    };
    await publish(tx, ORDER_STATUS_CHANGED, { ...changed });
    if (party === 'officer' && input.actor !== 'system') {
      await recordAudit(tx, {
        ...auditActor(input.actor),
        action: `order.${input.action}`,
        subjectType: 'order',
        subjectId: order.id,
        reason,
        data: { code: order.code, from: order.status, to, sellerId: order.sellerId },
        ip: input.ip,
      });
    }
    await tellParties(tx, { order: moved, action: input.action, party, reason, actorId }, input.publicUrl);
    return moved;
  });
}

/** Every transition of an order, oldest first. */
export async function orderHistory(db: Executor, orderId: string) {
  return db
    .select()
    .from(orderTransitions)
    .where(eq(orderTransitions.orderId, orderId))
    .orderBy(asc(orderTransitions.at), asc(orderTransitions.id));
}
