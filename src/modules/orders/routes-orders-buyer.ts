import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import type { OrderAction } from './lifecycle.js';
import { doneOf, orderActor, postAction, transitionBody } from './order-forms.js';
import { orderDetail, orderJson, orderListJson, toOrderJson, toOrderRowJson } from './order-json.js';
import { buyerOrder, buyerOrders, type Order, pageQuery } from './order-queries.js';
import { transitionOrder } from './transitions.js';
import { BuyerOrderPage, BuyerOrdersPage } from './views/order-buyer.js';
import type { FailedAction } from './views/order-parts.js';

const tags = ['orders'];
/** What a buyer does with an order. */
const buyerActions: readonly OrderAction[] = ['cancel', 'complete', 'request_return'];
const codeParams = z.object({ code: z.string() });

/** The buyer's orders: the list, each order with its history, and what the buyer may do (pages and JSON). */
export function buyerOrderRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function detailPage(
    req: FastifyRequest,
    reply: FastifyReply,
    order: Order,
    extra: { done?: string; failed?: FailedAction } = {},
    status = 200,
  ) {
    const d = await orderDetail(db, order, 'buyer', req.t);
    return sendHtml(reply, BuyerOrderPage({ ctx: pageCtx(req, reply), d, ...extra }), status);
  }

  app.get('/don-hang', { schema: { hide: true } }, async (req, reply) => {
    const actor = orderActor(req, 'read');
    const { page } = pageQuery.parse(req.query);
    const list = await buyerOrders(db, actor.id, page);
    return sendHtml(reply, BuyerOrdersPage({ ctx: pageCtx(req, reply), list }));
  });

  app.get('/don-hang/:code', { schema: { hide: true } }, async (req, reply) => {
    const actor = orderActor(req, 'read');
    const order = await buyerOrder(db, actor.id, (req.params as { code: string }).code);
    return detailPage(req, reply, order, { done: doneOf(req.query) });
  });

  app.post('/don-hang/:code/:action', { schema: { hide: true } }, async (req, reply) => {
    const actor = orderActor(req, 'buyer:write');
    const { code } = req.params as { code: string };
    const order = await buyerOrder(db, actor.id, code);
    return postAction(deps, req, reply, {
      order,
      actor,
      party: 'buyer',
      offers: buyerActions,
      page: `/don-hang/${code}`,
      render: async (failed, status) =>
        detailPage(req, reply, await buyerOrder(db, actor.id, code), { failed }, status),
    });
  });

  r.get(
    '/api/v1/orders',
    {
      schema: {
        tags,
        summary: 'My orders, newest first (those of one checkout together)',
        querystring: pageQuery,
        response: { 200: orderListJson },
      },
    },
    async (req) => {
      const list = await buyerOrders(db, orderActor(req, 'read').id, req.query.page);
      return { ...list, items: list.items.map(toOrderRowJson) };
    },
  );

  r.get(
    '/api/v1/orders/:code',
    {
      schema: {
        tags,
        summary: 'One of my orders: lines, totals, history and what I may do now',
        params: codeParams,
        response: { 200: orderJson },
      },
    },
    async (req) => {
      const order = await buyerOrder(db, orderActor(req, 'read').id, req.params.code);
      return toOrderJson(await orderDetail(db, order, 'buyer', req.t));
    },
  );

  r.post(
    '/api/v1/orders/:code/transitions',
    {
      schema: {
        tags,
        summary:
          'Cancel my order (before the seller confirms it; reason required), confirm I received it, or ask for a return (after delivery; reason required)',
        params: codeParams,
        body: transitionBody(buyerActions),
        response: { 200: orderJson },
      },
    },
    async (req) => {
      const actor = orderActor(req, 'buyer:write');
      const order = await buyerOrder(db, actor.id, req.params.code);
      const moved = await transitionOrder(db, {
        orderId: order.id,
        action: req.body.action,
        actor,
        party: 'buyer',
        reason: req.body.reason,
        ip: req.ip,
        publicUrl: deps.config.publicUrl,
      });
      return toOrderJson(await orderDetail(db, moved, 'buyer', req.t));
    },
  );
}
