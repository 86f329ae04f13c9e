import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, seeOther } from '../../platform/http/context.js';
import { notFound, ValidationError } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import type { FormState } from '../../web/forms.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { paymentPagePath } from '../payments/index.js';
import { cartOwner } from './cart-owner.js';
import { buyerCheckout, type OrderRow, type PlacedCheckout, placeCheckout } from './checkout.js';
import { deliveryMethods, fromForm, paymentMethods } from './checkout-input.js';
import { defaultPayment, type Quote, quoteCheckout } from './checkout-quote.js';
import type { DeliveryMethod } from './events.js';
import { BUYING_SCOPE } from './routes-cart.js';
import { CART_PAGE } from './views/cart.js';
import { CHECKOUT_PAGE, CheckoutPage } from './views/checkout.js';
import { CheckoutDonePage } from './views/checkout-done.js';

type Body = Record<string, unknown>;

/** Checking out is a buyer's (sellers buy as buyers); a token would need BUYING_SCOPE. */
const buyer = (req: FastifyRequest, write: boolean) =>
  requireRole(req, ['buyer'], write ? BUYING_SCOPE : 'read');

const dong = z.number().int().meta({ description: 'Integer đồng' });
const quoteJson = z.object({
  shops: z.array(
    z.object({
      sellerId: z.string(),
      shopName: z.string(),
      lines: z.array(
        z.object({
          variantId: z.string(),
          name: z.string(),
          variantName: z.string().nullable(),
          quantity: z.number().int(),
          unitPrice: dong,
          amount: dong,
          problem: z.string().nullable(),
        }),
      ),
      subtotal: dong,
      delivery: z
        .object({ fee: dong })
        .nullable()
        .meta({ description: "The shop's delivery and its fee; null: not offered" }),
      pickup: z
        .object({ address: z.string() })
        .nullable()
        .meta({ description: 'Pick-up and where; null: not offered' }),
      chosen: z.enum(deliveryMethods),
      shippingFee: dong,
      total: dong,
    }),
  ),
  goods: dong,
  shipping: dong,
  total: dong,
  ready: z.boolean(),
  paymentMethods: z.array(z.enum(paymentMethods)),
});

const placedJson = z.object({
  checkoutId: z.string(),
  orders: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      sellerId: z.string(),
      shopName: z.string(),
      status: z.string(),
      paymentMethod: z.enum(paymentMethods),
      deliveryMethod: z.enum(deliveryMethods),
      subtotal: dong,
      shippingFee: dong,
      total: dong,
      payBy: z.string().nullable().meta({ description: 'Online payment must arrive by then' }),
      paymentPath: z.string().nullable().meta({ description: 'The payment page of an order paid online' }),
    }),
  ),
});

const toPlacedJson = (checkoutId: string, orders: OrderRow[]) => ({
  checkoutId,
  orders: orders.map((o) => ({
    id: o.id,
    code: o.code,
    sellerId: o.sellerId,
    shopName: o.snapshot.seller.name,
    status: o.status,
    paymentMethod: o.paymentMethod,
    deliveryMethod: o.deliveryMethod,
    subtotal: Number(o.subtotal),
    shippingFee: Number(o.shippingFee),
    total: Number(o.total),
    payBy: o.payBy?.toISOString() ?? null,
    paymentPath: o.paymentMethod === 'cod' ? null : paymentPagePath(o.code),
  })),
});

