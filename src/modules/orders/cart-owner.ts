import { randomBytes } from 'node:crypto';
import { and, like, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PeriodicTask } from '../../platform/jobs/periodic.js';
import type { Deps } from '../../platform/module.js';
import { mergeCarts } from './cart.js';
import { cartItems } from './schema.js';

/** The visitor's cart: a random name in a cookie, nothing else (the lines are in the database). */
const CART_COOKIE = 'gio';
const VISITOR = /^[A-Za-z0-9_-]{22}$/;
const MONTH = 30 * 86_400;

/**
 * Whose cart a request reads and writes: `u:<user id>` when signed in, `v:<random>` for a
 * visitor (from the `gio` cookie; made when `create` and there is none). A signed-in user
 * who still carries a visitor's cookie (they just signed in) gets its lines merged into their
 * own cart first, and the cookie goes.
 */
export async function cartOwner(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  create = false,
): Promise<string | null> {
  const cookie = req.cookies[CART_COOKIE];
  const visitor = cookie && VISITOR.test(cookie) ? `v:${cookie}` : null;
  if (req.actor) {
    const owner = `u:${req.actor.id}`;
    if (visitor) {
      await mergeCarts(deps.db, visitor, owner);
      reply.clearCookie(CART_COOKIE, { path: '/' });
    }
    return owner;
  }
  if (visitor) return visitor;
  if (!create) return null;
  const value = randomBytes(16).toString('base64url');
  reply.setCookie(CART_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.publicUrl.startsWith('https://'),
    maxAge: MONTH,
  });
  return `v:${value}`;
}

/**
 * Visitors' carts nobody can reach any more: their cookie lasts a month from the first line,
 * so a line added more than a month ago belongs to a cookie that has expired.
 */
export function cartTasks(deps: Deps): Record<string, PeriodicTask> {
  return {
    'orders.forget_visitor_carts': {
      everyMs: 3_600_000,
      async run() {
        const gone = await deps.db
          .delete(cartItems)
          .where(
            and(
              like(cartItems.owner, 'v:%'),
              lt(cartItems.addedAt, sql`now() - make_interval(secs => ${MONTH})`),
            ),
          )
          .returning({ owner: cartItems.owner });
        return gone.length;
      },
    },
  };
}
