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
import { accountText, refundMemo } from '../refund-transfer.js';
import type { OwedRow, RefundDetail, RefundList } from '../refunds.js';
import { QueueHeading } from './queue-heading.js';

const money = (ctx: PageCtx, v: bigint) => formatMoney(v, ctx.locale);
const orderLink = (code: string) => `/quan-ly/hoan-tien/${encodeURIComponent(code)}`;

/** /quan-ly/hoan-tien: refunds owed to buyers (to pay), or those paid. */
export function RefundQueuePage({ ctx, list }: { ctx: PageCtx; list: RefundList }) {
  const { t, locale } = ctx;
  type Paid = RefundList['paid'][number];
  return (
    <Layout ctx={ctx} title={t('payment.refund.title')}>
      <QueueHeading
        ctx={ctx}
        texts="payment.refund"
        path="/quan-ly/hoan-tien"
        states={['owed', 'paid'] as const}
        current={list.state}
      />
      {list.state === 'owed' && list.total ? (
        <>
          <p>
            <a class="button secondary" href="/quan-ly/hoan-tien/tep.xlsx" safe>
              {t('payment.refund.file')}
            </a>
          </p>
          <p class="hint" safe>
            {t('payment.refund.file_hint')}
          </p>
        </>
      ) : (
        ''
      )}
      {list.state === 'owed' && list.owed.length ? (
        <Table<OwedRow>
          caption={t('payment.refund.count', { count: list.total })}
          rows={list.owed}
          rowId={(r) => r.intent?.orderCode ?? r.orderId}
          columns={[
            { header: t('payment.refund.col.since'), text: (r) => formatDate(r.since, locale, true) },
            {
              header: t('payment.refund.col.order'),
              cell: (r) =>
                r.intent ? (
                  <a href={orderLink(r.intent.orderCode)} safe>
                    {r.intent.orderCode}
                  </a>
                ) : (
                  <span safe>{r.orderId}</span>
                ),
            },
            {
              header: t('payment.refund.col.channel'),
              text: (r) => t(`payment.refund.channel.${r.intent?.method === 'vnpay' ? 'vnpay' : 'vietqr'}`),
            },
            { header: t('payment.refund.col.owed'), text: (r) => money(ctx, r.amount) },
            {
              header: t('payment.refund.col.account'),
              text: (r) =>
                r.intent?.method === 'vnpay'
                  ? '—'
                  : ((r.account && accountText(r.account)) ?? t('payment.refund.no_account')),
            },
          ]}
        />
      ) : list.state === 'paid' && list.paid.length ? (
        <Table<Paid>
          caption={t('payment.refund.count', { count: list.total })}
          rows={list.paid}
          rowId={(r) => r.refund.id}
          columns={[
            {
              header: t('payment.refund.col.paid_at'),
              text: (r) => formatDate(r.refund.paidAt, locale, true),
            },
            {
              header: t('payment.refund.col.order'),
              cell: (r) => (
                <a href={orderLink(r.orderCode)} safe>
                  {r.orderCode}
                </a>
              ),
            },
            {
              header: t('payment.refund.col.channel'),
              text: (r) => t(`payment.refund.channel.${r.refund.channel}`),
            },
            { header: t('payment.refund.col.amount'), text: (r) => money(ctx, r.refund.amount) },
            { header: t('payment.refund.col.reference'), text: (r) => r.refund.reference },
            { header: t('payment.refund.col.reason'), text: (r) => r.refund.reason },
          ]}
        />
      ) : (
        <p class="muted" safe>
          {t(`payment.refund.empty.${list.state}`)}
        </p>
      )}
      <Pager
        t={t}
        page={list.page}
        pages={list.pages}
        href={(n) => `/quan-ly/hoan-tien?state=${list.state}&page=${n}`}
      />
    </Layout>
  );
}

export type RefundNotice = 'done' | 'repeated';

/** The form that records a refund as paid; its fields are keyed `paid-<name>`. */
function MarkForm({ ctx, d, state }: { ctx: PageCtx; d: RefundDetail; state?: FormState }) {
  const { t } = ctx;
  const s = state ?? emptyForm();
  return (
    <form method="post" action={orderLink(d.intent.orderCode)} class="group" id="form-paid">
      <h2 safe>{t('payment.refund.mark')}</h2>
      <p class="hint" safe>
        {t('payment.refund.mark_hint')}
      </p>
      <Csrf token={ctx.csrf()} />
      <Field name="reference" field="paid-reference" state={s} t={t} required maxlength={80} />
      <Field
        name="amount"
        field="paid-amount"
        state={s}
        t={t}
        inputmode="numeric"
        hint={t('payment.refund.amount_hint', { owed: money(ctx, d.owed) })}
      />
      <TextArea name="reason" field="paid-reason" state={s} t={t} rows={2} maxlength={500} required />
      <button type="submit" safe>
        {t('payment.refund.mark')}
      </button>
    </form>
  );
}

