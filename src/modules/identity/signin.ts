import { eq, sql } from 'drizzle-orm';
import { type AuditEntry, auditActor, recordAudit } from '../../platform/audit/service.js';
import type { Db } from '../../platform/db/pool.js';
import { AppError } from '../../platform/http/errors.js';
import { formatDate, type Locale } from '../../platform/http/i18n.js';
import { createSession, deleteSession } from './auth.js';
import { findUserByIdentifier, isMobilePhone, parseIdentifier } from './contacts.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { users } from './schema.js';
import type { User } from './service.js';

export interface SigninMeta {
  ip: string;
  userAgent?: string;
  locale: Locale;
  /** The session the browser presented before signing in: dropped, never reused (no fixation). */
  previousSessionId?: string;
}

export interface LockoutPolicy {
  loginMaxFailures: number;
  lockoutMinutes: number;
}

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'identity.signin.invalid');
const locked = (until: Date, locale: Locale) =>
  new AppError(423, 'account_locked', 'identity.signin.locked', { until: formatDate(until, locale, true) });

/**
 * What an unknown identifier is logged as: people sometimes type their password into the
 * identifier field, so only something shaped like a phone or an e-mail is kept.
 */
function loggable(identifier: string): string {
  const id = parseIdentifier(identifier);
  if ('email' in id)
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(id.email) ? id.email.slice(0, 254) : '(invalid)';
  return isMobilePhone(id.phone) ? id.phone : '(invalid)';
}

/** An audit entry on its own: recordAudit's lock holds only inside a transaction. */
const audit = (db: Db, e: AuditEntry) => db.transaction((tx) => recordAudit(tx, e));

/**
 * Checks a phone-or-e-mail and password. Wrong passwords are counted; after
 * `loginMaxFailures` in a row the account is locked for `lockoutMinutes`, during which
 * even the right password is refused. Success resets the count and opens a fresh session.
 * Every outcome goes to the audit log.
 */
export async function signIn(
  db: Db,
  policy: LockoutPolicy,
  input: { identifier: string; password: string },
  meta: SigninMeta,
): Promise<{ user: User; token: string }> {
  const user = await findUserByIdentifier(db, input.identifier);
  if (!user) {
    await burnPasswordCheck(input.password);
    await audit(db, {
      actorLabel: loggable(input.identifier),
      action: 'auth.signin_failed',
      data: { why: 'unknown_account' },
      ip: meta.ip,
    });
    throw invalidCredentials();
  }
  const failed = (why: string) =>
    audit(db, {
      ...auditActor(user),
      action: 'auth.signin_failed',
      subjectType: 'user',
      subjectId: user.id,
      data: { why },
      ip: meta.ip,
    });

  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await failed('locked');
    throw locked(user.lockedUntil, meta.locale);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const lockedUntil = await countFailure(db, user, policy, meta.ip);
    if (lockedUntil) throw locked(lockedUntil, meta.locale);
    throw invalidCredentials();
  }
  // Told only to someone who knows the password: a disabled account is not revealed to guessers.
  if (user.disabledAt) {
    await failed('disabled');
    throw new AppError(403, 'account_disabled', 'identity.signin.disabled');
  }

  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedSignins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    if (meta.previousSessionId) await deleteSession(tx, meta.previousSessionId);
    const { token } = await createSession(tx, user.id, meta);
    await recordAudit(tx, {
      ...auditActor(user),
      action: 'auth.signin',
      subjectType: 'user',
      subjectId: user.id,
      ip: meta.ip,
    });
    return { user, token };
  });
}

/**
 * One more wrong password, counted atomically so that parallel guesses all count.
 * Returns when the account is locked until, if this failure locked it.
 */
async function countFailure(
  db: Db,
  user: User,
  policy: LockoutPolicy,
  ip: string,
): Promise<Date | undefined> {
  return db.transaction(async (tx) => {
    const [r] = await tx
      .update(users)
      .set({ failedSignins: sql`${users.failedSignins} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failedSignins: users.failedSignins });
    const base = { ...auditActor(user), subjectType: 'user', subjectId: user.id, ip };
    if (r.failedSignins < policy.loginMaxFailures) {
      await recordAudit(tx, {
        ...base,
        action: 'auth.signin_failed',
        data: { why: 'password', failures: r.failedSignins },
      });
      return undefined;
    }
    const until = new Date(Date.now() + policy.lockoutMinutes * 60_000);
    await tx.update(users).set({ failedSignins: 0, lockedUntil: until }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      ...base,
      action: 'auth.locked',
      data: { failures: r.failedSignins, until: until.toISOString() },
    });
    return until;
  });
}

/** Ends a session; the audit log says who signed out. */
export async function signOut(
  db: Db,
  actor: { id: string; email: string | null; phone: string | null; sessionId?: string },
  ip: string,
) {
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await recordAudit(tx, {
      ...auditActor(actor),
      action: 'auth.signout',
      subjectType: 'user',
      subjectId: actor.id,
      ip,
    });
  });
}
