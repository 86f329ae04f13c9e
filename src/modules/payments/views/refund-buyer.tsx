import { formatDate, formatMoney } from '../../../platform/http/i18n.js';
import { BackLink } from '../../../web/back-link.js';
import {
  Confirmation,
  Csrf,
  ErrorSummary,
  emptyForm,
  Field,
  type FormState,
  Select,
  Submit,
} from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { banks } from '../../sellers/index.js';
import { accountText } from '../refund-transfer.js';
import { type RefundDetail, refundPagePath } from '../refunds.js';

/** The account form, filled with the account given before (or what was typed, when refused). */
function AccountForm({ ctx, d, state }: { ctx: PageCtx; d: RefundDetail; state?: FormState }) {
  const { t } = ctx;
  const s = state ?? emptyForm(d.account ? { ...d.account } : {});
  return (
    <form method="post" action={refundPagePath(d.intent.orderCode)} class="group" novalidate>
      <h2 safe>{t('payment.refund.buyer_account')}</h2>
      <p class="hint" safe>
        {t('payment.refund.buyer_account_hint')}
      </p>
      <Csrf token={ctx.csrf()} />
      <Select
        name="bankBin"
        state={s}
        t={t}
        required
        options={banks.map((b) => ({ value: b.bin, label: `${b.shortName} — ${b.name}` }))}
      />
      <Field name="bankAccountNo" state={s} t={t} required inputmode="numeric" maxlength={25} />
      <Field name="bankAccountName" state={s} t={t} required maxlength={70} />
      <Submit label={t('payment.refund.buyer_save')} />
    </form>
  );
}

/** /hoan-tien/<code>: the buyer's refund, what was paid back, and where to send it. */
export function BuyerRefundPage(p: { ctx: PageCtx; d: RefundDetail; saved?: boolean; state?: FormState }) {
  const { ctx, d } = p;
  const { t, locale } = ctx;
  const code = d.intent.orderCode;
  const money = (v: bigint) => formatMoney(v, locale);
  const given = d.account && accountText(d.account);
  return (
    <Layout ctx={ctx} title={t('payment.refund.buyer_title', { code })}>
      <BackLink href={`/don-hang/${encodeURIComponent(code)}`} label={t('orders.page.order', { code })} />
      <h1 safe>{t('payment.refund.buyer_title', { code })}</h1>
      <Confirmation text={p.saved && t('payment.refund.buyer_saved')} />
      {p.state ? <ErrorSummary state={p.state} t={t} /> : ''}
      {d.owed > 0n ? (
        <p class="notice" safe>
          {t('payment.refund.buyer_owed', { amount: money(d.owed) })}
        </p>
      ) : d.paid.length ? (
        <p class="notice ok" safe>
          {t('payment.refund.buyer_settled')}
        </p>
      ) : (
        <p class="muted" safe>
          {t('payment.refund.nothing_owed')}
        </p>
      )}
      {d.paid.length ? (
        <ul>
          {d.paid.map((r) => (
            <li safe>
              {t('payment.refund.buyer_paid', {
                amount: money(r.amount),
                date: formatDate(r.paidAt, locale, true),
              })}
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {d.owed > 0n && d.channel === 'vnpay' ? <p safe>{t('payment.refund.buyer_vnpay')}</p> : ''}
      {d.owed > 0n && d.channel === 'vietqr' ? (
        <>
          {given ? <p safe>{t('payment.refund.buyer_account_given', { account: given })}</p> : ''}
          <AccountForm ctx={ctx} d={d} state={p.state} />
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
