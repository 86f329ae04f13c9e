import { formatDate } from '../../platform/http/i18n.js';
import { Csrf } from '../../web/forms.js';
import { Layout } from '../../web/layout.js';
import type { PageCtx } from '../../web/page.js';
import type { notifications } from './schema.js';

type Row = typeof notifications.$inferSelect;

/** Only links inside the app are followed: a notice must never lead off-site. */
const localLink = (link: string | null) => (link && /^\/(?![/\\])/.test(link) ? link : undefined);

export function NotificationsPage({ ctx, items, unread }: { ctx: PageCtx; items: Row[]; unread: number }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('notifications.title')}>
      <h1 safe>{t('notifications.title')}</h1>
      {unread ? (
        <form method="post" action="/thong-bao/da-doc" class="actions">
          <Csrf token={ctx.csrf()} />
          <span safe>{t('notifications.unread', { count: unread })}</span>
          <button type="submit" class="secondary" safe>
            {t('notifications.mark_all_read')}
          </button>
        </form>
      ) : (
        ''
      )}
      {items.length ? (
        <ol class="notices">
          {items.map((n) => {
            const link = localLink(n.link);
            return (
              <li class={n.readAt ? 'notice' : 'notice unread'}>
                <p>
                  {n.readAt ? (
                    ''
                  ) : (
                    <>
                      <span class="badge submitted" safe>
                        {t('notifications.new')}
                      </span>{' '}
                    </>
                  )}
                  <strong safe>{n.title}</strong>{' '}
                  <span class="muted" safe>
                    {formatDate(n.createdAt, locale, true)}
                  </span>
                </p>
                <p safe>{n.body}</p>
                {link ? (
                  <p>
                    <a href={link} safe>
                      {t('notifications.open')}
                    </a>
                  </p>
                ) : (
                  ''
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        <p class="muted" safe>
          {t('notifications.none')}
        </p>
      )}
    </Layout>
  );
}
