import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { type consoleSummary, QUEUE_STATES } from '../console-service.js';
import { statusLabel } from '../reference.js';
import { sellerStatus } from '../schema.js';
import { ConsoleNav } from './console-parts.js';

/** The officers' buying and money pages (orders, payments and ledger modules), in the order of a day's work. */
const buyingLinks: [string, string][] = [
  ['/quan-ly/don-hang', 'orders.officer.find'],
  ['/quan-ly/doi-soat', 'payment.recon.title'],
  ['/quan-ly/doi-soat/sao-ke', 'payment.statement.title'],
  ['/quan-ly/hoan-tien', 'payment.refund.title'],
  ['/quan-ly/chi-tra', 'ledger.payout.title'],
  ['/quan-ly/thue-khau-tru', 'ledger.tax.title'],
];

/** Console home: how many sellers are in each state, each count a link to its list; the buying pages. */
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
      <h2 safe>{t('console.home.buying')}</h2>
      <ul>
        {buyingLinks.map(([href, key]) => (
          <li>
            <a href={href} safe>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
