import { formatDate } from '../../../platform/http/i18n.js';
import { BackLink } from '../../../web/back-link.js';
import {
  Confirmation,
  Csrf,
  ErrorSummary,
  emptyForm,
  type FormState,
  Submit,
  TextArea,
} from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { type Column, Table } from '../../../web/table.js';
import { Timeline } from '../../../web/timeline.js';
import { bank } from '../../sellers/index.js';
import {
  batchLabel,
  type PayoutAction,
  type PayoutBatchView,
  type PayoutStatus,
  payoutLifecycle,
} from '../payouts.js';
import type { payoutBatches } from '../schema.js';
import { LedgerNav, money } from './parts.js';

type Batch = typeof payoutBatches.$inferSelect;

/** Each form of the page keys its reason box apart, so an error lands beside the right one. */
export const payoutReasonField = (action: PayoutAction | 'create') => `reason-${action}`;

export function PayoutBadge({ ctx, status }: { ctx: PageCtx; status: PayoutStatus }) {
  const cls = status === 'paid' ? 'badge ok' : status === 'cancelled' ? 'badge rejected' : 'badge submitted';
  return (
    <span class={cls} safe>
      {ctx.t(`ledger.payout.status.${status}`)}
    </span>
  );
}

/** The batches, newest first, and the form that makes a new one. */
export function PayoutListPage({
  ctx,
  batches,
  state = emptyForm(),
}: {
  ctx: PageCtx;
  batches: Batch[];
  state?: FormState;
}) {
  const { t } = ctx;
  const columns: Column<Batch>[] = [
    {
      header: t('ledger.col.batch'),
      cell: (b) => (
        <a href={`/quan-ly/chi-tra/${b.id}`} safe>
          {batchLabel(b.number)}
        </a>
      ),
    },
    { header: t('ledger.col.createdAt'), text: (b) => formatDate(b.createdAt, ctx.locale, true) },
    { header: t('ledger.col.sellers'), text: (b) => String(b.sellerCount) },
    { header: t('ledger.col.amount'), text: (b) => money(ctx, b.total) },
    { header: t('ledger.col.status'), cell: (b) => <PayoutBadge ctx={ctx} status={b.status} /> },
  ];
  return (
    <Layout ctx={ctx} title={t('ledger.payout.title')}>
      <LedgerNav ctx={ctx} current="payouts" />
      <h1 safe>{t('ledger.payout.title')}</h1>
      <p safe>{t('ledger.payout.intro')}</p>
      <form method="post" action="/quan-ly/chi-tra">
        <Csrf token={ctx.csrf()} />
        <ErrorSummary state={state} t={t} />
        <TextArea t={t} state={state} name="reason" field="reason-create" rows={2} maxlength={500} />
        <Submit label={t('ledger.payout.create')} />
      </form>
      {batches.length ? (
        <Table columns={columns} rows={batches} rowId={(b) => b.id} caption={t('ledger.payout.list')} />
      ) : (
        <p class="muted" safe>
          {t('ledger.payout.none')}
        </p>
      )}
    </Layout>
  );
}

export type PayoutNotice = {
  done?: 'created' | PayoutAction;
  conflict?: boolean;
  sent?: { action: PayoutAction; state: FormState };
};

/** One batch: its sellers and amounts, the transfer file, its history, and what the officer may do next. */
export function PayoutDetailPage({
  ctx,
  view,
  notice = {},
}: {
  ctx: PageCtx;
  view: PayoutBatchView;
  notice?: PayoutNotice;
}) {
  const { t } = ctx;
  const { batch, items, history } = view;
  const label = batchLabel(batch.number);
  const columns: Column<(typeof items)[number]>[] = [
    { header: t('ledger.col.accountName'), text: (i) => i.bankAccountName },
    { header: t('ledger.col.bankName'), text: (i) => bank(i.bankBin)?.shortName ?? i.bankBin },
    { header: t('ledger.col.accountNo'), text: (i) => i.bankAccountNo },
    { header: t('ledger.col.amount'), text: (i) => money(ctx, i.amount) },
    { header: t('ledger.col.memo'), text: (i) => i.memo },
  ];
  const actions = payoutLifecycle.actionsFrom(batch.status, 'officer');
  return (
    <Layout ctx={ctx} title={t('ledger.payout.batch', { label })}>
      <BackLink href="/quan-ly/chi-tra" label={t('ledger.payout.title')} />
      <h1 safe>{t('ledger.payout.batch', { label })}</h1>
      <Confirmation text={notice.done && t(`ledger.payout.done.${notice.done}`)} />
      {notice.conflict ? (
        <p class="notice warn" role="alert" safe>
          {t('ledger.payout.conflict')}
        </p>
      ) : (
        ''
      )}
      <p>
        <PayoutBadge ctx={ctx} status={batch.status} />{' '}
        <span safe>
          {t('ledger.payout.summary', { n: batch.sellerCount, total: money(ctx, batch.total) })}
        </span>
      </p>
      <p>
        <a class="button secondary" href={`/quan-ly/chi-tra/${batch.id}/tep.xlsx`} safe>
          {t('ledger.payout.download')}
        </a>
      </p>
      <Table columns={columns} rows={items} rowId={(i) => i.sellerId} caption={t('ledger.payout.items')} />
      {actions.map((action) => {
        const state = notice.sent?.action === action ? notice.sent.state : emptyForm();
        return (
          <form method="post" action={`/quan-ly/chi-tra/${batch.id}/${action}`}>
            <h2 safe>{t(`ledger.payout.action.${action}`)}</h2>
            <Csrf token={ctx.csrf()} />
            <ErrorSummary state={state} t={t} />
            <TextArea
              t={t}
              state={state}
              name="reason"
              field={payoutReasonField(action)}
              rows={2}
              maxlength={500}
              required
            />
            <Submit label={t(`ledger.payout.action.${action}`)} danger={action === 'cancel'} />
          </form>
        );
      })}
      <h2 safe>{t('ledger.payout.history')}</h2>
      <Timeline
        locale={ctx.locale}
        reasonLabel={t('ledger.reason')}
        steps={history.map((h) => ({ at: h.at, status: h.toStatus, by: '', reason: h.reason }))}
        badge={(s) => <PayoutBadge ctx={ctx} status={s} />}
      />
      <p class="muted" safe>
        {t('ledger.payout.created_at', { at: formatDate(batch.createdAt, ctx.locale, true) })}
      </p>
    </Layout>
  );
}
