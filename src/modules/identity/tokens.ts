import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { sha256, TOKEN_PREFIX } from './auth.js';
import { apiTokens } from './schema.js';
import { type Scope, scopesForRole } from './scopes.js';

/** What the owner sees of a token: never the secret, only its first characters. */
const listed = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};
export type TokenView = { [K in keyof typeof listed]: (typeof apiTokens.$inferSelect)[K] };

export async function listTokens(
  db: Executor,
  userId: string,
  opts: { activeOnly?: boolean } = {},
): Promise<TokenView[]> {
  const active = and(
    isNull(apiTokens.revokedAt),
    or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
  );
  return db
    .select(listed)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), opts.activeOnly ? active : undefined))
    .orderBy(desc(apiTokens.createdAt));
}

/**
 * Makes a personal access token and returns its secret, the one time it exists in clear.
 * Only from a browser session: a token must not mint other tokens (it could outlive itself
 * or widen its own scopes). Scopes are capped by the user's role.
 */
export async function createToken(
  db: Executor,
  actor: Actor,
  input: { name: string; scopes: Scope[]; expiresInDays?: number },
): Promise<{ token: string; view: TokenView }> {
  if (actor.via !== 'session') throw forbidden('identity.token.session_only');
  const allowed = scopesForRole(actor.role);
  if (input.scopes.some((s) => !allowed.includes(s)))
    throw invalid('scopes', 'identity.token.scope_beyond_role');
  const token = `${TOKEN_PREFIX}${randomBytes(30).toString('base64url')}`;
  const [view] = await db
    .insert(apiTokens)
    .values({
      userId: actor.id,
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      scopes: [...new Set(input.scopes)],
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000) : null,
    })
    .returning(listed);
  return { token, view };
}

/** Revokes one of the actor's own tokens; revoking twice is harmless. */
export async function revokeToken(db: Executor, actor: Actor, tokenId: string): Promise<void> {
  const [t] = await db
    .select({ revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id)));
  if (!t) throw notFound();
  await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
}
