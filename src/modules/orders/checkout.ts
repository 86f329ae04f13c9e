import { and, asc, eq, getTableColumns, sql, type Table } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Config } from '../../config.js';
import type { Db, Executor, Tx } from '../../platform/db/pool.js';
import { type FieldError, invalid, ValidationError } from '../../platform/http/errors.js';
import { formatMoney } from '../../platform/http/i18n.js';
import { publish } from '../../platform/jobs/outbox.js';
import { reserveStock, topOf } from '../catalog/index.js';
import { formatAddress } from '../geo/index.js';
import { createPaymentIntent } from '../payments/index.js';
import type { CartLine } from './cart.js';
import { type CheckoutInput, deliveryField, lineField, parseCheckout, paymentOf } from './checkout-input.js';
import { cartOf, type Quote, quoteCheckout, type ShopQuote } from './checkout-quote.js';
import { newOrderCode } from './codes.js';
import {
  ORDER_PLACED,
  type OrderLineSnapshot,
  type OrderPlaced,
  type OrderSnapshot,
  type PaymentMethod,
} from './events.js';
import { cartItems, checkouts, orderLines, orderStatus, orders, orderTransitions } from './schema.js';

export type OrderRow = typeof orders.$inferSelect;

/** Who checks out: the signed-in buyer (their cart is `u:<id>`). */
export interface Buyer {
  id: string;
  email: string | null;
}

export interface PlacedCheckout {
  checkoutId: string;
  orders: OrderRow[];
  /** The key had been used: these are the orders of that first checkout, nothing new was made. */
  repeated: boolean;
}

/** An idempotency key as clients make them (a UUID, a random token). */
const KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

/**
 * Runs a transaction again when PostgreSQL chose it as a deadlock's victim (40P01): another
 * writer took the same variants' rows in another order (a cancellation giving stock back).
 * The transaction left nothing behind, so running it again is safe.
 */
async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      if (i >= attempts || !hasCode(err, '40P01')) throw err;
    }
  }
}

const hasCode = (err: unknown, code: string): boolean => {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === code) return true;
  return false;
};

/** Thrown inside the transaction when the key turns out taken: the first checkout's orders are answered. */
class KeyTaken extends Error {}

/** The checkout made with this key by this buyer, with its orders (in the order they were made). */
async function checkoutByKey(db: Executor, buyerId: string, key: string) {
  const [c] = await db
    .select({ id: checkouts.id })
    .from(checkouts)
    .where(and(eq(checkouts.buyerId, buyerId), eq(checkouts.idempotencyKey, key)));
  return c && { checkoutId: c.id, orders: await ordersOf(db, c.id) };
}

async function ordersOf(db: Executor, checkoutId: string): Promise<OrderRow[]> {
  return db.select().from(orders).where(eq(orders.checkoutId, checkoutId)).orderBy(asc(orders.id));
}

/** A buyer's own checkout (another's, or none: undefined). */
export async function buyerCheckout(db: Executor, buyerId: string, checkoutId: string) {
  const [c] = /^[0-9a-f-]{36}$/i.test(checkoutId)
    ? await db
        .select({ id: checkouts.id })
        .from(checkouts)
        .where(and(eq(checkouts.id, checkoutId), eq(checkouts.buyerId, buyerId)))
    : [];
  return c && ordersOf(db, c.id);
}

/** 'services' for tourism (tours, stays, experiences), goods otherwise: the kind sets tax and invoice lines. */
const supplyKind = (category: string) => (topOf(category)?.code === 'tourism' ? 'services' : 'goods');

/** What stops the checkout as the cart and the choices are now, one message per field. */
function problems(q: Quote, input: CheckoutInput, config: Config['buying']): FieldError[] {
  const errors: FieldError[] = [];
  const lineProblem = (l: CartLine) => ({
    field: lineField(l.variantId),
    key: `checkout.problem.${l.problem}`,
    params: { name: l.name, stock: l.stock, unit: l.unit },
  });
  for (const s of q.shops) {
    for (const l of s.lines) if (l.problem) errors.push(lineProblem(l));
    const offered = s.delivery === 'seller_delivery' ? s.options.delivery : s.options.pickup;
    if (!offered) errors.push({ field: deliveryField(s.seller.id), key: 'checkout.delivery_not_offered' });
    const { method, field } = paymentOf(input, s.seller.id);
    // A top-level method serves every shop: its problem is said once.
    const said = errors.some((e) => e.field === field);
    if (!method && !said) errors.push({ field, key: 'v.choose' });
    if (method === 'vnpay' && !config.vnpay && !said) errors.push({ field, key: 'checkout.vnpay_off' });
  }
  if (input.expected) {
    const seen = new Map(input.expected.map((e) => [e.variantId, e]));
    const lines = q.shops.flatMap((s) => s.lines);
    const changed =
      seen.size !== lines.length || lines.some((l) => seen.get(l.variantId)?.quantity !== l.quantity);
    if (changed) errors.push({ field: '_', key: 'checkout.cart_changed' });
    for (const l of lines) {
      const before = seen.get(l.variantId)?.unitPrice;
      if (before !== undefined && before !== l.unitPrice)
        errors.push({
          field: lineField(l.variantId),
          key: 'checkout.price_changed',
          // Amounts written the Vietnamese way in both languages: đồng are read so everywhere.
          params: { name: l.name, before: formatMoney(before, 'vi'), now: formatMoney(l.unitPrice, 'vi') },
        });
    }
  }
  return errors;
}

