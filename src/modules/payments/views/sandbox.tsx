import { formatMoney } from '../../../platform/http/i18n.js';
import { Csrf } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { SANDBOX_SUBMIT_PATH } from '../sandbox.js';
import type { VnpParams } from '../vnpay.js';

/**
 * The built-in gateway's card page: it says plainly that it is a test, shows what is being
 * paid, and carries the signed request on to the "pay", "fail" or "cancel" answer.
 */
export function SandboxPage({ ctx, params }: { ctx: PageCtx; params: VnpParams }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('payment.sandbox.title')}>
      <h1 safe>{t('payment.sandbox.title')}</h1>
      <p class="notice warn" safe>
        {t('payment.sandbox.warning')}
      </p>
      <dl class="facts">
        <dt safe>{t('payment.sandbox.merchant')}</dt>
        <dd safe>{params.vnp_TmnCode ?? ''}</dd>
        <dt safe>{t('payment.field.amount')}</dt>
        <dd class="price big" safe>
          {formatMoney(BigInt(params.vnp_Amount ?? '0') / 100n, locale)}
        </dd>
        <dt safe>{t('payment.sandbox.order_info')}</dt>
        <dd safe>{params.vnp_OrderInfo ?? ''}</dd>
        <dt safe>{t('payment.sandbox.txn_ref')}</dt>
        <dd safe>{params.vnp_TxnRef ?? ''}</dd>
      </dl>
      <form method="post" action={SANDBOX_SUBMIT_PATH}>
        <Csrf token={ctx.csrf()} />
        {Object.entries(params).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <div class="field">
          <label for="card" safe>
            {t('payment.sandbox.card')}
          </label>
          <input id="card" value="9704 1985 2619 1432 198" readonly autocomplete="off" />
        </div>
        <div class="field">
          <label for="holder" safe>
            {t('payment.sandbox.holder')}
          </label>
          <input id="holder" value="NGUYEN VAN A" readonly autocomplete="off" />
        </div>
        <p class="actions">
          <button type="submit" name="result" value="success" safe>
            {t('payment.sandbox.pay')}
          </button>
          <button type="submit" name="result" value="failure" class="secondary" safe>
            {t('payment.sandbox.fail')}
          </button>
          <button type="submit" name="result" value="cancel" class="secondary" safe>
            {t('payment.sandbox.cancel')}
          </button>
        </p>
      </form>
    </Layout>
  );
}

/** A request the gateway refuses (wrong signature, unknown merchant). */
export function SandboxRefused({ ctx, why }: { ctx: PageCtx; why: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('payment.sandbox.title')}>
      <h1 safe>{t('payment.sandbox.title')}</h1>
      <p class="notice error" role="alert" safe>
        {t(`payment.sandbox.refused.${why}`)}
      </p>
    </Layout>
  );
}
