import { formatDate } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Pager } from '../../../web/pager.js';
import { commune } from '../../geo/index.js';
import {
  type listQueue,
  QUEUE_STATES,
  type QueueFilters,
  REGISTRY_STATES,
  type RegistryFilters,
  type SellerListRow,
} from '../console-service.js';
import { legalFormLabel } from '../reference.js';
import { ConsoleNav, FilterForm, filterQuery, StatusBadge } from './console-parts.js';

type ListPage = Awaited<ReturnType<typeof listQueue>>;

/** A column of a list: its header key and how a row shows in it. */
type Column = [string, (r: SellerListRow, ctx: PageCtx) => JSX.Element];

const cols: Record<string, Column> = {
  shopName: [
    'console.col.shopName',
    (r) => (
      <a href={`/quan-ly/ho-so/${r.id}`} safe>
        {r.shopName}
      </a>
    ),
  ],
  legalForm: ['console.col.legalForm', (r, { t }) => <span safe>{legalFormLabel(t, r.legalForm)}</span>],
  taxCode: ['console.col.taxCode', (r) => <span safe>{r.taxCode ?? ''}</span>],
  repName: ['console.col.repName', (r) => <span safe>{r.repName ?? ''}</span>],
  commune: ['console.col.commune', (r) => <span safe>{commune(r.communeCode)?.name ?? ''}</span>],
  phone: ['console.col.phone', (r) => <span safe>{r.phone ?? ''}</span>],
  submittedAt: [
    'console.col.submittedAt',
    (r, { locale }) => <span safe>{formatDate(r.submittedAt, locale)}</span>,
  ],
  daysWaiting: [
    'console.col.daysWaiting',
    (r, { t }) => <span safe>{r.daysWaiting === null ? '' : t('console.days', { n: r.daysWaiting })}</span>,
  ],
  decidedAt: [
    'console.col.decidedAt',
    (r, { locale }) => <span safe>{formatDate(r.decidedAt, locale)}</span>,
  ],
  status: ['console.col.status', (r, { t }) => <StatusBadge t={t} status={r.status} />],
};

function Table({ ctx, list, columns }: { ctx: PageCtx; list: ListPage; columns: Column[] }) {
  if (!list.items.length)
    return (
      <p class="notice" safe>
        {ctx.t('console.none')}
      </p>
    );
  return (
    <div class="scroll">
      <table>
        <thead>
          <tr>
            {columns.map(([key]) => (
              <th scope="col" safe>
                {ctx.t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.items.map((r) => (
            <tr data-id={r.id}>
              {columns.map(([, cell]) => (
                <td>{cell(r, ctx)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The queue of applications, the longest waiting first. */
export function QueuePage({ ctx, filters, list }: { ctx: PageCtx; filters: QueueFilters; list: ListPage }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('console.queue.title')}>
      <h1 safe>{t('console.queue.title')}</h1>
      <ConsoleNav ctx={ctx} current="queue" />
      <p safe>{t('console.queue.lead')}</p>
      <FilterForm
        ctx={ctx}
        action="/quan-ly/ho-so"
        filters={filters}
        states={QUEUE_STATES}
        allStates={false}
        hint={t('console.filter.q_hint')}
      />
      <p role="status" safe>
        {t('console.count', { n: list.total })}
      </p>
      <Table
        ctx={ctx}
        list={list}
        columns={[
          cols.shopName,
          cols.legalForm,
          cols.taxCode,
          cols.commune,
          cols.submittedAt,
          cols.daysWaiting,
          cols.status,
        ]}
      />
      <Pager
        t={t}
        page={list.page}
        pages={list.pages}
        href={(page) => `/quan-ly/ho-so${filterQuery(filters, { page })}`}
      />
    </Layout>
  );
}

/** The registry of shops, with its spreadsheet export of the same filters. */
export function RegistryPage({
  ctx,
  filters,
  list,
}: {
  ctx: PageCtx;
  filters: RegistryFilters;
  list: ListPage;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('console.registry.title')}>
      <h1 safe>{t('console.registry.title')}</h1>
      <ConsoleNav ctx={ctx} current="registry" />
      <p safe>{t('console.registry.lead')}</p>
      <FilterForm
        ctx={ctx}
        action="/quan-ly/nguoi-ban"
        filters={filters}
        states={REGISTRY_STATES}
        allStates
        hint={t('console.filter.q_hint_registry')}
      />
      <p class="actions">
        <span role="status" safe>
          {t('console.count', { n: list.total })}
        </span>
        <a class="button secondary" href={`/quan-ly/nguoi-ban.xlsx${filterQuery(filters)}`} download="" safe>
          {t('console.export')}
        </a>
      </p>
      <Table
        ctx={ctx}
        list={list}
        columns={[
          cols.shopName,
          cols.legalForm,
          cols.taxCode,
          cols.repName,
          cols.commune,
          cols.phone,
          cols.status,
          cols.decidedAt,
        ]}
      />
      <Pager
        t={t}
        page={list.page}
        pages={list.pages}
        href={(page) => `/quan-ly/nguoi-ban${filterQuery(filters, { page })}`}
      />
    </Layout>
  );
}
