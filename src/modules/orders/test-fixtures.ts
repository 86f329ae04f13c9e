/**
 * Shared by the order lifecycle's tests: orders as a checkout leaves them (written directly: how a
 * checkout makes them is the checkout's tests' concern), and a way to bring one to any state
 * through transitionOrder.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { SignedIn, TestApp } from '../../../test/helpers.js';
import { productVariants } from '../catalog/schema.js';
import { shopWithMembers } from '../catalog/test-fixtures.js';
import { createPaymentIntent } from '../payments/index.js';
import { postWebhook, transferIn } from '../payments/test-fixtures.js';
import type { DeliveryMethod, OrderSnapshot, PaymentMethod } from './events.js';
import { type OrderStatus, orderLifecycle } from './lifecycle.js';
import { checkouts, orderLines, orders, orderTransitions } from './schema.js';
import { type Order, transitionOrder } from './transitions.js';

const publicUrl = 'http://localhost:3000';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const code = () => `DH${[...randomBytes(8)].map((b) => CROCKFORD[b % 32]).join('')}`;

/** An approved shop (owner and staff signed in) with a published bird's nest of two variants, `stock` of each. */
export async function orderingShop(t: TestApp, stock = 500) {
  const shop = await shopWithMembers(t, 'approved');
  const view = await shop.published({
    variants: [
      { name: 'Hộp 50 g', sku: 'YS-50', price: '1.250.000', stock: String(stock) },
      { name: 'Hộp 100 g', sku: 'YS-100', price: '2.400.000', stock: String(stock) },
    ],
  });
  return { ...shop, product: view.product, variants: view.variants };
}
export type OrderingShop = Awaited<ReturnType<typeof orderingShop>>;

export async function stockOf(t: TestApp, variantId: string): Promise<number> {
  const [v] = await t.db
    .select({ stock: productVariants.stock })
    .from(productVariants)
    .where(eq(productVariants.id, variantId));
  return v.stock;
}

/**
 * An order of `buyer` at `shop` as a checkout leaves it: the checkout, the order with its
 * snapshot and lines, the stock reserved, its first history row; one paid online then waits
 * for its money (awaiting_payment, paying by the deadline of the configuration).
 * `quantities` are per variant of the shop's product (a zero leaves the variant out).
 */
export async function placeOrder(
  t: TestApp,
  shop: OrderingShop,
  buyer: SignedIn,
  opts: {
    method?: PaymentMethod;
    delivery?: DeliveryMethod;
    quantities?: number[];
    shippingFee?: bigint;
    checkoutId?: string;
  } = {},
): Promise<Order> {
  const method = opts.method ?? 'vietqr';
  const delivery = opts.delivery ?? 'seller_delivery';
  const shippingFee = delivery === 'pickup' ? 0n : (opts.shippingFee ?? 30_000n);
  const quantities = opts.quantities ?? [2];
  const picked = shop.variants.flatMap((v, i) => ((quantities[i] ?? 0) > 0 ? [{ v, q: quantities[i] }] : []));
  const subtotal = picked.reduce((s, { v, q }) => s + v.price * BigInt(q), 0n);
  const s = shop.seller;
  return t.db.transaction(async (tx) => {
    const checkoutId =
      opts.checkoutId ??
      (
        await tx
          .insert(checkouts)
          .values({ buyerId: buyer.user.id, idempotencyKey: randomBytes(8).toString('hex') })
          .returning()
      )[0].id;
    const [order] = await tx
      .insert(orders)
      .values({
        code: code(),
        checkoutId,
        buyerId: buyer.user.id,
        sellerId: s.id,
        paymentMethod: method,
        deliveryMethod: delivery,
        subtotal,
        shippingFee,
        total: subtotal + shippingFee,
        snapshot: {} as OrderSnapshot,
        payBy:
          method === 'cod' ? null : new Date(Date.now() + t.app.deps.config.buying.paymentMinutes * 60_000),
      })
      .returning();
    const snapshot: OrderSnapshot = {
      orderId: order.id,
      code: order.code,
      checkoutId,
      placedAt: order.placedAt.toISOString(),
      buyer: {
        userId: buyer.user.id,
        name: buyer.user.fullName,
        phone: '0987654321',
        email: buyer.user.email,
        address: '25 Lê Thánh Tôn, Phường Nha Trang, Tỉnh Khánh Hòa',
        communeCode: '22333',
        provinceCode: '56',
        taxCode: null,
      },
      seller: {
        sellerId: s.id,
        name: s.shopName,
        legalForm: s.legalForm,
        taxCode: s.taxCode,
        address: `${s.street}, Tỉnh Khánh Hòa`,
        phone: s.phone,
        email: s.email,
      },
      lines: picked.map(({ v, q }) => ({
        productId: shop.product.id,
        variantId: v.id,
        name: shop.product.name,
        variantName: v.name,
        sku: v.sku,
        unit: shop.product.unit,
        category: shop.product.category,
        supplyKind: 'goods',
        quantity: q,
        unitPrice: String(v.price),
        amount: String(v.price * BigInt(q)),
      })),
      deliveryMethod: delivery,
      shippingFee: String(shippingFee),
      paymentMethod: method,
      total: String(subtotal + shippingFee),
    };
    await tx.update(orders).set({ snapshot }).where(eq(orders.id, order.id));
    for (const { v, q } of picked) {
      await tx.insert(orderLines).values({
        orderId: order.id,
        productId: shop.product.id,
        variantId: v.id,
        quantity: q,
        unitPrice: v.price,
        amount: v.price * BigInt(q),
      });
      const taken = await tx
        .update(productVariants)
        .set({ stock: sql`${productVariants.stock} - ${q}` })
        .where(and(eq(productVariants.id, v.id), gte(productVariants.stock, q)))
        .returning();
      if (!taken.length) throw new Error(`not enough stock of ${v.sku}`);
    }
    await tx
      .insert(orderTransitions)
      .values({ orderId: order.id, toStatus: 'placed', actorId: buyer.user.id, at: order.placedAt });
    await createPaymentIntent(tx, {
      orderId: order.id,
      orderCode: order.code,
      sellerId: s.id,
      buyerId: buyer.user.id,
      amount: order.total,
      method,
      payBy: order.payBy,
    });
    if (method === 'cod') return { ...order, snapshot };
    return transitionOrder(tx, { orderId: order.id, action: 'await_payment', actor: 'system', publicUrl });
  });
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
    const by = orderLifecycle.find(current.status, action)!.by;
    const actor = by.includes('system')
      ? ('system' as const)
      : by.includes('seller')
        ? who.shop.owner.actor
        : who.buyer.actor;
    current = await transitionOrder(t.db, {
      orderId: current.id,
      action,
      actor,
      reason: 'Lý do kiểm thử',
      carrier: 'Viettel Post',
      trackingNo: 'VTP123456789',
      publicUrl,
    });
  }
  return current;
}
