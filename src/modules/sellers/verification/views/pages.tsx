import type { FormState } from '../../../../web/forms.js';
import { Layout } from '../../../../web/layout.js';
import type { PageCtx } from '../../../../web/page.js';
import type { VerificationSubject, VerificationView } from '../service.js';
import type { Refusal } from '../verifier.js';
import { VerificationPanel } from './panel.js';
import { VerificationStatus } from './status.js';

function Facts({ ctx, seller }: { ctx: PageCtx; seller: VerificationSubject }) {
  const { t } = ctx;
  return (
    <dl class="facts">
      <dt safe>{t('verify.detail.shop')}</dt>
      <dd safe>{seller.shopName}</dd>
      <dt safe>{t('verify.detail.rep')}</dt>
      <dd safe>{seller.repName ?? ''}</dd>
      <dt safe>{t('verify.detail.citizen_id')}</dt>
      <dd safe>{seller.repCitizenId ?? ''}</dd>
    </dl>
  );
}

/** The officer's page for one seller's verification; the console's detail page embeds the same panel. */
export function OfficerVerificationPage(p: {
  ctx: PageCtx;
  seller: VerificationSubject;
  verification: VerificationView;
  verifyForm?: FormState;
  revokeForm?: FormState;
}) {
  const { ctx, seller } = p;
  return (
    <Layout ctx={ctx} title={ctx.t('verify.title')}>
      <p>
        <a href={`/quan-ly/ho-so/${seller.id}`} safe>
          {seller.shopName}
        </a>
      </p>
      <h1 safe>{ctx.t('verify.title')}</h1>
      <Facts ctx={ctx} seller={seller} />
      <VerificationPanel
        ctx={ctx}
        verification={p.verification}
        verifyForm={p.verifyForm}
        revokeForm={p.revokeForm}
      />
    </Layout>
  );
}

export type Result = 'ok' | Refusal;

/** The seller's page: how the shop is verified, the VNeID button, and the outcome of the last attempt. */
export function SellerVerificationPage(p: {
  ctx: PageCtx;
  seller: VerificationSubject;
  verification: VerificationView;
  vneidUrl?: string;
  result?: Result;
}) {
  const { ctx, seller, verification, vneidUrl, result } = p;
  const { t } = ctx;
  // "ok" is only believed when the record says so: the query string is the user's to type.
  const shown = result === 'ok' && verification.method !== 'oidc' ? undefined : result;
  return (
    <Layout ctx={ctx} title={t('verify.title')}>
      <h1 safe>{t('verify.title')}</h1>
      {shown ? (
        <p
          class={`notice ${shown === 'ok' ? 'ok' : 'error'}`}
          role={shown === 'ok' ? 'status' : 'alert'}
          safe
        >
          {t(`verify.result.${shown}`)}
        </p>
      ) : (
        ''
      )}
      <p safe>{t('verify.lead')}</p>
      <Facts ctx={ctx} seller={seller} />
      <VerificationStatus ctx={ctx} verification={verification} vneidUrl={vneidUrl} showRevocation />
      {vneidUrl && verification.method !== 'oidc' ? (
        <p class="hint" safe>
          {t('verify.vneid.hint', { name: seller.repName ?? '' })}
        </p>
      ) : (
        ''
      )}
      {vneidUrl ? '' : <p safe>{t('verify.vneid.unavailable')}</p>}
      <p>
        <a href="/kenh-ban-hang" safe>
          {t('verify.back')}
        </a>
      </p>
    </Layout>
  );
}
