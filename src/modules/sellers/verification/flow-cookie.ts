import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export const VNEID_PATH = '/kenh-ban-hang/xac-thuc/vneid';
const COOKIE = 'vneid_flow';
const TTL_SECONDS = 600;

const content = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  sellerId: z.string(),
  userId: z.string(),
  exp: z.number(),
});
export type FlowCookie = z.infer<typeof content>;

/**
 * The authorization request's one-time values travel in the browser, signed and httpOnly,
 * not in process memory: the callback may reach another app instance. SameSite=Lax so
 * the top-level redirect back from the provider carries it.
 */
export function keepFlow(reply: FastifyReply, flow: Omit<FlowCookie, 'exp'>, secure: boolean): void {
  const value: FlowCookie = { ...flow, exp: Date.now() + TTL_SECONDS * 1000 };
  reply.setCookie(COOKIE, Buffer.from(JSON.stringify(value)).toString('base64url'), {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: VNEID_PATH,
    maxAge: TTL_SECONDS,
  });
}

/**
 * Reads and forgets the flow: one callback per authorization request. A cookie that is
 * absent or past its time is `expired`; one whose signature or content does not hold is `forged`.
 */
export function takeFlow(req: FastifyRequest, reply: FastifyReply): FlowCookie | 'expired' | 'forged' {
  const raw = req.cookies[COOKIE];
  if (!raw) return 'expired';
  reply.clearCookie(COOKIE, { path: VNEID_PATH });
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return 'forged';
  const parsed = content.safeParse(parseJson(Buffer.from(unsigned.value, 'base64url').toString('utf8')));
  if (!parsed.success) return 'forged';
  return parsed.data.exp > Date.now() ? parsed.data : 'expired';
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
