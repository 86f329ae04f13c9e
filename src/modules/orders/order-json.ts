import { z } from 'zod';
import type { Executor } from '../../platform/db/pool.js';
import type { Translate } from '../../platform/http/i18n.js';
import { contractsOfOrders } from '../contracts/index.js';
import { invoicesOfOrders } from '../invoices/index.js';
import { paymentPagePath, paymentsOf, refundOf } from '../payments/index.js';
import { actionsFor, type OrderParty, orderActions } from './lifecycle.js';
import { linesOf, type Order, type OrderLine, type OrderRow, timelineOf } from './order-queries.js';
import { deliveryMethod, orderStatus, paymentMethod } from './schema.js';

/** Money in JSON: integer đồng (exact: amounts stay far below 2^53). */
const dong = z.number().int().meta({ description: 'Integer đồng' });
const status = z.enum(orderStatus.enumValues);
const when = z.string().meta({ description: 'ISO 8601 instant' });

export const orderRowJson = z.object({
  code: z.string(),
  checkoutId: z.string(),
  status,
  paymentMethod: z.enum(paymentMethod.enumValues),
  deliveryMethod: z.enum(deliveryMethod.enumValues),
  total: dong,
  placedAt: when,
  shopName: z.string(),
  buyerName: z.string(),
  firstItem: z.string(),
  items: z.number().int(),
});

export const orderListJson = z.object({
  items: z.array(orderRowJson),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
});

export const orderJson = orderRowJson.omit({ firstItem: true, items: true }).extend({
  id: z.string(),
  sellerId: z.string(),
  subtotal: dong,
  shippingFee: dong,
  note: z.string(),
  payBy: when.nullable().meta({ description: 'Online payment must arrive by then' }),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  deliveredAt: when.nullable(),
  completedAt: when.nullable(),
  buyer: z.object({ name: z.string(), phone: z.string(), address: z.string() }),
  lines: z.array(
    z.object({
      id: z.string(),
      productId: z.string(),
      variantId: z.string(),
      name: z.string(),
      variantName: z.string().nullable(),
      unit: z.string(),
      quantity: z.number().int(),
      unitPrice: dong,
      amount: dong,
      returnedQuantity: z.number().int(),
    }),
  ),
  history: z.array(z.object({ at: when, status, by: z.string(), reason: z.string().nullable() })),
  actions: z
    .array(z.enum(orderActions as [string, ...string[]]))
    .meta({ description: 'What the caller may do with the order now' }),
  payment: z
    .object({
      method: z.enum(paymentMethod.enumValues),
      status: z.enum(['pending', 'partially_paid', 'paid', 'cancelled', 'collected']),
      amountDue: dong,
      amountPaid: dong,
    })
    .nullable(),
  paymentPage: z
    .string()
    .nullable()
    .meta({ description: 'Where the buyer pays, while the order waits for it' }),
  contract: z
    .object({ code: z.string(), signedAt: when, url: z.string(), downloadUrl: z.string() })
    .nullable()
    .meta({ description: 'The signed e-contract (made a moment after the order is placed)' }),
  refund: z
    .object({
      owed: dong.meta({ description: 'Still owed to the buyer' }),
      refunded: dong,
      page: z.string().meta({ description: "The buyer's refund page (where the buyer gives the account)" }),
    })
    .nullable()
    .meta({ description: 'Money of a cancelled or returned order given back to the buyer (null: none)' }),
  invoices: z.array(
    z.object({
      kind: z.enum(['original', 'adjustment', 'replacement']),
      status: z.enum(['issued', 'replaced']),
      symbol: z.string(),
      number: z.number().int(),
      issuedOn: z.string(),
      total: dong,
      url: z.string(),
      xmlUrl: z.string(),
      pdfUrl: z.string(),
    }),
  ),
});

export function toOrderRowJson(r: OrderRow): z.infer<typeof orderRowJson> {
  return {
    code: r.code,
    checkoutId: r.checkoutId,
    status: r.status,
    paymentMethod: r.paymentMethod,
    deliveryMethod: r.deliveryMethod,
    total: Number(r.total),
    placedAt: r.placedAt.toISOString(),
    shopName: r.shopName,
    buyerName: r.buyerName,
    firstItem: r.firstItem,
    items: r.items,
  };
}