/** One order's refund: what the buyer paid and is owed, where to send it, what was sent, and the form. */
export function RefundDetailPage(p: {
  ctx: PageCtx;
  d: RefundDetail;
  /** The VietQR code (SVG) of the transfer to the buyer's account, while something is owed. */
  qr?: string;
  notice?: RefundNotice;
  state?: FormState;
}) {
  const { ctx, d } = p;
  const { t, locale } = ctx;
  const code = d.intent.orderCode;
  const paidTotal = d.paid.reduce((s, r) => s + r.amount, 0n);
  return (
    <Layout ctx={ctx} title={t('payment.refund.order_title', { code })}>
      <BackLink href="/quan-ly/hoan-tien" label={t('payment.refund.title')} />
      <h1 safe>{t('payment.refund.order_title', { code })}</h1>
      <Confirmation text={p.notice && t(`payment.refund.${p.notice}`)} />
      {p.state ? <ErrorSummary state={p.state} t={t} /> : ''}
      <dl class="facts">
        <dt safe>{t('payment.refund.col.order')}</dt>
        <dd>
          <a href={`/quan-ly/don-hang/${encodeURIComponent(code)}`} safe>
            {`${code} · ${t('payment.refund.open_order')}`}
          </a>
        </dd>
        <dt safe>{t('payment.refund.col.channel')}</dt>
        <dd safe>{t(`payment.refund.channel.${d.channel}`)}</dd>
        <dt safe>{t('payment.refund.paid_by_buyer')}</dt>
        <dd safe>{money(ctx, d.intent.amountPaid)}</dd>
        <dt safe>{t('payment.refund.paid_total')}</dt>
        <dd safe>{money(ctx, paidTotal)}</dd>
        <dt safe>{t('payment.refund.owed')}</dt>
        <dd>
          <strong safe>{money(ctx, d.owed)}</strong>
        </dd>
        {d.channel === 'vietqr' ? (
          <>
            <dt safe>{t('payment.refund.col.account')}</dt>
            <dd safe>{(d.account && accountText(d.account)) ?? t('payment.refund.no_account')}</dd>
            <dt safe>{t('payment.refund.col.memo')}</dt>
            <dd safe>{refundMemo(code)}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {d.owed > 0n && d.channel === 'vnpay' ? (
        <p class="notice" safe>
          {t('payment.refund.vnpay_how')}
        </p>
      ) : d.owed > 0n && !d.account ? (
        <p class="notice warn" safe>
          {t('payment.refund.wait_account')}
        </p>
      ) : (
        ''
      )}
      {p.qr ? (
        <figure>
          <img
            src={`data:image/svg+xml;base64,${Buffer.from(p.qr).toString('base64')}`}
            alt={t('payment.refund.qr')}
            width="220"
            height="220"
          />
          <figcaption safe>{t('payment.refund.qr_hint')}</figcaption>
        </figure>
      ) : (
        ''
      )}
      {d.paid.length ? (
        <Table
          caption={t('payment.refund.history')}
          rows={d.paid}
          rowId={(r) => r.id}
          columns={[
            { header: t('payment.refund.col.paid_at'), text: (r) => formatDate(r.paidAt, locale, true) },
            { header: t('payment.refund.col.amount'), text: (r) => money(ctx, r.amount) },
            { header: t('payment.refund.col.reference'), text: (r) => r.reference },
            {
              header: t('payment.refund.col.account'),
              text: (r) => accountText(r) ?? '—',
            },
            { header: t('payment.refund.col.reason'), text: (r) => r.reason },
          ]}
        />
      ) : (
        ''
      )}
      {d.owed > 0n ? (
        <MarkForm ctx={ctx} d={d} state={p.state} />
      ) : d.paid.length ? (
        <p class="notice ok" safe>
          {t('payment.refund.settled_note')}
        </p>
      ) : (
        <p class="muted" safe>
          {t('payment.refund.nothing_owed')}
        </p>
      )}
    </Layout>
  );
}
