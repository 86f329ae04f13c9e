import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import type { Locale } from '../../platform/http/i18n.js';
import { users } from './schema.js';

/** How to reach users (for notifications), without exposing the rest of the account. */
export async function userContacts(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: users.id, email: users.email, phone: users.phone, fullName: users.fullName, locale: users.locale })
    .from(users)
    .where(inArray(users.id, ids));
  return rows.map((r) => ({ ...r, locale: r.locale as Locale }));
}

export async function findUserByEmail(db: Executor, email: string) {
  const [u] = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(eq(users.email, email.toLowerCase()));
  return u;
}
