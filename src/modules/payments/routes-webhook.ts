import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/module.js';
import { receiveBankNotification, SIGNATURE_HEADER } from './webhook.js';

/** Headers kept with a notification: enough to tell who sent it and how, nothing more. */
const KEPT = ['content-type', 'content-length', 'user-agent', 'x-forwarded-for', SIGNATURE_HEADER];

/**
 * The bank-transfer notification webhook (docs/payments-webhook.md). Its body is read as the
 * raw text the signature covers, whatever its content type, so that every call is recorded.
 */
export function webhookRoutes(app: FastifyInstance, deps: Deps): void {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/payments/bank-webhook',
      {
        config: { csrf: false },
        schema: {
          tags: ['payments'],
          summary: 'Bank-transfer notification (SePay format), signed with HMAC-SHA256 of the raw body',
          description: `Header \`X-Signature: sha256=<hex>\`. Answers {"success": true} once recorded (repeats too).`,
          body: z.string().optional(),
          response: {
            200: z.object({ success: z.literal(true), outcome: z.string() }),
            '4xx': z.object({ success: z.literal(false), message: z.string() }),
            503: z.object({ success: z.literal(false), message: z.string() }),
          },
        },
      },
      async (req, reply) => {
        const headers: Record<string, string> = { ip: req.ip };
        for (const h of KEPT) if (typeof req.headers[h] === 'string') headers[h] = req.headers[h] as string;
        const a = await receiveBankNotification(deps.db, deps.config, {
          rawBody: typeof req.body === 'string' ? req.body : '',
          headers,
          signature: headers[SIGNATURE_HEADER],
        });
        if (a.status === 200) return { success: true as const, outcome: a.outcome };
        return reply.code(a.status).send({ success: false as const, message: a.outcome });
      },
    );
  });
}
