import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '../../platform/audit/schema.js';
import type { Executor } from '../../platform/db/pool.js';
import { notFound } from '../../platform/http/errors.js';
import type { Translate } from '../../platform/http/i18n.js';
import type { TimelineStep } from '../../web/timeline.js';
import { isSellerMember } from '../sellers/index.js';
import { type OrderStatus, toHandle } from './lifecycle.js';
import { orderLines, orderStatus, orders, orderTransitions, SYSTEM_ACTOR_ID } from './schema.js';

export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;

export const PAGE_SIZE = 20;

/** Codes are "DH" and Crockford base32; anything else is looked up nowhere. */
const codeShape = /^[A-Z0-9]{4,20}$/;

export async function orderByCode(db: Executor, code: string): Promise<Order | undefined> {
  if (!codeShape.test(code)) return undefined;
  const [o] = await db.select().from(orders).where(eq(orders.code, code));
  return o;
}

/** The buyer's own order; another person's is as unknown to them as a code that does not exist. */
export async function buyerOrder(db: Executor, buyerId: string, code: string): Promise<Order> {
  const o = await orderByCode(db, code);
  if (!o || o.buyerId !== buyerId) throw notFound();
  return o;
}

/** An order of a shop the user belongs to; other shops' orders are unknown to them. */
export async function shopOrder(db: Executor, userId: string, code: string): Promise<Order> {
  const o = await orderByCode(db, code);
  if (!o || !(await isSellerMember(db, o.sellerId, userId))) throw notFound();
  return o;
}

export async function anyOrder(db: Executor, code: string): Promise<Order> {
  const o = await orderByCode(db, code);
  if (!o) throw notFound();
  return o;
}

export async function linesOf(db: Executor, orderId: string): Promise<OrderLine[]> {
  return db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id));
}

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export const sellerListQuery = pageQuery.extend({
  status: z.enum(orderStatus.enumValues).optional().catch(undefined),
});
export type SellerListQuery = z.infer<typeof sellerListQuery>;

/** A row of an order list: enough to recognise the order without opening it. */
const rowColumns = {
  id: orders.id,
  code: orders.code,
  checkoutId: orders.checkoutId,
  status: orders.status,
  paymentMethod: orders.paymentMethod,
  deliveryMethod: orders.deliveryMethod,
  total: orders.total,
  placedAt: orders.placedAt,
  shopName: sql<string>`${orders.snapshot}->'seller'->>'name'`,
  buyerName: sql<string>`${orders.snapshot}->'buyer'->>'name'`,
  firstItem: sql<string>`${orders.snapshot}->'lines'->0->>'name'`,
  items: sql<number>`jsonb_array_length(${orders.snapshot}->'lines')`,
};
export interface OrderRow {
  id: string;
  code: string;
  checkoutId: string;
  status: OrderStatus;
  paymentMethod: Order['paymentMethod'];
  deliveryMethod: Order['deliveryMethod'];
  total: bigint;
  placedAt: Date;
  shopName: string;
  buyerName: string;
  firstItem: string;
  items: number;
}

async function paged(db: Executor, where: SQL, order: SQL[], page: number) {
  const [{ n }] = await db.select({ n: count() }).from(orders).where(where);
  const items = await db
    .select(rowColumns)
    .from(orders)
    .where(where)
    .orderBy(...order)
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return { items: items as OrderRow[], total: n, page, pages: Math.max(1, Math.ceil(n / PAGE_SIZE)) };
}

/** The buyer's orders, newest first; the orders of one checkout come together. */
export async function buyerOrders(db: Executor, buyerId: string, page: number) {
  return paged(db, eq(orders.buyerId, buyerId), [desc(orders.placedAt), asc(orders.code)], page);
}

const handleList = sql.join(
  toHandle.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * A shop's orders: those waiting for the shop first (the longest waiting on top), then the
 * others, newest first; or those of one status.
 */
export async function sellerOrders(db: Executor, sellerId: string, q: SellerListQuery) {
  const where = and(eq(orders.sellerId, sellerId), q.status ? eq(orders.status, q.status) : undefined)!;
  const waiting = sql`${orders.status}::text IN (${handleList})`;
  return paged(
    db,
    where,
    [
      sql`CASE WHEN ${waiting} THEN 0 ELSE 1 END`,
      sql`CASE WHEN ${waiting} THEN ${orders.placedAt} END ASC`,
      desc(orders.placedAt),
    ],
    q.page,
  );
}

/** How many of the shop's orders are in each state (every state named, zero included). */
export async function statusCounts(db: Executor, sellerId: string): Promise<Record<OrderStatus, number>> {
  const rows = await db
    .select({ status: orders.status, n: count() })
    .from(orders)
    .where(eq(orders.sellerId, sellerId))
    .groupBy(orders.status);
  const counts = Object.fromEntries(orderStatus.enumValues.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/**
 * An order's history as a timeline, each step named by the side that made it: the buyer, the
 * shop, the system, or an officer (whose steps are the ones in the audit log).
 */
export async function timelineOf(
  db: Executor,
  order: Order,
  t: Translate,
): Promise<TimelineStep<OrderStatus>[]> {
  const steps = await db
    .select()
    .from(orderTransitions)
    .where(eq(orderTransitions.orderId, order.id))
    .orderBy(asc(orderTransitions.at), asc(orderTransitions.id));
  const actors = [...new Set(steps.map((s) => s.actorId))];
  const officers = new Set(
    actors.length
      ? (
          await db
            .select({ id: auditLog.actorId })
            .from(auditLog)
            .where(
              and(
                eq(auditLog.subjectType, 'order'),
                eq(auditLog.subjectId, order.id),
                inArray(auditLog.actorId, actors),
              ),
            )
        ).map((r) => r.id)
      : [],
  );
  const by = (actorId: string) =>
    actorId === SYSTEM_ACTOR_ID
      ? t('orders.by.system')
      : actorId === order.buyerId
        ? t('orders.by.buyer')
        : officers.has(actorId)
          ? t('orders.by.officer')
          : order.snapshot.seller.name;
  return steps.map((s) => ({ at: s.at, status: s.toStatus, by: by(s.actorId), reason: s.reason }));
}
