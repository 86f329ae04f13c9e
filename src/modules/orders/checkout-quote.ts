import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import type { Seller } from '../sellers/index.js';
import { type CartLine, readCart } from './cart.js';
import type { SeenLine } from './checkout-input.js';
import type { DeliveryMethod, PaymentMethod } from './events.js';
import { orders } from './schema.js';
import { type DeliveryOptions, deliveryOptions, shippingRulesOf } from './shipping.js';

/** One shop's part of a checkout: its lines, how the goods may come, the chosen way and its fee. */
export interface ShopQuote {
  seller: Seller;
  lines: CartLine[];
  subtotal: bigint;
  options: DeliveryOptions;
  delivery: DeliveryMethod;
  shippingFee: bigint;
  total: bigint;
}

/** The review of a checkout: every shop's part and the totals, worked out from the buyer's cart. */
export interface Quote {
  shops: ShopQuote[];
  goods: bigint;
  shipping: bigint;
  total: bigint;
  /** Every line can be bought as it is (and there is at least one). */
  ready: boolean;
}

export const cartOf = (buyerId: string) => `u:${buyerId}`;

/**
 * Works out a buyer's checkout from their cart: for each shop the delivery options its rule
 * gives for an address in `provinceCode` (zone fees depend on it), the method chosen (the
 * shop's delivery when it offers one, unless the buyer chose otherwise) and its fee.
 */
export async function quoteCheckout(
  db: Executor,
  buyerId: string,
  provinceCode: string,
  chosen: ReadonlyMap<string, DeliveryMethod | undefined> = new Map(),
): Promise<Quote> {
  const cart = await readCart(db, cartOf(buyerId));
  const rules = await shippingRulesOf(
    db,
    cart.groups.map((g) => g.seller.id),
  );
  const shops = cart.groups.map((g): ShopQuote => {
    const options = deliveryOptions(rules.get(g.seller.id), g.seller, {
      subtotal: g.subtotal,
      grams: g.grams,
      sameProvince: g.seller.provinceCode === provinceCode,
    });
    const delivery = chosen.get(g.seller.id) ?? (options.delivery ? 'seller_delivery' : 'pickup');
    const shippingFee = delivery === 'seller_delivery' && options.delivery ? options.delivery.fee : 0n;
    return {
      seller: g.seller,
      lines: g.lines,
      subtotal: g.subtotal,
      options,
      delivery,
      shippingFee,
      total: g.subtotal + shippingFee,
    };
  });
  const goods = shops.reduce((s, x) => s + x.subtotal, 0n);
  const shipping = shops.reduce((s, x) => s + x.shippingFee, 0n);
  return { shops, goods, shipping, total: goods + shipping, ready: cart.ready };
}

/** The lines of a quote as the buyer saw them (what the review's hidden field records). */
export const seenLines = (q: Quote): SeenLine[] =>
  q.shops.flatMap((s) =>
    s.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitPrice: l.unitPrice })),
  );

/**
 * The payment method the checkout offers first for every shop: the one of the buyer's latest
 * order when it is still offered, cash on delivery otherwise.
 */
export async function defaultPayment(
  db: Executor,
  buyerId: string,
  offered: readonly PaymentMethod[],
): Promise<PaymentMethod> {
  const [last] = await db
    .select({ method: orders.paymentMethod })
    .from(orders)
    .where(eq(orders.buyerId, buyerId))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(1);
  return last && offered.includes(last.method) ? last.method : 'cod';
}
