import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { auditActor, recordAudit } from '../../platform/audit/service.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { type Locale, translate } from '../../platform/http/i18n.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { randomToken } from './auth.js';
import { normalisePhone } from './contacts.js';
import { INVITE_HOURS, issueResetLink, type MailSite } from './resets.js';
import { apiTokens, sessions, users } from './schema.js';
import { accountColumns, createUser, type Role } from './service.js';

export const PAGE_SIZE = 50;

/** Users by name, e-mail or phone (accents ignored: "nguyen" finds "Nguyễn"), newest first. */
export async function listUsers(db: Db, f: { q?: string; role?: Role; page?: number }) {
  const where: SQL[] = [];
  if (f.role) where.push(eq(users.role, f.role));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const phone = normalisePhone(f.q);
    // A phone is searched by its digits, as stored (so "+84 911 222" finds 0911222...).
    const byPhone = /^\d{3,}$/.test(phone) ? sql` OR ${users.phone} LIKE ${`%${phone}%`}` : sql``;
    where.push(
      sql`(unaccent(${users.fullName}) ILIKE unaccent(${like}) OR ${users.email} ILIKE ${like}${byPhone})`,
    );
  }
  const page = f.page ?? 1;
  const cond = where.length ? and(...where) : undefined;
  const [items, [{ total }]] = await Promise.all([
    db
      .select(accountColumns)
      .from(users)
      .where(cond)
      .orderBy(desc(users.createdAt))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ total: sql<number>`count(*)::int` }).from(users).where(cond),
  ]);
  return { items, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function listOfficers(db: Db) {
  return db.select(accountColumns).from(users).where(eq(users.role, 'officer')).orderBy(asc(users.fullName));
}

const by = (actor: Actor, ip: string) => ({ ...auditActor(actor), ip });

/**
 * An officer account. The administrator never knows the officer's password: the account
 * starts with an unusable random one and the officer sets their own through a mailed link.
 */
export async function createOfficer(
  db: Db,
  actor: Actor,
  input: { fullName: string; email: string; phone?: string },
  site: MailSite & { locale: Locale; ip: string },
) {
  return db.transaction(async (tx) => {
    const user = await createUser(tx, {
      ...input,
      password: randomToken(),
      role: 'officer',
      locale: site.locale,
    });
    const link = await issueResetLink(tx, user.id, INVITE_HOURS, site.publicUrl);
    const t = (key: string, params?: Record<string, string | number>) => translate(site.locale, key, params);
    await queueMail(tx, {
      to: input.email,
      subject: t('identity.mail.invite.subject', { site: site.site }),
      text: `${t('mail.greeting', { name: user.fullName })}\n\n${t('identity.mail.invite.body', { link, hours: INVITE_HOURS, site: site.site })}\n\n${site.site}\n`,
    });
    await recordAudit(tx, {
      ...by(actor, site.ip),
      action: 'user.create_officer',
      subjectType: 'user',
      subjectId: user.id,
      data: { email: input.email },
    });
    return user;
  });
}

/** An administrator cannot demote or disable themselves: the last admin must not lock everyone out. */
function notSelf(actor: Actor, userId: string) {
  if (actor.id === userId) throw new AppError(409, 'self_change', 'identity.admin.not_self');
}

export async function changeRole(
  db: Db,
  actor: Actor,
  userId: string,
  input: { role: Role; reason: string },
  ip: string,
) {
  notSelf(actor, userId);
  await db.transaction(async (tx) => {
    const [u] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).for('update');
    if (!u) throw notFound();
    if (u.role === input.role) return;
    await tx.update(users).set({ role: input.role }).where(eq(users.id, userId));
    await recordAudit(tx, {
      ...by(actor, ip),
      action: 'user.role_change',
      subjectType: 'user',
      subjectId: userId,
      reason: input.reason,
      data: { from: u.role, to: input.role },
    });
  });
}

/** Disabling ends every session and revokes every token; enabling again restores only signing in. */
export async function setDisabled(
  db: Db,
  actor: Actor,
  userId: string,
  disabled: boolean,
  reason: string,
  ip: string,
) {
  notSelf(actor, userId);
  await db.transaction(async (tx) => {
    const [u] = await tx
      .select({ disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!u) throw notFound();
    if (!!u.disabledAt === disabled) return;
    await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null })
      .where(eq(users.id, userId));
    if (disabled) {
      await tx.delete(sessions).where(eq(sessions.userId, userId));
      await tx
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
    }
    await recordAudit(tx, {
      ...by(actor, ip),
      action: disabled ? 'user.disable' : 'user.enable',
      subjectType: 'user',
      subjectId: userId,
      reason,
    });
  });
}
