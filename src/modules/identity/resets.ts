import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { auditActor, recordAudit } from '../../platform/audit/service.js';
import type { Db, Executor } from '../../platform/db/pool.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { type Locale, translate } from '../../platform/http/i18n.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { randomToken, sha256 } from './auth.js';
import { findUserByIdentifier } from './contacts.js';
import { hashPassword, isOwnContact } from './passwords.js';
import { passwordResets, sessions, users } from './schema.js';

export const RESET_HOURS = 1;
/** A new officer sets a first password through the same kind of link; it may wait a few days. */
export const INVITE_HOURS = 72;
export const RESET_PATH = '/dat-lai-mat-khau';

export interface MailSite {
  publicUrl: string;
  /** The instance's name, signed under the mail. */
  site: string;
}

/** A one-time link to set a password; only its SHA-256 is stored. */
export async function issueResetLink(
  tx: Executor,
  userId: string,
  hours: number,
  publicUrl: string,
): Promise<string> {
  const token = randomToken();
  await tx.insert(passwordResets).values({
    tokenHash: sha256(token),
    userId,
    expiresAt: new Date(Date.now() + hours * 3600_000),
  });
  return `${publicUrl}${RESET_PATH}?token=${token}`;
}

/**
 * Mails a reset link when the phone or e-mail belongs to an active account with an
 * e-mail address, and does nothing otherwise; the caller answers the same either way,
 * so the form does not tell who has an account.
 */
export async function requestPasswordReset(db: Db, identifier: string, site: MailSite): Promise<void> {
  const user = await findUserByIdentifier(db, identifier);
  if (!user?.email || user.disabledAt) return;
  const to = user.email;
  const locale = user.locale as Locale;
  await db.transaction(async (tx) => {
    const link = await issueResetLink(tx, user.id, RESET_HOURS, site.publicUrl);
    const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
    await queueMail(tx, {
      to,
      subject: t('identity.mail.reset.subject', { site: site.site }),
      text: `${t('mail.greeting', { name: user.fullName })}\n\n${t('identity.mail.reset.body', { link, hours: RESET_HOURS })}\n\n${site.site}\n`,
    });
  });
}

/** True while the link can still be used (not used, not expired). */
export async function resetTokenUsable(db: Executor, token: string): Promise<boolean> {
  const [r] = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.tokenHash, sha256(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
      ),
    );
  return !!r;
}

export const resetLinkInvalid = () => new AppError(410, 'reset_link_invalid', 'identity.reset.invalid');

/**
 * Sets a new password from a reset link. Claiming the link is one UPDATE, so it works
 * once even when submitted twice at once. Every session of the account ends, every other
 * link of the account dies with it, and a lock-out is lifted.
 */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  ip: string,
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResets.tokenHash, sha256(input.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!claimed) throw resetLinkInvalid();
    const [u] = await tx.select().from(users).where(eq(users.id, claimed.userId));
    // Throwing rolls the claim back: the link stays usable for a better password.
    if (isOwnContact(input.password, u)) throw invalid('password', 'identity.password.is_contact');
    await tx
      .update(users)
      .set({ passwordHash, failedSignins: 0, lockedUntil: null })
      .where(eq(users.id, u.id));
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, u.id), isNull(passwordResets.usedAt)));
    await tx.delete(sessions).where(eq(sessions.userId, u.id));
    await recordAudit(tx, {
      ...auditActor(u),
      action: 'auth.password_reset',
      subjectType: 'user',
      subjectId: u.id,
      ip,
    });
  });
}
