import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, requireActor, requireScope, seeOther } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import type { Deps } from '../../platform/module.js';
import { failedForm } from '../../web/form-post.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { ownIntent, refundAccountInput, saveRefundAccount } from './refund-accounts.js';
import { buyerRefundJson, refundAccountBody, toBuyerRefundJson } from './refund-json.js';
import { refundDetail, refundPagePath } from './refunds.js';
import { BuyerRefundPage } from './views/refund-buyer.js';

const tags = ['payments'];
const codeParams = z.object({ code: z.string().max(40) });

/** The signed-in buyer (a token needs `scope`); bank accounts are never cached. */
function buyerOnly(req: FastifyRequest, reply: FastifyReply, scope: 'read' | 'buyer:write'): Actor {
  const actor = requireActor(req);
  requireScope(actor, scope);
  reply.header('cache-control', 'private, no-store');
  return actor;
}

/** The buyer's refund of an order: what is owed and paid back, and the account to send it to; page and JSON. */
export function buyerRefundRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  /** The refund of one of the buyer's own orders (another's is unknown: 404). */
  async function own(actor: Actor, code: string) {
    const d = await refundDetail(db, code);
    ownIntent(d.intent, actor.id);
    return d;
  }

  const save = (actor: Actor, code: string, body: unknown) =>
    saveRefundAccount(db, { ...parseInput(refundAccountInput, body), code, buyerId: actor.id });

  r.get(
    '/hoan-tien/:code',
    {
      schema: {
        hide: true,
        params: codeParams,
        querystring: z.object({ saved: z.string().optional() }),
      },
    },
    async (req, reply) => {
      const actor = buyerOnly(req, reply, 'read');
      const d = await own(actor, req.params.code);
      return sendHtml(reply, BuyerRefundPage({ ctx: pageCtx(req, reply), d, saved: !!req.query.saved }));
    },
  );

  r.post('/hoan-tien/:code', { schema: { hide: true, params: codeParams } }, async (req, reply) => {
    const actor = buyerOnly(req, reply, 'buyer:write');
    const { code } = req.params;
    await own(actor, code);
    try {
      await save(actor, code, req.body);
      return seeOther(reply, `${refundPagePath(code)}?saved=1`);
    } catch (err) {
      const { state, status } = failedForm(err, req.body, [409]);
      const d = await own(actor, code);
      return sendHtml(reply, BuyerRefundPage({ ctx: pageCtx(req, reply), d, state }), status);
    }
  });

  r.get(
    '/api/v1/me/refunds/:code',
    {
      schema: {
        tags,
        summary: 'The refund of one of my orders: owed, paid back, and the account I gave',
        params: codeParams,
        response: { 200: buyerRefundJson },
      },
    },
    async (req, reply) => {
      const actor = buyerOnly(req, reply, 'read');
      return toBuyerRefundJson(await own(actor, req.params.code));
    },
  );

  r.put(
    '/api/v1/me/refunds/:code/account',
    {
      schema: {
        tags,
        summary:
          'Give (or change) the bank account a refund of my order paid by bank transfer is sent to (while one is owed)',
        params: codeParams,
        body: refundAccountBody,
        response: { 200: buyerRefundJson },
      },
    },
    async (req, reply) => {
      const actor = buyerOnly(req, reply, 'buyer:write');
      await own(actor, req.params.code);
      await save(actor, req.params.code, req.body);
      return toBuyerRefundJson(await own(actor, req.params.code));
    },
  );
}