function snapshotOf(
  o: { id: string; code: string; checkoutId: string; placedAt: Date },
  buyer: Buyer,
  input: CheckoutInput,
  shop: ShopQuote,
  payment: PaymentMethod,
): OrderSnapshot {
  const s = shop.seller;
  const lines: OrderLineSnapshot[] = shop.lines.map((l) => ({
    productId: l.productId,
    variantId: l.variantId,
    name: l.name,
    variantName: l.variantName,
    sku: l.sku,
    unit: l.unit,
    category: l.category,
    supplyKind: supplyKind(l.category),
    quantity: l.quantity,
    unitPrice: String(l.unitPrice),
    amount: String(l.amount),
  }));
  return {
    orderId: o.id,
    code: o.code,
    checkoutId: o.checkoutId,
    placedAt: o.placedAt.toISOString(),
    buyer: {
      userId: buyer.id,
      // An invoice to a business is in the business's name (the tax code is its own).
      name: input.invoice?.companyName ?? input.recipientName,
      phone: input.phone,
      email: buyer.email,
      address: formatAddress(input),
      communeCode: input.communeCode,
      provinceCode: input.provinceCode,
      taxCode: input.invoice?.taxCode ?? null,
    },
    seller: {
      sellerId: s.id,
      name: s.shopName,
      legalForm: s.legalForm,
      taxCode: s.taxCode,
      address: formatAddress(s),
      phone: s.phone,
      email: s.email,
    },
    lines,
    deliveryMethod: shop.delivery,
    shippingFee: String(shop.shippingFee),
    paymentMethod: payment,
    total: String(shop.total),
  };
}

/** The column list of an INSERT into `table`, by the schema's keys (the names follow the schema). */
const columnsOf = <T extends Table>(table: T, keys: (keyof T['_']['columns'] & string)[]) =>
  sql.join(
    keys.map((k) => sql.identifier(getTableColumns(table)[k].name)),
    sql`, `,
  );

const orderColumns = columnsOf(orders, [
  'id',
  'code',
  'checkoutId',
  'buyerId',
  'sellerId',
  'status',
  'paymentMethod',
  'deliveryMethod',
  'subtotal',
  'shippingFee',
  'total',
  'snapshot',
  'note',
  'payBy',
  'placedAt',
  'updatedAt',
]);
const lineColumns = columnsOf(orderLines, [
  'id',
  'productId',
  'variantId',
  'quantity',
  'unitPrice',
  'amount',
  'orderId',
]);
const historyColumns = columnsOf(orderTransitions, ['orderId', 'fromStatus', 'toStatus', 'actorId']);

/**
 * One shop's order: the row with its snapshot (under a fresh code; a clash with an existing
 * code draws another), its lines and the first entry of its history in one statement, then its
 * payment intent and the ORDER_PLACED event. Every column is given, so the row is known
 * without reading it back.
 */
