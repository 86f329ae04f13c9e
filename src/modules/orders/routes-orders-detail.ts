import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import type { OrderAction, OrderParty } from './lifecycle.js';
import { doneOf, postAction, transitionBody } from './order-forms.js';
import { orderDetail, orderJson, toOrderJson } from './order-json.js';
import type { Order } from './order-queries.js';
import { transitionOrder } from './transitions.js';
import type { OrderPageProps } from './views/order-page.js';
import type { FailedAction } from './views/order-parts.js';

/** What sets one side's order pages apart: who reads them, which orders, what steps they offer. */
export interface OrderSide {
  party: Exclude<OrderParty, 'system'>;
  /** Where the side's order pages are (`/don-hang`), and their JSON twins (`/api/v1/orders`). */
  page: string;
  api: string;
  /** Actions the side's forms and API take (the others are not its business: 404). */
  offers: readonly OrderAction[];
  /** The viewer, allowed to look on this side (or, with `write`, to act): 401/403 otherwise. */
  actor(req: FastifyRequest, write: boolean): Actor;
  /** The order of `code` as this viewer may find it on this side: 404 otherwise. */
  find(db: Executor, actor: Actor, code: string): Promise<Order>;
  Page(p: OrderPageProps): JSX.Element;
  /** The OpenAPI summaries of the JSON twins: reading an order, moving it. */
  summaries: { read: string; move: string };
}

const tags = ['orders'];
const codeParams = z.object({ code: z.string() });

/** One order's page, its action forms, and their JSON twins: the same for the buyer, the shop and officers. */
export function orderDetailRoutes(app: FastifyInstance, deps: Deps, side: OrderSide): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const codeOf = (req: FastifyRequest) => (req.params as { code: string }).code;

  async function detailPage(
    req: FastifyRequest,
    reply: FastifyReply,
    order: Order,
    extra: { done?: string; failed?: FailedAction },
    status = 200,
  ) {
    const d = await orderDetail(db, order, side.party, req.t);
    return sendHtml(reply, side.Page({ ctx: pageCtx(req, reply), d, ...extra }), status);
  }

  app.get(`${side.page}/:code`, { schema: { hide: true } }, async (req, reply) => {
    const order = await side.find(db, side.actor(req, false), codeOf(req));
    return detailPage(req, reply, order, { done: doneOf(req.query) });
  });

  app.post(`${side.page}/:code/:action`, { schema: { hide: true } }, async (req, reply) => {
    const actor = side.actor(req, true);
    const code = codeOf(req);
    return postAction(deps, req, reply, {
      order: await side.find(db, actor, code),
      actor,
      party: side.party,
      offers: side.offers,
      page: `${side.page}/${code}`,
      render: async (failed, status) =>
        detailPage(req, reply, await side.find(db, actor, code), { failed }, status),
    });
  });

  r.get(
    `${side.api}/:code`,
    {
      schema: { tags, summary: side.summaries.read, params: codeParams, response: { 200: orderJson } },
    },
    async (req) => {
      const order = await side.find(db, side.actor(req, false), req.params.code);
      return toOrderJson(await orderDetail(db, order, side.party, req.t));
    },
  );

  r.post(
    `${side.api}/:code/transitions`,
    {
      schema: {
        tags,
        summary: side.summaries.move,
        params: codeParams,
        body: transitionBody(side.offers),
        response: { 200: orderJson },
      },
    },
    async (req) => {
      const actor = side.actor(req, true);
      const order = await side.find(db, actor, req.params.code);
      const moved = await transitionOrder(db, {
        orderId: order.id,
        ...req.body,
        actor,
        party: side.party,
        ip: req.ip,
        publicUrl: deps.config.publicUrl,
      });
      return toOrderJson(await orderDetail(db, moved, side.party, req.t));
    },
  );
}
