import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../platform/db/pool.js';
import type { Locale } from '../../platform/http/i18n.js';
import { users } from './schema.js';

/**
 * A Vietnamese phone number as people write it ("+84 912 345 678", "84912345678",
 * "0912.345.678") in its one stored form: ten digits starting with 0. Not validated here.
 */
export function normalisePhone(raw: string): string {
  let s = raw.replace(/[\s.\-()]/g, '');
  if (s.startsWith('+84')) s = `0${s.slice(3)}`;
  else if (s.startsWith('84') && s.length === 11) s = `0${s.slice(2)}`;
  return s;
}

/** Mobile numbers since the 2018 renumbering: 03, 05, 07, 08, 09 and eight more digits. */
export const isMobilePhone = (s: string) => /^0[35789]\d{8}$/.test(s);

export const normaliseEmail = (raw: string) => raw.trim().toLowerCase();

/** Matches the unique index on lower(email). */
export const emailIs = (email: string): SQL => sql`lower(${users.email}) = ${normaliseEmail(email)}`;

/** Form and API fields: a Vietnamese mobile number, normalised; an e-mail address, lowercased. */
export const phoneField = () =>
  z.string('v.required').transform(normalisePhone).refine(isMobilePhone, 'v.phone');
export const emailField = () =>
  z.string('v.required').transform(normaliseEmail).pipe(z.email('v.email').max(254, 'v.too_long'));

/** What a person signs in with: an e-mail address when it has an @, a phone number otherwise. */
export function parseIdentifier(raw: string): { email: string } | { phone: string } {
  return raw.includes('@') ? { email: normaliseEmail(raw) } : { phone: normalisePhone(raw.trim()) };
}

/** The account matching a phone number or e-mail address (disabled ones included). */
export async function findUserByIdentifier(db: Executor, raw: string) {
  const id = parseIdentifier(raw);
  const [u] = await db
    .select()
    .from(users)
    .where('email' in id ? emailIs(id.email) : eq(users.phone, id.phone));
  return u;
}

/** How to reach users (for notifications), without exposing the rest of the account. */
export async function userContacts(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      phone: users.phone,
      fullName: users.fullName,
      locale: users.locale,
    })
    .from(users)
    .where(inArray(users.id, ids));
  return rows.map((r) => ({ ...r, locale: r.locale as Locale }));
}

export async function findUserByEmail(db: Executor, email: string) {
  const [u] = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(emailIs(email));
  return u;
}
