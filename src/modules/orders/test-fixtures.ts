/**
 * Shared by the order lifecycle's tests: orders placed through the checkout (what the buyer's
 * cart and form would send), and a way to bring one to any state through transitionOrder.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { fileApp, type SignedIn, signedIn, type TestApp } from '../../../test/helpers.js';
import { shopWithMembers } from '../catalog/test-fixtures.js';
import { postWebhook, transferIn } from '../payments/test-fixtures.js';
import { placeCheckout } from './checkout.js';
import { checkoutForm } from './checkout-test-fixtures.js';
import type { DeliveryMethod, PaymentMethod } from './events.js';
import { type OrderStatus, orderLifecycle } from './lifecycle.js';
import { cartItems, orders, shippingRules } from './schema.js';
import { type Order, transitionOrder } from './transitions.js';

const publicUrl = 'http://localhost:3000';

/**
 * An approved shop (owner and staff signed in) that delivers for a flat 30,000 đ or lets the
 * buyer pick up, with a published bird's nest of two variants, `stock` of each.
 */
export async function orderingShop(t: TestApp, stock = 500) {
  const shop = await shopWithMembers(t, 'approved');
  await t.db.insert(shippingRules).values({ sellerId: shop.seller.id, baseFee: 30_000n, pickup: true });
  const view = await shop.published({
    variants: [
      { name: 'Hộp 50 g', sku: 'YS-50', price: '1.250.000', stock: String(stock) },
      { name: 'Hộp 100 g', sku: 'YS-100', price: '2.400.000', stock: String(stock) },
    ],
  });
  return { ...shop, product: view.product, variants: view.variants };
}
export type OrderingShop = Awaited<ReturnType<typeof orderingShop>>;

/**
 * What an order test file starts from, made as the file loads: its app (closed after its
 * tests), a shop that sells (orderingShop) and a signed-in buyer called `buyerName`; `who`
 * is both sides, as bringTo takes them.
 */
export async function orderingWorld(buyerName: string) {
  const t = await fileApp();
  const shop = await orderingShop(t);
  const buyer = await signedIn(t, 'buyer', buyerName);
  return { t, shop, buyer, who: { shop, buyer } };
}

/**
 * One checkout by `buyer` of the given shops' goods (`quantities` per variant of each shop's
 * product; a zero leaves the variant out): the lines go in the buyer's cart and the checkout
 * places one order per shop, stock reserved, payment intents open. Online orders then wait
 * for their money (awaiting_payment); cash-on-delivery ones are placed.
 */
export async function checkOut(
  t: TestApp,
  buyer: SignedIn,
  parts: { shop: OrderingShop; quantities?: number[]; delivery?: DeliveryMethod }[],
  method: PaymentMethod = 'vietqr',
): Promise<Order[]> {
  const owner = `u:${buyer.user.id}`;
  for (const { shop, quantities = [2] } of parts)
    for (const [i, v] of shop.variants.entries())
      if ((quantities[i] ?? 0) > 0)
        await t.db.insert(cartItems).values({ owner, variantId: v.id, quantity: quantities[i] });
  const placed = await placeCheckout(t.db, {
    buyer: { id: buyer.user.id, email: buyer.user.email },
    key: randomBytes(12).toString('hex'),
    config: t.app.deps.config.buying,
    input: {
      ...checkoutForm,
      recipientName: buyer.user.fullName,
      paymentMethod: method,
      sellers: parts.map((p) => ({ sellerId: p.shop.seller.id, delivery: p.delivery ?? 'seller_delivery' })),
    },
  });
  const bySeller = new Map(placed.orders.map((o) => [o.sellerId, o]));
  return parts.map((p) => bySeller.get(p.shop.seller.id)!);
}

/** One order of `buyer` at `shop` (two of the first variant unless told), placed through the checkout. */
export async function placeOrder(
  t: TestApp,
  shop: OrderingShop,
  buyer: SignedIn,
  opts: { method?: PaymentMethod; delivery?: DeliveryMethod; quantities?: number[] } = {},
): Promise<Order> {
  const [order] = await checkOut(
    t,
    buyer,
    [{ shop, quantities: opts.quantities, delivery: opts.delivery }],
    opts.method,
  );
  return order;
}

/**
 * The bank tells the payments module that the money of an order paid by VietQR came in (a signed
 * notification with the order code in the memo), and the outbox hands the payment to the orders module.
 */
export async function payOrder(t: TestApp, order: Order, amount = order.total): Promise<Order> {
  const res = await postWebhook(t, transferIn({ amount, content: `Thanh toan ${order.code}` }));
  if (res.statusCode !== 200) throw new Error(`bank webhook: ${res.statusCode} ${res.body}`);
  await t.app.outbox.drain();
  const [now] = await t.db.select().from(orders).where(eq(orders.id, order.id));
  if (amount === order.total && now.status !== 'paid')
    throw new Error(`order ${order.code} is ${now.status}, not paid`);
  return now;
}

/**
 * Brings an order to `status` the shortest way, each step by the side the table allows
 * (the shop's owner for the seller, the order's buyer, the system; the money through the bank's
 * notification); cancellations and return decisions with a reason, shipments with a carrier.
 */
export async function bringTo(
  t: TestApp,
  order: Order,
  status: OrderStatus,
  who: { shop: OrderingShop; buyer: SignedIn },
): Promise<Order> {
  let current = order;
  for (const action of orderLifecycle.pathTo(current.status, status)) {
    if (action === 'pay') {
      current = await payOrder(t, current);
      continue;
    }
    const { by, reason } = orderLifecycle.find(current.status, action)!;
    const actor = by.includes('system')
      ? ('system' as const)
      : by.includes('seller')
        ? who.shop.owner.actor
        : who.buyer.actor;
    current = await transitionOrder(t.db, {
      orderId: current.id,
      action,
      actor,
      ...(reason ? { reason: 'Lý do kiểm thử' } : {}),
      ...(action === 'ship' ? { carrier: 'Viettel Post', trackingNo: 'VTP123456789' } : {}),
      publicUrl,
    });
  }
  return current;
}
