import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { orderActor } from './order-forms.js';
import { orderListJson, toOrderRowJson } from './order-json.js';
import { buyerOrder, buyerOrders, pageQuery } from './order-queries.js';
import { orderDetailRoutes } from './routes-orders-detail.js';
import { BuyerOrderPage, BuyerOrdersPage } from './views/order-buyer.js';

/** The buyer's orders: the list, each order with its history, and what the buyer may do (pages and JSON). */
export function buyerOrderRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  app.get('/don-hang', { schema: { hide: true } }, async (req, reply) => {
    const actor = orderActor(req, 'read');
    const { page } = pageQuery.parse(req.query);
    const list = await buyerOrders(db, actor.id, page);
    return sendHtml(reply, BuyerOrdersPage({ ctx: pageCtx(req, reply), list }));
  });

  r.get(
    '/api/v1/orders',
    {
      schema: {
        tags: ['orders'],
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

  orderDetailRoutes(app, deps, {
    party: 'buyer',
    page: '/don-hang',
    api: '/api/v1/orders',
    offers: ['cancel', 'complete', 'request_return'],
    actor: (req, write) => orderActor(req, write ? 'buyer:write' : 'read'),
    find: (db, actor, code) => buyerOrder(db, actor.id, code),
    Page: BuyerOrderPage,
    summaries: {
      read: 'One of my orders: lines, totals, history and what I may do now',
      move: 'Cancel my order (before the seller confirms it; reason required), confirm I received it, or ask for a return (after delivery; reason required)',
    },
  });
}
