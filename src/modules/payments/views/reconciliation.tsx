import { formatDate, formatMoney } from '../../../platform/http/i18n.js';
import { BackLink } from '../../../web/back-link.js';
import {
  Confirmation,
  Csrf,
  ErrorSummary,
  emptyForm,
  Field,
  type FormState,
  TextArea,
} from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Pager } from '../../../web/pager.js';
import { Table } from '../../../web/table.js';
import type { Item, itemDetail, listItems } from '../reconciliation.js';
import { remainingOf } from '../reconciliation.js';
import { QueueHeading } from './queue-heading.js';

export type ReconAction = 'allocate' | 'refund';
/** A form sent back with its errors; its fields are keyed `<action>-<name>` (two forms share names). */
export interface SentForm {
  action: ReconAction;
  state: FormState;
}

const money = (ctx: PageCtx, v: bigint) => formatMoney(v, ctx.locale);

/** /quan-ly/doi-soat: transfers in suspense that wait for an officer's decision. */
export function QueuePage(p: {
  ctx: PageCtx;
  state: 'open' | 'resolved';
  list: Awaited<ReturnType<typeof listItems>>;
}) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('payment.recon.title')}>
      <QueueHeading
        ctx={p.ctx}
        texts="payment.recon"
        path="/quan-ly/doi-soat"
        states={['open', 'resolved'] as const}
        current={p.state}
      >
        <a href="/quan-ly/doi-soat/sao-ke" safe>
          {t('payment.statement.title')}
        </a>
      </QueueHeading>
      {p.list.rows.length ? (
        <Table<Item>
          caption={t('payment.recon.count', { count: p.list.total })}
          rows={p.list.rows}
          rowId={(r) => r.id}
          columns={[
            {
              header: t('payment.recon.col.received'),
              text: (r) => formatDate(r.receivedAt, p.ctx.locale, true),
            },
            { header: t('payment.recon.col.kind'), text: (r) => t(`payment.recon.kind.${r.kind}`) },
            { header: t('payment.recon.col.amount'), text: (r) => money(p.ctx, r.amount) },
            { header: t('payment.recon.col.left'), text: (r) => money(p.ctx, remainingOf(r)) },
            { header: t('payment.recon.col.content'), text: (r) => r.content },
            {
              header: t('payment.recon.col.open'),
              cell: (r) => (
                <a href={`/quan-ly/doi-soat/${r.id}`} safe>
                  {r.orderCode ?? t('payment.recon.no_code')}
                </a>
              ),
            },
          ]}
        />
      ) : (
        <p class="muted" safe>
          {t(`payment.recon.empty.${p.state}`)}
        </p>
      )}
      <Pager
        t={t}
        page={p.list.page}
        pages={p.list.pages}
        href={(n) => `/quan-ly/doi-soat?state=${p.state}&page=${n}`}
      />
    </Layout>
  );
}

function DecisionForm(p: { ctx: PageCtx; item: Item; action: ReconAction; sent?: SentForm }) {
  const { t } = p.ctx;
  const state =
    p.sent?.action === p.action
      ? p.sent.state
      : emptyForm(p.action === 'allocate' ? { orderCode: p.item.orderCode ?? '' } : {});
  const key = (name: string) => `${p.action}-${name}`;
  return (
    <form
      method="post"
      action={`/quan-ly/doi-soat/${p.item.id}/${p.action}`}
      class="group"
      id={`form-${p.action}`}
    >
      <h3 safe>{t(`payment.recon.action.${p.action}`)}</h3>
      <p class="hint" safe>
        {t(`payment.recon.action.${p.action}_hint`)}
      </p>
      <Csrf token={p.ctx.csrf()} />
      {p.action === 'allocate' ? (
        <Field name="orderCode" field={key('orderCode')} state={state} t={t} required maxlength={20} />
      ) : (
        ''
      )}
      <Field
        name="amount"
        field={key('amount')}
        state={state}
        t={t}
        inputmode="numeric"
        hint={t('payment.recon.amount_hint', { left: money(p.ctx, remainingOf(p.item)) })}
      />
      <TextArea name="reason" field={key('reason')} state={state} t={t} rows={2} maxlength={500} required />
      <button type="submit" class={p.action === 'refund' ? 'danger' : undefined} safe>
        {t(`payment.recon.action.${p.action}`)}
      </button>
    </form>
  );
}

/** One item: where the money came from, what was done with it, and the two decisions. */
export function ItemPage(p: {
  ctx: PageCtx;
  detail: Awaited<ReturnType<typeof itemDetail>>;
  done?: ReconAction;
  sent?: SentForm;
}) {
  const { t, locale } = p.ctx;
  const { item, actions, event } = p.detail;
  const left = remainingOf(item);
  return (
    <Layout ctx={p.ctx} title={t('payment.recon.item_title')}>
      <BackLink href="/quan-ly/doi-soat" label={t('payment.recon.title')} />
      <h1 safe>{t('payment.recon.item_title')}</h1>
      <Confirmation text={p.done && t(`payment.recon.done.${p.done}`)} />
      {p.sent ? <ErrorSummary state={p.sent.state} t={t} /> : ''}
      <dl class="facts">
        <dt safe>{t('payment.recon.col.kind')}</dt>
        <dd safe>{t(`payment.recon.kind.${item.kind}`)}</dd>
        <dt safe>{t('payment.recon.col.received')}</dt>
        <dd safe>{formatDate(item.receivedAt, locale, true)}</dd>
        <dt safe>{t('payment.recon.col.channel')}</dt>
        <dd safe>{t(`payment.method.${item.channel}`)}</dd>
        <dt safe>{t('payment.recon.col.reference')}</dt>
        <dd safe>{item.reference}</dd>
        <dt safe>{t('payment.recon.col.content')}</dt>
        <dd safe>{item.content}</dd>
        <dt safe>{t('payment.recon.col.code')}</dt>
        <dd safe>{item.orderCode ?? t('payment.recon.no_code')}</dd>
        <dt safe>{t('payment.recon.col.amount')}</dt>
        <dd safe>{money(p.ctx, item.amount)}</dd>
        <dt safe>{t('payment.recon.col.allocated')}</dt>
        <dd safe>{money(p.ctx, item.allocated)}</dd>
        <dt safe>{t('payment.recon.col.refunded')}</dt>
        <dd safe>{money(p.ctx, item.refunded)}</dd>
        <dt safe>{t('payment.recon.col.left')}</dt>
        <dd>
          <strong safe>{money(p.ctx, left)}</strong>
        </dd>
      </dl>
      {event ? (
        <details>
          <summary safe>{t('payment.recon.raw')}</summary>
          <pre safe>{event.rawBody}</pre>
        </details>
      ) : (
        ''
      )}
      {actions.length ? (
        <section aria-labelledby="history">
          <h2 id="history" safe>
            {t('payment.recon.history')}
          </h2>
          <ul>
            {actions.map((a) => (
              <li safe>
                {`${formatDate(a.at, locale, true)} · ${t(`payment.recon.action.${a.action}`)} · ${money(p.ctx, a.amount)} · ${a.reason}`}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {left > 0n ? (
        <section aria-labelledby="decide">
          <h2 id="decide" safe>
            {t('payment.recon.decide')}
          </h2>
          <DecisionForm ctx={p.ctx} item={item} action="allocate" sent={p.sent} />
          <DecisionForm ctx={p.ctx} item={item} action="refund" sent={p.sent} />
        </section>
      ) : (
        <p class="notice ok" safe>
          {t('payment.recon.resolved_note')}
        </p>
      )}
    </Layout>
  );
}
