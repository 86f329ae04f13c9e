import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import { translate } from '../../platform/http/i18n.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { userContacts } from '../identity/contacts.js';
import { notifications } from './schema.js';

export interface Notice {
  /** Message keys, rendered in each recipient's language. */
  titleKey: string;
  bodyKey: string;
  params?: Record<string, string | number>;
  /** Path inside the app the notice points to. */
  link?: string;
}

/**
 * Tells users about something in the app and by mail (when they have an address), in the
 * caller's transaction: nobody is told about a change that did not commit.
 */
export async function notify(tx: Executor, userIds: string[], n: Notice, publicUrl: string): Promise<void> {
  for (const u of await userContacts(tx, userIds)) {
    const title = translate(u.locale, n.titleKey, n.params);
    const body = translate(u.locale, n.bodyKey, n.params);
    await tx.insert(notifications).values({ userId: u.id, title, body, link: n.link });
    if (u.email) {
      await queueMail(tx, {
        to: u.email,
        subject: title,
        text: `${translate(u.locale, 'mail.greeting', { name: u.fullName })}\n\n${body}${n.link ? `\n\n${publicUrl}${n.link}` : ''}\n`,
      });
    }
  }
}

export async function listNotifications(db: Executor, userId: string, limit = 50) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return r.n;
}

export async function markAllRead(db: Executor, userId: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
