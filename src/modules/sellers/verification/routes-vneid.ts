import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireScope } from '../../../platform/http/context.js';
import { AppError } from '../../../platform/http/errors.js';
import type { Deps } from '../../../platform/module.js';
import { pageCtx, sendHtml } from '../../../web/page.js';
import { keepFlow, takeFlow, VNEID_PATH } from './flow-cookie.js';
import { sellerJson, sellerVerificationJson } from './json.js';
import { oidcVerifier } from './oidc.js';
import {
  cannotVerify,
  memberSeller,
  recordRefusal,
  storeOidcVerification,
  verificationOf,
} from './service.js';
import type { Refusal } from './verifier.js';
import { type Result, SellerVerificationPage } from './views/pages.js';

export const SELLER_VERIFICATION_PATH = '/kenh-ban-hang/xac-thuc';

/** Where the seller centre links to start a VNeID check, or nothing when VNeID is not configured. */
export function vneidStartUrl(deps: Pick<Deps, 'config'>, sellerId: string): string | undefined {
  return deps.config.oidc ? `${VNEID_PATH}?seller=${sellerId}` : undefined;
}

const results = [
  'ok',
  'mismatch',
  'missing_claims',
  'denied',
  'provider_error',
  'state',
  'expired',
  'invalid',
  'unreachable',
] as const;
const pageQuery = z.object({
  seller: z.uuid().optional(),
  result: z.enum(results).optional().catch(undefined),
});
const startQuery = z.object({ seller: z.uuid().optional() });
/** The seller's side: the status page, the VNeID start and callback, and the JSON twin. */
export function vneidRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const redirectUri = `${config.publicUrl}${VNEID_PATH}/callback`;
  const verifier = config.oidc ? oidcVerifier(config.oidc, redirectUri) : undefined;
  const secure = config.publicUrl.startsWith('https://');

  const back = (reply: FastifyReply, sellerId: string | undefined, result: Result) =>
    reply
      .code(303)
      .redirect(
        `${SELLER_VERIFICATION_PATH}?${new URLSearchParams({ ...(sellerId ? { seller: sellerId } : {}), result })}`,
      );

  r.get(SELLER_VERIFICATION_PATH, { schema: { hide: true, querystring: pageQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const seller = await memberSeller(db, actor.id, req.query.seller);
    return sendHtml(
      reply,
      SellerVerificationPage({
        ctx: pageCtx(req, reply),
        seller,
        verification: verificationOf(seller),
        vneidUrl: vneidStartUrl(deps, seller.id),
        result: req.query.result,
      }),
    );
  });

  // Each start and callback costs a round trip to the identity provider: keep them bounded per IP.
  const limited = { rateLimit: { max: 20, timeWindow: '1 minute', groupId: 'vneid' } };
  r.get(
    VNEID_PATH,
    { schema: { hide: true, querystring: startQuery }, config: limited },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!verifier) throw new AppError(404, 'not_found', 'verify.vneid.unavailable');
      const seller = await memberSeller(db, actor.id, req.query.seller);
      const refusal = cannotVerify(seller, 'oidc');
      if (refusal) throw refusal;
      let started: Awaited<ReturnType<typeof verifier.start>>;
      try {
        started = await verifier.start();
      } catch (err) {
        req.log.warn({ err }, 'VNeID discovery failed');
        return back(reply, seller.id, 'unreachable');
      }
      keepFlow(reply, { ...started.flow, sellerId: seller.id, userId: actor.id }, secure);
      reply.header('cache-control', 'no-store');
      return reply.redirect(started.url.href);
    },
  );

  r.get(`${VNEID_PATH}/callback`, { schema: { hide: true }, config: limited }, async (req, reply) => {
    const actor = requireActor(req);
    if (!verifier) throw new AppError(404, 'not_found', 'verify.vneid.unavailable');
    reply.header('cache-control', 'no-store');
    const flow = takeFlow(req, reply);
    if (flow === 'expired') return back(reply, undefined, 'expired');
    const refuse = async (
      sellerId: string | undefined,
      reason: Refusal,
      detail?: Record<string, unknown>,
    ) => {
      await recordRefusal(db, sellerId, { ok: false, reason, detail }, { actor, ip: req.ip });
      req.log.info({ reason, detail }, 'VNeID verification refused');
      return back(reply, sellerId, reason);
    };
    // A flow cookie that is forged, or was started by someone else, is refused outright.
    if (flow === 'forged') return refuse(undefined, 'state', { why: 'flow cookie signature or content' });
    if (flow.userId !== actor.id) return refuse(undefined, 'state', { why: 'flow started by another user' });
    const seller = await memberSeller(db, actor.id, flow.sellerId);
    const callbackUrl = new URL(redirectUri);
    callbackUrl.search = new URL(req.url, 'http://callback').search;
    const outcome = await verifier.verify(seller, { callbackUrl, flow });
    if (!outcome.ok) return refuse(seller.id, outcome.reason, outcome.detail);
    await storeOidcVerification(db, seller, outcome, { actor, ip: req.ip, publicUrl: config.publicUrl });
    return back(reply, seller.id, 'ok');
  });

  r.get(
    '/api/v1/seller/verification',
    {
      schema: {
        tags: ['seller'],
        summary: "How the shop's representative was verified",
        querystring: startQuery,
        response: { 200: sellerVerificationJson },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requireScope(actor, 'read');
      const seller = await memberSeller(db, actor.id, req.query.seller);
      return sellerJson(verificationOf(seller), Boolean(verifier));
    },
  );
}
