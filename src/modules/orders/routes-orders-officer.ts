import type { FastifyInstance } from 'fastify';
import { requireRole, seeOther } from '../../platform/http/context.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { anyOrder, orderByCode } from './order-queries.js';
import { orderDetailRoutes } from './routes-orders-detail.js';
import { OFFICER_ORDERS, OfficerFindPage, OfficerOrderPage } from './views/order-officer.js';

/** Officers find any order by its code and read it; the one step they take is deciding a disputed return (audited). */
export function officerOrderRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;

  app.get(OFFICER_ORDERS, { schema: { hide: true } }, async (req, reply) => {
    requireRole(req, ['officer', 'admin'], 'read');
    const code = (req.query as { code?: string }).code?.trim().toUpperCase();
    if (code && (await orderByCode(db, code))) return seeOther(reply, `${OFFICER_ORDERS}/${code}`);
    return sendHtml(
      reply,
      OfficerFindPage({ ctx: pageCtx(req, reply), code, missing: !!code }),
      code ? 404 : 200,
    );
  });

  orderDetailRoutes(app, deps, {
    party: 'officer',
    page: OFFICER_ORDERS,
    api: '/api/v1/officer/orders',
    offers: ['accept_return', 'reject_return'],
    actor: (req, write) => requireRole(req, ['officer', 'admin'], write ? 'officer:write' : 'read'),
    find: (db, _actor, code) => anyOrder(db, code),
    Page: OfficerOrderPage,
    summaries: {
      read: 'Any order, read by an officer',
      move: 'Decide a disputed return: accept it, or reject it with a reason (audited)',
    },
  });
}
