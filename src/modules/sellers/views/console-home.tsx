import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { type consoleSummary, QUEUE_STATES } from '../console-service.js';
import { statusLabel } from '../reference.js';
import { sellerStatus } from '../schema.js';
import { ConsoleNav } from './console-parts.js';

/** Console home: how many sellers are in each state, each count a link to its list. */
export function ConsoleHome({
  ctx,
  summary,
}: {
  ctx: PageCtx;
  summary: Awaited<ReturnType<typeof consoleSummary>>;
}) {
  const { t } = ctx;
  const link = (s: string) =>
    (QUEUE_STATES as readonly string[]).includes(s)
      ? `/quan-ly/ho-so?state=${s}`
      : s === 'draft'
        ? ''
        : `/quan-ly/nguoi-ban?state=${s}`;
  return (
    <Layout ctx={ctx} title={t('console.title')}>
      <h1 safe>{t('console.title')}</h1>
      <ConsoleNav ctx={ctx} current="home" />
      <p safe>{t('console.home.lead')}</p>
      <p class="notice" safe>
        {summary.oldestWaitingDays === null
          ? t('console.home.empty')
          : t('console.home.oldest', { days: summary.oldestWaitingDays })}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('console.col.status')}
            </th>
            <th scope="col" safe>
              {t('console.col.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sellerStatus.enumValues.map((s) => (
            <tr>
              <th scope="row">
                {link(s) ? (
                  <a href={link(s)} safe>
                    {statusLabel(t, s)}
                  </a>
                ) : (
                  <span safe>{statusLabel(t, s)}</span>
                )}
              </th>
              <td data-state={s} safe>
                {String(summary.counts[s])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/quan-ly/tu-dong-nghia" safe>
          {t('search.synonyms.title')}
        </a>
      </p>
      <p>
        <a href="/quan-ly/don-hang" safe>
          {t('orders.officer.find')}
        </a>
      </p>
    </Layout>
  );
}
