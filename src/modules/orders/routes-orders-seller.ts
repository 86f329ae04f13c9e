import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { memberShops } from '../sellers/index.js';
import { orderActor } from './order-forms.js';
import { orderListJson, toOrderRowJson } from './order-json.js';
import { linesOf, sellerListQuery, sellerOrders, shopOrder, statusCounts } from './order-queries.js';
import { orderDetailRoutes } from './routes-orders-detail.js';
import { orderStatus } from './schema.js';
import { SELLER_ORDERS, SellerOrderPage, SellerOrdersPage } from './views/order-seller.js';
import { PackingSlipPage } from './views/packing-slip.js';

/** The seller centre's orders: the list to work through, each order's page and steps, the packing slip. */
export function sellerOrderRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  app.get(SELLER_ORDERS, { schema: { hide: true } }, async (req, reply) => {
    const actor = orderActor(req, 'read');
    const q = req.query as Record<string, string | undefined>;
    const { shops, seller } = await memberShops(db, actor.id, q.shop);
    // Someone with no shop yet finds how to open one in the seller centre.
    if (!seller) return reply.redirect('/kenh-ban-hang');
    const query = sellerListQuery.parse(q);
    const [list, counts] = [await sellerOrders(db, seller.id, query), await statusCounts(db, seller.id)];
    return sendHtml(
      reply,
      SellerOrdersPage({ ctx: pageCtx(req, reply), seller, shops, query, counts, list }),
    );
  });

  app.get(`${SELLER_ORDERS}/:code/phieu-dong-goi`, { schema: { hide: true } }, async (req, reply) => {
    const actor = orderActor(req, 'read');
    const order = await shopOrder(db, actor.id, (req.params as { code: string }).code);
    const lines = await linesOf(db, order.id);
    return sendHtml(reply, PackingSlipPage({ ctx: pageCtx(req, reply), order, lines }));
  });

  r.get(
    '/api/v1/seller/orders',
    {
      schema: {
        tags: ['orders'],
        summary:
          "My shop's orders (the first shop I belong to unless sellerId is given): those waiting for the shop first, with the count in each state",
        querystring: sellerListQuery.extend({ sellerId: z.string().optional() }),
        response: {
          200: orderListJson.extend({
            sellerId: z.string(),
            counts: z.record(z.enum(orderStatus.enumValues), z.number().int()),
          }),
        },
      },
    },
    async (req) => {
      const actor = orderActor(req, 'read');
      const { seller } = await memberShops(db, actor.id, req.query.sellerId);
      if (!seller) throw notFound();
      const list = await sellerOrders(db, seller.id, req.query);
      return {
        ...list,
        items: list.items.map(toOrderRowJson),
        sellerId: seller.id,
        counts: await statusCounts(db, seller.id),
      };
    },
  );

  orderDetailRoutes(app, deps, {
    party: 'seller',
    page: SELLER_ORDERS,
    api: '/api/v1/seller/orders',
    offers: ['confirm', 'ship', 'deliver', 'cancel', 'accept_return', 'reject_return'],
    actor: (req, write) => orderActor(req, write ? 'seller:write' : 'read'),
    find: (db, actor, code) => shopOrder(db, actor.id, code),
    Page: SellerOrderPage,
    summaries: {
      read: 'One order of my shop: the buyer’s address, lines, history and what the shop may do now',
      move: 'Move an order of my shop: confirm, ship (carrier and tracking number), deliver (for cash on delivery: cash collected), cancel (reason), accept or reject (reason) a return',
    },
  });
}
