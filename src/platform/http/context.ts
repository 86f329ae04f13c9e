import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from './errors.js';
import type { Locale, Translate } from './i18n.js';

export type Role = 'buyer' | 'officer' | 'admin';

/** Who is making the request, resolved once per request from the session cookie or a bearer token. */
export interface Actor {
  id: string;
  role: Role;
  fullName: string;
  email: string | null;
  phone: string | null;
  via: 'session' | 'token';
  /** Scopes of the personal access token; undefined for a browser session (all of the role's rights). */
  scopes?: string[];
  sessionId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    t: Translate;
    /** True for /api/ routes: errors answer JSON, not pages. */
    isApi: boolean;
  }
}

/** The signed-in actor, or 401 (API) / a redirect to the sign-in page (pages). */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

/** The actor if it holds one of the roles (and, for a token, the scope); 403 otherwise. */
export function requireRole(req: FastifyRequest, roles: Role[], scope?: string): Actor {
  const actor = requireActor(req);
  if (!roles.includes(actor.role)) throw forbidden();
  requireScope(actor, scope);
  return actor;
}

/**
 * An officer or administrator (a token needs `scope`). What officers' pages show holds money
 * and personal data, so their answers are never cached.
 */
export function officerOnly(
  req: FastifyRequest,
  reply: FastifyReply,
  scope: 'read' | 'officer:write' = 'read',
): Actor {
  const actor = requireRole(req, ['officer', 'admin'], scope);
  reply.header('cache-control', 'private, no-store');
  return actor;
}

export function requireScope(actor: Actor, scope: string | undefined): void {
  if (scope && actor.scopes && !actor.scopes.includes(scope)) throw forbidden('error.scope');
}

export function clientIp(req: FastifyRequest): string {
  return req.ip;
}

/** Post/Redirect/Get: after a successful form, 303 so a reload does not resubmit. */
export function seeOther(reply: FastifyReply, url: string) {
  return reply.code(303).redirect(url);
}
