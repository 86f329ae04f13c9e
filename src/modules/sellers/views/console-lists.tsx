import { formatDate } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Pager } from '../../../web/pager.js';
import { type Column, Table } from '../../../web/table.js';
import { commune } from '../../geo/index.js';
import {
  type listQueue,
  QUEUE_STATES,
  type QueueFilters,
  REGISTRY_STATES,
  type RegistryFilters,
  type SellerListRow,
} from '../console-service.js';
import type { SellerStatus } from '../lifecycle.js';
import { legalFormLabel } from '../reference.js';
import { ConsoleNav, FilterForm, filterQuery, StatusBadge } from './console-parts.js';

/** One page of a list, as the service answers it. */
type SellerList = Awaited<ReturnType<typeof listQueue>>;
type ColumnName = keyof ReturnType<typeof columns>;

/** The columns a list can show, by name. */
function columns({ t, locale }: PageCtx) {
  const col = (key: string, text: (r: SellerListRow) => string): Column<SellerListRow> => ({
    header: t(`console.col.${key}`),
    text,
  });
  return {
    shopName: {
      header: t('console.col.shopName'),
      cell: (r) => (
        <a href={`/quan-ly/ho-so/${r.id}`} safe>
          {r.shopName}
        </a>
      ),
    },
    legalForm: col('legalForm', (r) => legalFormLabel(t, r.legalForm)),
    taxCode: col('taxCode', (r) => r.taxCode ?? ''),
    repName: col('repName', (r) => r.repName ?? ''),
    commune: col('commune', (r) => commune(r.communeCode)?.name ?? ''),
    phone: col('phone', (r) => r.phone ?? ''),
    submittedAt: col('submittedAt', (r) => formatDate(r.submittedAt, locale)),
    daysWaiting: col('daysWaiting', (r) =>
      r.daysWaiting === null ? '' : t('console.days', { n: r.daysWaiting }),
    ),
    decidedAt: col('decidedAt', (r) => formatDate(r.decidedAt, locale)),
    status: { header: t('console.col.status'), cell: (r) => <StatusBadge t={t} status={r.status} /> },
  } satisfies Record<string, Column<SellerListRow>>;
}

function List({ ctx, list, show }: { ctx: PageCtx; list: SellerList; show: ColumnName[] }) {
  if (!list.items.length)
    return (
      <p class="notice" safe>
        {ctx.t('console.none')}
      </p>
    );
  const all = columns(ctx);
  return <Table columns={show.map((k) => all[k])} rows={list.items} rowId={(r) => r.id} />;
}

/** A console list: its filters, how many match, the table, and the pages. */
function ListPage(p: {
  ctx: PageCtx;
  current: 'queue' | 'registry';
  title: string;
  lead: string;
  path: string;
  filters: QueueFilters | RegistryFilters;
  states: readonly SellerStatus[];
  hint: string;
  list: SellerList;
  show: ColumnName[];
  /** The same filtered list as a spreadsheet (the registry). */
  xlsx?: string;
}) {
  const { ctx, list, filters } = p;
  const { t } = ctx;
  const count = t('console.count', { n: list.total });
  return (
    <Layout ctx={ctx} title={p.title}>
      <h1 safe>{p.title}</h1>
      <ConsoleNav ctx={ctx} current={p.current} />
      <p safe>{p.lead}</p>
      <FilterForm
        ctx={ctx}
        action={p.path}
        filters={filters}
        states={p.states}
        allStates={!!p.xlsx}
        hint={p.hint}
      />
      {p.xlsx ? (
        <p class="actions">
          <span role="status" safe>
            {count}
          </span>
          <a class="button secondary" href={p.xlsx} download="" safe>
            {t('console.export')}
          </a>
        </p>
      ) : (
        <p role="status" safe>
          {count}
        </p>
      )}
      <List ctx={ctx} list={list} show={p.show} />
      <Pager
        t={t}
        page={list.page}
        pages={list.pages}
        href={(page) => `${p.path}${filterQuery(filters, { page })}`}
      />
    </Layout>
  );
}

/** The queue of applications, the longest waiting first. */
export function QueuePage({ ctx, filters, list }: { ctx: PageCtx; filters: QueueFilters; list: SellerList }) {
  const { t } = ctx;
  return (
    <ListPage
      ctx={ctx}
      current="queue"
      title={t('console.queue.title')}
      lead={t('console.queue.lead')}
      path="/quan-ly/ho-so"
      filters={filters}
      states={QUEUE_STATES}
      hint={t('console.filter.q_hint')}
      list={list}
      show={['shopName', 'legalForm', 'taxCode', 'commune', 'submittedAt', 'daysWaiting', 'status']}
    />
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
  list: SellerList;
}) {
  const { t } = ctx;
  return (
    <ListPage
      ctx={ctx}
      current="registry"
      title={t('console.registry.title')}
      lead={t('console.registry.lead')}
      path="/quan-ly/nguoi-ban"
      filters={filters}
      states={REGISTRY_STATES}
      hint={t('console.filter.q_hint_registry')}
      list={list}
      show={['shopName', 'legalForm', 'taxCode', 'repName', 'commune', 'phone', 'status', 'decidedAt']}
      xlsx={`/quan-ly/nguoi-ban.xlsx${filterQuery(filters)}`}
    />
  );
}
