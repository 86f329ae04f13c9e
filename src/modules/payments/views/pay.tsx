import { formatDate, formatMoney } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { paymentPagePath } from '../intents.js';
import type { IntentStatus } from '../lifecycle.js';
import type { PaymentPage } from '../pay-page.js';

const badge: Record<IntentStatus, string> = {
  pending: 'submitted',
  partially_paid: 'submitted',
  paid: 'ok',
  collected: 'ok',
  cancelled: 'rejected',
};

/** An intent's status as a badge. */
export function StatusBadge({ ctx, status }: { ctx: PageCtx; status: IntentStatus }) {
  return (
    <span class={`badge ${badge[status]}`} safe>
      {ctx.t(`payment.status.${status}`)}
    </span>
  );
}

/**
 * The buyer's payment page: the VietQR code and the transfer details, the way to the gateway,
 * or what cash on delivery means; its status, refreshed by a plain link (and by the browser
 * every 20 seconds while a transfer is awaited, with no script).
 */
export function PayPage({ ctx, page }: { ctx: PageCtx; page: PaymentPage }) {
  const { t, locale } = ctx;
  const { intent, start } = page;
  const path = paymentPagePath(intent.orderCode);
  const waiting = start?.kind === 'transfer';
  return (
    <Layout
      ctx={ctx}
      title={t('payment.page.title', { code: intent.orderCode })}
      head={waiting ? <meta http-equiv="refresh" content={`20;url=${path}`} /> : ''}
    >
      <h1 safe>{t('payment.page.title', { code: intent.orderCode })}</h1>
      <dl class="facts">
        <dt safe>{t('payment.field.status')}</dt>
        <dd>
          <StatusBadge ctx={ctx} status={intent.status} />
        </dd>
        <dt safe>{t('payment.field.method')}</dt>
        <dd safe>{t(`payment.method.${intent.method}`)}</dd>
        <dt safe>{t('payment.field.amount_due')}</dt>
        <dd safe>{formatMoney(intent.amountDue, locale)}</dd>
        {intent.amountPaid > 0n && intent.status !== 'collected' ? (
          <>
            <dt safe>{t('payment.field.amount_paid')}</dt>
            <dd safe>{formatMoney(intent.amountPaid, locale)}</dd>
          </>
        ) : (
          ''
        )}
        {intent.payBy && start ? (
          <>
            <dt safe>{t('payment.field.pay_by')}</dt>
            <dd safe>{formatDate(intent.payBy, locale, true)}</dd>
          </>
        ) : (
          ''
        )}
        {intent.paidAt ? (
          <>
            <dt safe>{t('payment.field.paid_at')}</dt>
            <dd safe>{formatDate(intent.paidAt, locale, true)}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {start?.kind === 'transfer' ? (
        <section aria-labelledby="transfer">
          <h2 id="transfer" safe>
            {t('payment.transfer.heading')}
          </h2>
          <p safe>{t('payment.transfer.scan')}</p>
          <p>
            <img
              src={`data:image/svg+xml;base64,${Buffer.from(start.svg).toString('base64')}`}
              width="260"
              height="260"
              alt={t('payment.transfer.qr_alt', { code: intent.orderCode })}
            />
          </p>
          <p safe>{t('payment.transfer.manual')}</p>
          <dl class="facts">
            <dt safe>{t('payment.field.bank')}</dt>
            <dd safe>{start.bankName}</dd>
            <dt safe>{t('payment.field.account_no')}</dt>
            <dd safe>{start.accountNo}</dd>
            <dt safe>{t('payment.field.account_name')}</dt>
            <dd safe>{start.accountName}</dd>
            <dt safe>{t('payment.field.amount')}</dt>
            <dd class="price big" safe>
              {formatMoney(start.amount, locale)}
            </dd>
            <dt safe>{t('payment.field.memo')}</dt>
            <dd>
              <strong safe>{start.memo}</strong>
            </dd>
          </dl>
          <p class="notice" safe>
            {t('payment.transfer.escrow')}
          </p>
        </section>
      ) : start?.kind === 'redirect' ? (
        <p class="actions">
          <a class="button" href={start.url} safe>
            {t('payment.vnpay.go')}
          </a>
        </p>
      ) : start?.kind === 'on_delivery' ? (
        <p class="notice" safe>
          {t('payment.cod.explain')}
        </p>
      ) : (
        <p class="notice ok" role="status" safe>
          {t(`payment.page.done.${intent.status}`)}
        </p>
      )}
      {start && start.kind !== 'on_delivery' ? (
        <p>
          <a href={path} safe>
            {t('payment.page.refresh')}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** Where the gateway sent the buyer back: what it says, and what the platform has actually recorded. */
export function VnpayReturnPage(p: {
  ctx: PageCtx;
  verdict: 'success' | 'failed' | 'invalid';
  code: string | null;
  status: IntentStatus | null;
}) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('payment.vnpay.return_title')}>
      <h1 safe>{t('payment.vnpay.return_title')}</h1>
      <p class={`notice ${p.verdict === 'success' ? 'ok' : 'error'}`} role="status" safe>
        {t(`payment.vnpay.verdict.${p.verdict}`)}
      </p>
      {p.code && p.status ? (
        <>
          <p>
            <span safe>{t('payment.vnpay.recorded')}</span> <StatusBadge ctx={p.ctx} status={p.status} />
          </p>
          <p>
            <a href={paymentPagePath(p.code)} safe>
              {t('payment.vnpay.back', { code: p.code })}
            </a>
          </p>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