async function placeOrder(
  tx: Tx,
  checkoutId: string,
  buyer: Buyer,
  input: CheckoutInput,
  shop: ShopQuote,
  config: Config['buying'],
): Promise<OrderRow> {
  const id = uuidv7();
  const placedAt = new Date();
  // Checked by problems(): every shop has a method by now.
  const payment = paymentOf(input, shop.seller.id).method as PaymentMethod;
  const online = payment !== 'cod';
  const status = online ? 'awaiting_payment' : 'placed';
  const payBy = online ? new Date(placedAt.getTime() + config.paymentMinutes * 60_000) : null;
  const note = input.sellers.find((s) => s.sellerId === shop.seller.id)?.note ?? '';
  const lines = sql.join(
    shop.lines.map(
      (l) =>
        sql`(${uuidv7()}::uuid, ${l.productId}::uuid, ${l.variantId}::uuid, ${l.quantity}::int, ${l.unitPrice}::bigint, ${l.amount}::bigint)`,
    ),
    sql`, `,
  );
  for (;;) {
    const code = newOrderCode();
    const snapshot = snapshotOf({ id, code, checkoutId, placedAt }, buyer, input, shop, payment);
    // The lines and the history entry are written only when the order row was (no clash of codes).
    const inserted = await tx.execute(sql`
      WITH o AS (
        INSERT INTO ${orders} (${orderColumns})
        VALUES (${id}, ${code}, ${checkoutId}, ${buyer.id}, ${shop.seller.id}, ${status}, ${payment},
          ${shop.delivery}, ${shop.subtotal}, ${shop.shippingFee}, ${shop.total},
          ${JSON.stringify(snapshot)}::jsonb, ${note}, ${payBy}, ${placedAt}, ${placedAt})
        ON CONFLICT (code) DO NOTHING RETURNING id),
      l AS (INSERT INTO ${orderLines} (${lineColumns}) SELECT x.*, o.id FROM (VALUES ${lines}) AS x, o),
      h AS (
        INSERT INTO ${orderTransitions} (${historyColumns})
        SELECT o.id, NULL, ${status}::${sql.identifier(orderStatus.enumName)}, ${buyer.id}::uuid FROM o)
      SELECT id FROM o`);
    if (!inserted.rows.length) continue;
    await createPaymentIntent(tx, {
      orderId: id,
      orderCode: code,
      sellerId: shop.seller.id,
      buyerId: buyer.id,
      amount: shop.total,
      method: payment,
      payBy,
    });
    const event: OrderPlaced = { order: snapshot };
    await publish(tx, ORDER_PLACED, { ...event });
    return {
      id,
      code,
      checkoutId,
      buyerId: buyer.id,
      sellerId: shop.seller.id,
      status,
      paymentMethod: payment,
      deliveryMethod: shop.delivery,
      subtotal: shop.subtotal,
      shippingFee: shop.shippingFee,
      total: shop.total,
      snapshot,
      note,
      payBy,
      carrier: null,
      trackingNo: null,
      stockReleased: false,
      placedAt,
      deliveredAt: null,
      completedAt: null,
      updatedAt: placedAt,
    };
  }
}

/**
 * Places a checkout in one transaction: the checkout under its idempotency key, one order per
 * shop with its lines, history, payment intent and event, the bought lines out of the cart,
 * and the stock of every line reserved. Prices, stock and delivery are checked again against
 * the database as it is now; anything wrong answers 422 naming the line or field, and nothing
 * is kept. The same key again (even at the same moment: the unique index decides) answers the
 * first checkout's orders.
 */
export async function placeCheckout(
  db: Db,
  args: { buyer: Buyer; key: string; input: unknown; config: Config['buying'] },
): Promise<PlacedCheckout> {
  const { buyer, key, config } = args;
  if (!KEY.test(key)) throw invalid('key', 'checkout.key');
  let input: CheckoutInput;
  try {
    input = parseCheckout(args.input);
  } catch (err) {
    // A repeat answers the first checkout even if its body would not pass now.
    const earlier = err instanceof ValidationError && (await checkoutByKey(db, buyer.id, key));
    if (earlier) return { ...earlier, repeated: true };
    throw err;
  }
  try {
    return await retryOnDeadlock(() =>
      db.transaction(async (tx) => {
        // The key first: a repeat (committed, or in flight and then committed) stops here.
        const taken = await tx.execute(sql`
          INSERT INTO ${checkouts} (id, buyer_id, idempotency_key) VALUES (${uuidv7()}, ${buyer.id}, ${key})
          ON CONFLICT DO NOTHING RETURNING id`);
        const checkout = taken.rows[0] as { id: string } | undefined;
        if (!checkout) throw new KeyTaken();
        const chosen = new Map(input.sellers.map((s) => [s.sellerId, s.delivery]));
        const q = await quoteCheckout(tx, buyer.id, input.provinceCode, chosen);
        if (!q.shops.length) throw invalid('_', 'checkout.cart_empty');
        const errors = problems(q, input, config);
        if (errors.length) throw new ValidationError(errors);

        const placed: OrderRow[] = [];
        for (const shop of q.shops)
          placed.push(await placeOrder(tx, checkout.id, buyer, input, shop, config));
        const lines = q.shops.flatMap((s) => s.lines);
        const bought = sql.join(
          lines.map((l) => sql`${l.variantId}::uuid`),
          sql`, `,
        );
        await tx.execute(
          sql`DELETE FROM ${cartItems} WHERE owner = ${cartOf(buyer.id)} AND variant_id IN (${bought})`,
        );
        // Last, so that the variants' rows stay locked for as short a time as possible; in one
        // order of ids, so that two checkouts of the same variants cannot deadlock.
        const soldOut: FieldError[] = [];
        for (const l of [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : 1)))
          if (!(await reserveStock(tx, l.variantId, l.quantity)))
            soldOut.push({
              field: lineField(l.variantId),
              key: 'checkout.problem.out_of_stock',
              params: { name: l.name },
            });
        if (soldOut.length) throw new ValidationError(soldOut);
        return { checkoutId: checkout.id, orders: placed, repeated: false };
      }),
    );
  } catch (err) {
    if (!(err instanceof KeyTaken)) throw err;
    const first = await checkoutByKey(db, buyer.id, key);
    if (!first) throw err;
    return { ...first, repeated: true };
  }
}
