import { and, eq, ne } from 'drizzle-orm';
import { auditActor, recordAudit } from '../../platform/audit/service.js';
import { type Db, type Executor, uniqueViolation } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { type FieldError, invalid, notFound, ValidationError } from '../../platform/http/errors.js';
import { translate } from '../../platform/http/i18n.js';
import { parseInput } from '../../platform/http/validation.js';
import { createSession, deleteSession } from './auth.js';
import { emailIs } from './contacts.js';
import { type SignupInput, signupInput } from './inputs.js';
import { hashPassword, isOwnContact, verifyPassword } from './passwords.js';
import { sessions, users } from './schema.js';

export type Role = (typeof users.$inferSelect)['role'];
export type User = typeof users.$inferSelect;

/** The fields of an account that its owner and administrators see. */
export const accountColumns = {
  id: users.id,
  fullName: users.fullName,
  email: users.email,
  phone: users.phone,
  role: users.role,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
};

/** Refuses a phone number or e-mail address another account already uses, naming the field. */
export async function assertContactsFree(db: Executor, c: { email?: string | null; phone?: string | null }) {
  const errors: FieldError[] = [];
  if (c.phone && (await db.select({ id: users.id }).from(users).where(eq(users.phone, c.phone))).length) {
    errors.push({ field: 'phone', key: 'identity.phone.taken' });
  }
  if (c.email && (await db.select({ id: users.id }).from(users).where(emailIs(c.email))).length) {
    errors.push({ field: 'email', key: 'identity.email.taken' });
  }
  if (errors.length) throw new ValidationError(errors);
}

/** Two sign-ups racing for the same address: the unique index decides, the loser gets the field error. */
function contactTaken(err: unknown): never {
  const constraint = uniqueViolation(err);
  if (constraint === 'users_phone_idx') throw invalid('phone', 'identity.phone.taken');
  if (constraint === 'users_email_idx') throw invalid('email', 'identity.email.taken');
  throw err;
}

export async function createUser(
  db: Executor,
  u: {
    email?: string | null;
    phone?: string | null;
    fullName: string;
    password: string;
    role?: Role;
    locale?: string;
  },
): Promise<User> {
  await assertContactsFree(db, u);
  const [row] = await db
    .insert(users)
    .values({
      email: u.email?.toLowerCase() ?? null,
      phone: u.phone ?? null,
      fullName: u.fullName,
      passwordHash: await hashPassword(u.password),
      role: u.role ?? 'buyer',
      locale: u.locale ?? 'vi',
    })
    .returning()
    .catch(contactTaken);
  return row;
}

/** A buyer account from the sign-up form (validated input), signed in at once with a fresh session. */
export async function signUp(
  db: Db,
  input: SignupInput,
  meta: { locale: string; ip?: string; userAgent?: string; previousSessionId?: string },
): Promise<{ user: User; token: string }> {
  return db.transaction(async (tx) => {
    const user = await createUser(tx, { ...input, role: 'buyer', locale: meta.locale });
    if (meta.previousSessionId) await deleteSession(tx, meta.previousSessionId);
    const { token } = await createSession(tx, user.id, meta);
    return { user, token };
  });
}

/**
 * The first administrator is made from the command line (`npm run admin`), with the
 * same rules as the sign-up form; problems are reported in plain English for the console.
 */
export async function createAdmin(
  db: Db,
  u: { email?: string; phone?: string; fullName: string; password: string },
) {
  try {
    const input = parseInput(signupInput, u);
    return await db.transaction(async (tx) => {
      const user = await createUser(tx, { ...input, role: 'admin' });
      await recordAudit(tx, {
        actorLabel: 'cli',
        action: 'user.create_admin',
        subjectType: 'user',
        subjectId: user.id,
      });
      return user;
    });
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    throw new Error(err.fields.map((f) => `${f.field}: ${translate('en', f.key, f.params)}`).join('\n'));
  }
}

export async function getAccount(db: Executor, id: string) {
  const [u] = await db.select(accountColumns).from(users).where(eq(users.id, id));
  if (!u) throw notFound();
  return u;
}

/**
 * Changes the signed-in user's password after checking the current one, and signs out
 * every other session (a stolen session must not survive the change).
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; password: string },
  ip: string,
): Promise<void> {
  const [u] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!u) throw notFound();
  if (!(await verifyPassword(u.passwordHash, input.currentPassword))) {
    throw invalid('currentPassword', 'identity.password.current_wrong');
  }
  if (isOwnContact(input.password, u)) throw invalid('password', 'identity.password.is_contact');
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, u.id));
    await tx
      .delete(sessions)
      .where(
        actor.sessionId
          ? and(eq(sessions.userId, u.id), ne(sessions.id, actor.sessionId))
          : eq(sessions.userId, u.id),
      );
    await recordAudit(tx, {
      ...auditActor(u),
      action: 'auth.password_change',
      subjectType: 'user',
      subjectId: u.id,
      ip,
    });
  });
}
