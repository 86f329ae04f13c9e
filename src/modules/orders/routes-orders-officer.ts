import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, seeOther } from '../../platform/http/context.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import type { OrderAction } from './lifecycle.js';
import { doneOf, postAction, transitionBody } from './order-forms.js';
import { orderDetail, orderJson, toOrderJson } from './order-json.js';
import { anyOrder, type Order, orderByCode } from './order-queries.js';
import { transitionOrder } from './transitions.js';
import { OFFICER_ORDERS, OfficerFindPage, OfficerOrderPage } from './views/order-officer.js';
import type { FailedAction } from './views/order-parts.js';

const tags = ['orders'];
/** Officers read any order; the one step they take is deciding a disputed return (audited). */
const officerActions: readonly OrderAction[] = ['accept_return', 'reject_return'];
const codeParams = z.object({ code: z.string() });
const officer = (req: FastifyRequest, scope: 'read' | 'officer:write') =>
  requireRole(req, ['officer', 'admin'], scope);

export function officerOrderRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function detailPage(
    req: FastifyRequest,
    reply: FastifyReply,
    order: Order,
    extra: { done?: string; failed?: FailedAction } = {},
    status = 200,
  ) {
    const d = await orderDetail(db, order, 'officer', req.t);
    return sendHtml(reply, OfficerOrderPage({ ctx: pageCtx(req, reply), d, ...extra }), status);
  }

  app.get(OFFICER_ORDERS, { schema: { hide: true } }, async (req, reply) => {
    officer(req, 'read');
    const code = (req.query as { code?: string }).code?.trim().toUpperCase();
    if (code && (await orderByCode(db, code))) return seeOther(reply, `${OFFICER_ORDERS}/${code}`);
    return sendHtml(
      reply,
      OfficerFindPage({ ctx: pageCtx(req, reply), code, missing: !!code }),
      code ? 404 : 200,
    );
  });

  app.get(`${OFFICER_ORDERS}/:code`, { schema: { hide: true } }, async (req, reply) => {
    officer(req, 'read');
    const order = await anyOrder(db, (req.params as { code: string }).code);
    return detailPage(req, reply, order, { done: doneOf(req.query) });
  });

  app.post(`${OFFICER_ORDERS}/:code/:action`, { schema: { hide: true } }, async (req, reply) => {
    const actor = officer(req, 'officer:write');
    const { code } = req.params as { code: string };
    return postAction(deps, req, reply, {
      order: await anyOrder(db, code),
      actor,
      party: 'officer',
      offers: officerActions,
      page: `${OFFICER_ORDERS}/${code}`,
      render: async (failed, status) => detailPage(req, reply, await anyOrder(db, code), { failed }, status),
    });
  });

  r.get(
    '/api/v1/officer/orders/:code',
    {
      schema: {
        tags,
        summary: 'Any order, read by an officer',
        params: codeParams,
        response: { 200: orderJson },
      },
    },
    async (req) => {
      officer(req, 'read');
      return toOrderJson(await orderDetail(db, await anyOrder(db, req.params.code), 'officer', req.t));
    },
  );

  r.post(
    '/api/v1/officer/orders/:code/transitions',
    {
      schema: {
        tags,
        summary: 'Decide a disputed return: accept it, or reject it with a reason (audited)',
        params: codeParams,
        body: transitionBody(officerActions),
        response: { 200: orderJson },
      },
    },
    async (req) => {
      const actor = officer(req, 'officer:write');
      const order = await anyOrder(db, req.params.code);
      const moved = await transitionOrder(db, {
        orderId: order.id,
        action: req.body.action,
        reason: req.body.reason,
        returned: req.body.returned,
        actor,
        party: 'officer',
        ip: req.ip,
        publicUrl: deps.config.publicUrl,
      });
      return toOrderJson(await orderDetail(db, moved, 'officer', req.t));
    },
  );
}