/**
 * Everything a page or the API shows of one order, for one side of it: the goods, the history,
 * what that side may do now, the payment, the e-contract and the e-invoices.
 */
export async function orderDetail(db: Executor, order: Order, party: OrderParty, t: Translate) {
  const waiting = order.status === 'placed' || order.status === 'awaiting_payment';
  return {
    order,
    lines: await linesOf(db, order.id),
    history: await timelineOf(db, order, t),
    actions: actionsFor(order, party),
    payment: (await paymentsOf(db, [order.id])).get(order.id) ?? null,
    /** Where the buyer pays, while the order waits for its money. */
    paymentPage:
      party === 'buyer' && waiting && order.paymentMethod !== 'cod' ? paymentPagePath(order.code) : null,
    contract: (await contractsOfOrders(db, [order.id])).get(order.id) ?? null,
    /** Money given back to the buyer: owed, paid (from the payments module). */
    refund: order.paymentMethod === 'cod' ? null : await refundOf(db, order.id),
    invoices: (await invoicesOfOrders(db, [order.id])).get(order.id) ?? [],
  };
}
export type OrderDetail = Awaited<ReturnType<typeof orderDetail>>;

/** The snapshot's name and unit of an order line. */
export function lineLabel(order: Order, l: OrderLine) {
  const s = order.snapshot.lines.find((x) => x.variantId === l.variantId);
  return { name: s?.name ?? '', variantName: s?.variantName ?? null, unit: s?.unit ?? '' };
}

export function toOrderJson(d: OrderDetail): z.infer<typeof orderJson> {
  const o = d.order;
  const iso = (x: Date | null) => (x ? x.toISOString() : null);
  return {
    id: o.id,
    code: o.code,
    checkoutId: o.checkoutId,
    sellerId: o.sellerId,
    status: o.status,
    paymentMethod: o.paymentMethod,
    deliveryMethod: o.deliveryMethod,
    subtotal: Number(o.subtotal),
    shippingFee: Number(o.shippingFee),
    total: Number(o.total),
    note: o.note,
    placedAt: o.placedAt.toISOString(),
    payBy: iso(o.payBy),
    carrier: o.carrier,
    trackingNo: o.trackingNo,
    deliveredAt: iso(o.deliveredAt),
    completedAt: iso(o.completedAt),
    shopName: o.snapshot.seller.name,
    buyerName: o.snapshot.buyer.name,
    buyer: { name: o.snapshot.buyer.name, phone: o.snapshot.buyer.phone, address: o.snapshot.buyer.address },
    lines: d.lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      variantId: l.variantId,
      ...lineLabel(o, l),
      quantity: l.quantity,
      unitPrice: Number(l.unitPrice),
      amount: Number(l.amount),
      returnedQuantity: l.returnedQuantity,
    })),
    history: d.history.map((h) => ({ at: h.at.toISOString(), status: h.status, by: h.by, reason: h.reason })),
    actions: d.actions,
    payment: d.payment && {
      method: d.payment.method,
      status: d.payment.status,
      amountDue: Number(d.payment.amountDue),
      amountPaid: Number(d.payment.amountPaid),
    },
    paymentPage: d.paymentPage,
    contract: d.contract && {
      code: d.contract.code,
      signedAt: d.contract.signedAt.toISOString(),
      url: d.contract.path,
      downloadUrl: d.contract.downloadPath,
    },
    refund: d.refund && { owed: Number(d.refund.owed), refunded: Number(d.refund.paid), page: d.refund.page },
    invoices: d.invoices.map((i) => ({
      kind: i.kind,
      status: i.status,
      symbol: i.symbol,
      number: i.number,
      issuedOn: i.issuedOn,
      total: Number(i.total),
      url: i.url,
      xmlUrl: i.xmlUrl,
      pdfUrl: i.pdfUrl,
    })),
  };
}
