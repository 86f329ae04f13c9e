import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireRole } from '../../platform/http/context.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { paymentJson, paymentPage, toPaymentJson } from './pay-page.js';
import { PayPage } from './views/pay.js';

const codeParams = z.object({ code: z.string().max(40) });

/** What a gateway needs to know of the buyer's request. */
const startCtx = (req: FastifyRequest) => ({ clientIp: req.ip, locale: req.locale });

/** The buyer's payment page of an order and its JSON twin. */
export function payRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/thanh-toan/:code', { schema: { hide: true, params: codeParams } }, async (req, reply) => {
    const page = await paymentPage(deps, requireActor(req), req.params.code, startCtx(req));
    reply.header('cache-control', 'private, no-store');
    return sendHtml(reply, PayPage({ ctx: pageCtx(req, reply), page }));
  });

  r.get(
    '/api/v1/payments/:code',
    {
      schema: {
        tags: ['payments'],
        summary:
          'How to pay one of my orders (VietQR transfer details or the gateway link) and its payment status',
        security: [{ bearer: [] }],
        params: codeParams,
        response: { 200: paymentJson },
      },
    },
    async (req, reply) => {
      const actor = requireRole(req, ['buyer', 'officer', 'admin'], 'read');
      reply.header('cache-control', 'private, no-store');
      return toPaymentJson(await paymentPage(deps, actor, req.params.code, startCtx(req)));
    },
  );
}