/** The page and its JSON twin: review and place a checkout, then see its orders. */
export function checkoutRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const methods = paymentMethods.filter((m) => m !== 'vnpay' || config.buying.vnpay);

  const toQuoteJson = (q: Quote) => ({
    shops: q.shops.map((s) => ({
      sellerId: s.seller.id,
      shopName: s.seller.shopName,
      lines: s.lines.map((l) => ({
        variantId: l.variantId,
        name: l.name,
        variantName: l.variantName,
        quantity: l.quantity,
        unitPrice: Number(l.unitPrice),
        amount: Number(l.amount),
        problem: l.problem,
      })),
      subtotal: Number(s.subtotal),
      delivery: s.options.delivery && { fee: Number(s.options.delivery.fee) },
      pickup: s.options.pickup,
      chosen: s.delivery,
      shippingFee: Number(s.shippingFee),
      total: Number(s.total),
    })),
    goods: Number(q.goods),
    shipping: Number(q.shipping),
    total: Number(q.total),
    ready: q.ready,
    paymentMethods: methods,
  });

  /** The delivery methods a posted form chose, by shop. */
  const chosenIn = (body: Body) =>
    new Map(
      Object.entries(body).flatMap(([k, v]) => {
        const m = /^delivery-(.+)$/.exec(k);
        return m && deliveryMethods.includes(v as DeliveryMethod) ? [[m[1], v as DeliveryMethod]] : [];
      }),
    );

  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    state: FormState,
    key: string,
    status = 200,
  ) {
    const province = String(state.values.provinceCode || app.instance.provinceCode);
    const quote = await quoteCheckout(db, userId, province, chosenIn(state.values));
    reply.header('cache-control', 'private, no-store');
    const ctx = pageCtx(req, reply);
    const page = CheckoutPage({
      ctx,
      quote,
      state,
      checkoutKey: key,
      methods,
      defaultPayment: await defaultPayment(db, userId, methods),
      paymentMinutes: config.buying.paymentMinutes,
    });
    return sendHtml(reply, page, status);
  }

  r.get(CHECKOUT_PAGE, { schema: { hide: true } }, async (req, reply) => {
    const actor = buyer(req, false);
    await cartOwner(deps, req, reply);
    const quote = await quoteCheckout(db, actor.id, app.instance.provinceCode);
    if (!quote.shops.length) return seeOther(reply, CART_PAGE);
    const values = {
      recipientName: actor.fullName,
      phone: actor.phone ?? '',
      provinceCode: app.instance.provinceCode,
    };
    return show(req, reply, actor.id, { values, errors: [] }, randomUUID());
  });

  r.post(CHECKOUT_PAGE, { schema: { hide: true } }, async (req, reply) => {
    const actor = buyer(req, true);
    await cartOwner(deps, req, reply);
    const { _csrf: _, ...body } = (req.body ?? {}) as Body;
    const key = typeof body.key === 'string' && body.key ? body.key : randomUUID();
    // "Update" (fees after a change of province or method, or the communes of another province).
    if (body._refresh) return show(req, reply, actor.id, { values: body, errors: [] }, key);
    try {
      const sellerIds = [
        ...new Set(Object.keys(body).flatMap((k) => /^(?:delivery|payment|note)-(.+)$/.exec(k)?.[1] ?? [])),
      ];
      const placed = await placeCheckout(db, {
        buyer: actor,
        key,
        input: fromForm(body, sellerIds),
        config: config.buying,
      });
      return seeOther(reply, `${CHECKOUT_PAGE}/xong/${placed.checkoutId}`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return show(req, reply, actor.id, { values: body, errors: err.fields }, key, 422);
    }
  });

  r.get(`${CHECKOUT_PAGE}/xong/:id`, { schema: { hide: true } }, async (req, reply) => {
    const actor = buyer(req, false);
    const orders = await buyerCheckout(db, actor.id, (req.params as { id: string }).id);
    if (!orders) throw notFound();
    reply.header('cache-control', 'private, no-store');
    return sendHtml(reply, CheckoutDonePage({ ctx: pageCtx(req, reply), orders }));
  });

  const tags = ['checkout'];
  r.get(
    '/api/v1/checkout',
    {
      schema: {
        tags,
        summary:
          'The review of my cart: per shop its delivery options and fee (for an address in provinceCode), totals',
        querystring: z.object({
          provinceCode: z.string().optional().meta({ description: "Default: the instance's" }),
        }),
        response: { 200: quoteJson },
      },
    },
    async (req, reply) => {
      const actor = buyer(req, false);
      await cartOwner(deps, req, reply);
      return toQuoteJson(
        await quoteCheckout(db, actor.id, req.query.provinceCode ?? app.instance.provinceCode),
      );
    },
  );

  const loose = z.union([z.string(), z.number(), z.boolean()]).optional();
  r.post(
    '/api/v1/checkout',
    {
      schema: {
        tags,
        summary:
          'Places my cart: one order per shop. Send an Idempotency-Key header; the same key again answers the first checkout (200)',
        headers: z.object({
          'idempotency-key': z
            .string()
            .optional()
            .meta({ description: '8-100 characters: letters, digits, _ . : -' }),
        }),
        body: z.object({
          recipientName: z.string().optional(),
          phone: z.string().optional(),
          provinceCode: z.string().optional(),
          communeCode: z.string().optional(),
          street: z.string().optional(),
          paymentMethod: z.string().optional().meta({
            description: 'cod, vietqr, or vnpay when offered: how the shops without their own are paid',
          }),
          sellers: z
            .array(
              z.object({
                sellerId: z.string(),
                delivery: z.string().optional(),
                payment: z.string().optional(),
                note: z.string().optional(),
              }),
            )
            .optional()
            .meta({
              description:
                "Per shop: seller_delivery or pickup (default: the shop's delivery when offered), how its order is paid (cod, vietqr, vnpay; default: paymentMethod), a note",
            }),
          invoice: loose.meta({ description: 'true: an invoice to a business (companyName, taxCode)' }),
          companyName: z.string().optional(),
          taxCode: z.string().optional(),
          expected: z
            .array(
              z.object({
                variantId: z.string(),
                quantity: z.number().int(),
                unitPrice: z.union([z.string(), z.number()]),
              }),
            )
            .optional()
            .meta({
              description: 'The lines as reviewed: a changed price or cart answers 422 instead of placing',
            }),
        }),
        response: { 200: placedJson, 201: placedJson },
      },
    },
    async (req, reply) => {
      const actor = buyer(req, true);
      await cartOwner(deps, req, reply);
      const placed: PlacedCheckout = await placeCheckout(db, {
        buyer: actor,
        key: req.headers['idempotency-key'] ?? '',
        input: req.body,
        config: config.buying,
      });
      reply.code(placed.repeated ? 200 : 201);
      return toPlacedJson(placed.checkoutId, placed.orders);
    },
  );

  r.get(
    '/api/v1/checkouts/:id',
    {
      schema: {
        tags,
        summary: 'A checkout of mine and its orders',
        params: z.object({ id: z.string() }),
        response: { 200: placedJson },
      },
    },
    async (req) => {
      const actor = buyer(req, false);
      const orders = await buyerCheckout(db, actor.id, req.params.id);
      if (!orders) throw notFound();
      return toPlacedJson(req.params.id, orders);
    },
  );
}
