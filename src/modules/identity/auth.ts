import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { apiTokens, sessions, users } from './schema.js';

export const SESSION_COOKIE = 'sid';
export const SESSION_DAYS = 30;
export const TOKEN_PREFIX = 'tmdt_';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');

export async function createSession(
  db: Executor,
  userId: string,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86400_000);
  await db.insert(sessions).values({
    id: sha256(token),
    userId,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300),
  });
  return { token, expiresAt };
}

/** The session cookie: unreadable by scripts, not sent on cross-site posts, secure over https. */
export function setSessionCookie(reply: FastifyReply, token: string, publicUrl: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: publicUrl.startsWith('https://'),
    path: '/',
    maxAge: SESSION_DAYS * 86400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** The stored id of the session a request presents, valid or not (to drop it on sign-in). */
export function presentedSessionId(req: FastifyRequest): string | undefined {
  const token = req.cookies[SESSION_COOKIE];
  return token ? sha256(token) : undefined;
}

/** A user as the actor of a browser session, for code that calls services without a request (seeds, tests). */
export const actorOf = (u: Pick<Actor, 'id' | 'role' | 'fullName' | 'email' | 'phone'>): Actor => ({
  id: u.id,
  role: u.role,
  fullName: u.fullName,
  email: u.email,
  phone: u.phone,
  via: 'session',
});

const actorColumns = {
  id: users.id,
  role: users.role,
  fullName: users.fullName,
  email: users.email,
  phone: users.phone,
};

/**
 * Resolves who is calling: a bearer personal access token (integrations) or the session
 * cookie (browsers). Anonymous requests cost no query.
 */
export async function authenticate(db: Executor, req: FastifyRequest): Promise<Actor | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return authenticateToken(db, header.slice(7).trim());
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return null;
  const id = sha256(token);
  const [row] = await db
    .select({ ...actorColumns, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`), isNull(users.disabledAt)));
  if (!row) return null;
  // Touch at most every 5 minutes: a write per page view would be wasted load.
  if (Date.now() - row.lastSeenAt.getTime() > 300_000) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
  }
  const { lastSeenAt: _, ...actor } = row;
  return { ...actor, via: 'session', sessionId: id };
}

async function authenticateToken(db: Executor, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .from(users)
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        eq(users.id, apiTokens.userId),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        isNull(users.disabledAt),
      ),
    )
    .returning({ ...actorColumns, scopes: apiTokens.scopes });
  return row ? { ...row, via: 'token' } : null;
}
