import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, parentId, transitionsTable, tstz, updatedAt } from '../../platform/db/columns.js';
import type { OrderSnapshot } from './events.js';

/**
 * A cart line. The owner is `u:<user id>` for a signed-in buyer or `v:<random>` for a visitor
 * (the `gio` cookie); a visitor's lines join the account's cart when they sign in.
 */
export const cartItems = pgTable(
  'cart_items',
  {
    owner: text('owner').notNull(),
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    addedAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.owner, t.variantId] }),
    check('cart_items_quantity_check', sql`${t.quantity} BETWEEN 1 AND 999`),
  ],
);

/** How a shop delivers and what it charges: one row a seller (none: pick-up only). */
export const shippingRuleMode = pgEnum('shipping_rule_mode', ['flat', 'weight', 'zone']);
export const shippingRules = pgTable(
  'shipping_rules',
  {
    sellerId: uuid('seller_id').primaryKey(),
    /** Whether the shop delivers at all (otherwise only pick-up). */
    delivers: boolean('delivers').notNull().default(true),
    mode: shippingRuleMode('mode').notNull().default('flat'),
    /** flat: the fee of every order. weight: the fee of the first kilogram. */
    baseFee: bigint('base_fee', { mode: 'bigint' }).notNull().default(sql`0`),
    /** weight: each further started kilogram. */
    perKgFee: bigint('per_kg_fee', { mode: 'bigint' }).notNull().default(sql`0`),
    /** zone: inside the shop's province, and outside it. */
    insideFee: bigint('inside_fee', { mode: 'bigint' }).notNull().default(sql`0`),
    outsideFee: bigint('outside_fee', { mode: 'bigint' }).notNull().default(sql`0`),
    /** Orders of at least this much (lines only) ship free; null: never. */
    freeFrom: bigint('free_from', { mode: 'bigint' }),
    pickup: boolean('pickup').notNull().default(true),
    /** Where pick-up happens, in words (the shop's address when empty). */
    pickupAddress: text('pickup_address').notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'shipping_rules_fees_check',
      sql`${t.baseFee} >= 0 AND ${t.perKgFee} >= 0 AND ${t.insideFee} >= 0 AND ${t.outsideFee} >= 0`,
    ),
    check('shipping_rules_some_way_check', sql`${t.delivers} OR ${t.pickup}`),
  ],
);

/** One submission of the checkout form: its idempotency key makes a repeat return the same orders. */
export const checkouts = pgTable(
  'checkouts',
  {
    id: id(),
    buyerId: uuid('buyer_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('checkouts_key_idx').on(t.buyerId, t.idempotencyKey)],
);

export const orderStatus = pgEnum('order_status', [
  'placed',
  'awaiting_payment',
  'paid',
  'confirmed',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'return_requested',
  'returned',
]);
export const paymentMethod = pgEnum('payment_method', ['cod', 'vietqr', 'vnpay']);
export const deliveryMethod = pgEnum('delivery_method', ['seller_delivery', 'pickup']);

/** One seller's part of a checkout. */
export const orders = pgTable(
  'orders',
  {
    id: id(),
    code: text('code').notNull(),
    checkoutId: parentId('checkout_id', () => checkouts.id),
    buyerId: uuid('buyer_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    status: orderStatus('status').notNull().default('placed'),
    paymentMethod: paymentMethod('payment_method').notNull(),
    deliveryMethod: deliveryMethod('delivery_method').notNull(),
    subtotal: bigint('subtotal', { mode: 'bigint' }).notNull(),
    shippingFee: bigint('shipping_fee', { mode: 'bigint' }).notNull(),
    total: bigint('total', { mode: 'bigint' }).notNull(),
    /** What was agreed at checkout: buyer, seller, lines, prices (events carry it). */
    snapshot: jsonb('snapshot').$type<OrderSnapshot>().notNull(),
    /** The buyer's note to the seller. */
    note: text('note').notNull().default(''),
    /** Online payment must arrive by then, or the order is cancelled and its stock released. */
    payBy: tstz('pay_by'),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    /** Stock taken back into the catalog (cancellation, return): never twice. */
    stockReleased: boolean('stock_released').notNull().default(false),
    placedAt: createdAt(),
    deliveredAt: tstz('delivered_at'),
    completedAt: tstz('completed_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('orders_code_idx').on(t.code),
    index('orders_checkout_idx').on(t.checkoutId),
    index('orders_buyer_idx').on(t.buyerId, t.placedAt),
    index('orders_seller_idx').on(t.sellerId, t.status, t.placedAt),
    index('orders_pay_by_idx').on(t.payBy).where(sql`status = 'awaiting_payment'`),
    index('orders_delivered_idx').on(t.deliveredAt).where(sql`status = 'delivered'`),
    check('orders_total_check', sql`${t.total} = ${t.subtotal} + ${t.shippingFee} AND ${t.subtotal} > 0`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: id(),
    orderId: parentId('order_id', () => orders.id),
    productId: uuid('product_id').notNull(),
    variantId: uuid('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: bigint('unit_price', { mode: 'bigint' }).notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    /** Quantity taken back by an accepted return. */
    returnedQuantity: integer('returned_quantity').notNull().default(0),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId),
    check(
      'order_lines_quantity_check',
      sql`${t.quantity} > 0 AND ${t.returnedQuantity} BETWEEN 0 AND ${t.quantity}`,
    ),
    check('order_lines_amount_check', sql`${t.amount} = ${t.unitPrice} * ${t.quantity}`),
  ],
);

/**
 * Every transition of an order: who (a user, or the system's sweep: the nil UUID), when, why.
 * `actorId` of the system is SYSTEM_ACTOR_ID.
 */
export const orderTransitions = transitionsTable('order_transitions', 'order', () => orders.id, orderStatus);

/** The actor of transitions nobody made by hand (payment deadline, automatic completion). */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';
