import { formatDate, formatMoney } from '../../../platform/http/i18n.js';
import { Csrf, ErrorSummary, Field, type FormState, Submit } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import type { Verification } from '../verify.js';

function Result({ ctx, result }: { ctx: PageCtx; result: Verification }) {
  const { t, locale } = ctx;
  const ok = result.verdict === 'authentic';
  const c = result.contract;
  return (
    <section aria-labelledby="verify-result" id="ket-qua">
      <h2 id="verify-result" safe>
        {t('contract.verify.result')}
      </h2>
      <p class={ok ? 'notice ok' : 'notice error'} role="status" data-verdict={result.verdict} safe>
        {t(`contract.verdict.${result.verdict}`)}
      </p>
      {result.verdict === 'unreadable' ? (
        ''
      ) : (
        <dl class="facts">
          {(['hash', 'signature', 'record'] as const).map((k) => (
            <>
              <dt safe>{t(`contract.check.${k}`)}</dt>
              <dd data-check={k} data-outcome={result.checks[k]} safe>
                {t(`contract.check.${k}.${result.checks[k]}`)}
              </dd>
            </>
          ))}
        </dl>
      )}
      {result.differences.length ? (
        <>
          <h3 safe>{t('contract.differences')}</h3>
          <ul class="differences">
            {result.differences.map((d) => (
              <li>
                <code safe>{d}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {c ? (
        <>
          <h3 safe>{t('contract.on_record')}</h3>
          <dl class="facts">
            <dt safe>{t('contract.code')}</dt>
            <dd safe>{`${c.code} (${c.orderCode})`}</dd>
            <dt safe>{t('contract.seller')}</dt>
            <dd safe>{c.sellerName}</dd>
            <dt safe>{t('contract.total')}</dt>
            <dd safe>{/^\d+$/.test(c.total) ? formatMoney(BigInt(c.total), locale) : c.total}</dd>
            <dt safe>{t('contract.signed_at')}</dt>
            <dd safe>{formatDate(c.signedAt, locale, true)}</dd>
            <dt safe>{t('contract.hash')}</dt>
            <dd>
              <code safe>{c.hash}</code>
            </dd>
            <dt safe>{t('contract.key_id')}</dt>
            <dd>
              <a href={`/hop-dong/khoa-cong-khai?khoa=${encodeURIComponent(c.keyId)}`}>
                <code safe>{c.keyId}</code>
              </a>
            </dd>
          </dl>
        </>
      ) : (
        ''
      )}
    </section>
  );
}

/** The public check: a contract file, or a code; the result below the form. */
export function VerifyPage({
  ctx,
  state,
  result,
}: {
  ctx: PageCtx;
  state: FormState;
  result?: Verification;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('contract.verify.title')}>
      <h1 safe>{t('contract.verify.title')}</h1>
      <p safe>{t('contract.verify.intro')}</p>
      <ErrorSummary state={state} t={t} />
      <form method="post" action="/hop-dong/kiem-tra" enctype="multipart/form-data" novalidate>
        <Csrf token={ctx.csrf()} />
        <Field name="contract_file" type="file" state={state} t={t} />
        <Field
          name="contract_code"
          hint={t('contract.verify.code_hint')}
          state={state}
          t={t}
          maxlength={40}
          autocomplete="off"
        />
        <Submit label={t('contract.verify.submit')} />
      </form>
      {result ? <Result ctx={ctx} result={result} /> : ''}
      <p>
        <a href="/hop-dong/khoa-cong-khai" safe>
          {t('contract.public_key')}
        </a>
      </p>
    </Layout>
  );
}
