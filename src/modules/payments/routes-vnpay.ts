import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, seeOther } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { VNPAY_RETURN_PATH } from './providers/vnpay.js';
import {
  checkPayRequest,
  IPN_PATH,
  resultParams,
  SANDBOX_PAY_PATH,
  SANDBOX_SUBMIT_PATH,
  type SandboxResult,
  sandboxEnabled,
} from './sandbox.js';
import { VnpayReturnPage } from './views/pay.js';
import { SandboxPage, SandboxRefused } from './views/sandbox.js';
import type { VnpParams } from './vnpay.js';
import { type GatewayCall, receiveIpn, receiveReturn } from './vnpay-service.js';

const vnpQuery = z.record(z.string(), z.string());

/** The `vnp_` parameters of a query or form, and the call as it came (kept verbatim). */
function gatewayCall(req: FastifyRequest, source: Record<string, unknown>): GatewayCall {
  const params: VnpParams = {};
  for (const [k, v] of Object.entries(source))
    if (k.startsWith('vnp_') && typeof v === 'string') params[k] = v;
  const headers: Record<string, string> = { ip: req.ip };
  const ua = req.headers['user-agent'];
  if (typeof ua === 'string') headers['user-agent'] = ua;
  return { params, rawQuery: req.url.split('?')[1] ?? '', headers };
}

/** VNPAY: its server-to-server IPN, the buyer's return page, and the built-in sandbox gateway. */
export function vnpayRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;

  r.get(
    IPN_PATH,
    {
      schema: {
        tags: ['payments'],
        summary: "VNPAY's IPN (server to server): the payment's result, signed with HMAC-SHA512",
        description:
          'Answers RspCode 00 confirmed, 01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid signature, 99 other.',
        querystring: vnpQuery,
        response: { 200: z.object({ RspCode: z.string(), Message: z.string() }) },
      },
    },
    async (req) => receiveIpn(db, config, gatewayCall(req, req.query)),
  );

  r.get(VNPAY_RETURN_PATH, { schema: { hide: true, querystring: vnpQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const view = await receiveReturn(db, config, gatewayCall(req, req.query), actor.id);
    reply.header('cache-control', 'private, no-store');
    return sendHtml(reply, VnpayReturnPage({ ctx: pageCtx(req, reply), ...view }));
  });

  r.get(SANDBOX_PAY_PATH, { schema: { hide: true, querystring: vnpQuery } }, async (req, reply) => {
    if (!sandboxEnabled(config)) throw notFound();
    const { params } = gatewayCall(req, req.query);
    const check = checkPayRequest(config, params);
    const ctx = pageCtx(req, reply);
    if (check !== 'ok') return sendHtml(reply, SandboxRefused({ ctx, why: check }), 400);
    return sendHtml(reply, SandboxPage({ ctx, params }));
  });

  r.post(SANDBOX_SUBMIT_PATH, { schema: { hide: true } }, async (req, reply) => {
    if (!sandboxEnabled(config)) throw notFound();
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { params } = gatewayCall(req, body);
    const check = checkPayRequest(config, params);
    if (check !== 'ok') return sendHtml(reply, SandboxRefused({ ctx: pageCtx(req, reply), why: check }), 400);
    const result: SandboxResult =
      body.result === 'failure' ? 'failure' : body.result === 'cancel' ? 'cancel' : 'success';
    const { query, returnUrl } = resultParams(config, params, result);
    // The gateway tells the merchant's server first, as VNPAY does; a cancelled attempt is only returned.
    if (result !== 'cancel')
      await req.server.inject({
        method: 'GET',
        url: `${IPN_PATH}?${query}`,
        headers: { 'user-agent': 'VNPAY-Sandbox' },
      });
    return seeOther(reply, `${returnUrl}?${query}`);
  });
}
