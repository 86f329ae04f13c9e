import { Csrf, ErrorSummary, emptyForm, type FormState, TextArea } from '../../../../web/forms.js';
import type { PageCtx } from '../../../../web/page.js';
import type { VerificationView } from '../service.js';
import { VerificationStatus } from './status.js';

interface Props {
  ctx: PageCtx;
  verification: VerificationView;
  /** The documents form as typed, with its errors (after a refused post). */
  verifyForm?: FormState;
  revokeForm?: FormState;
}

export const officerVerificationPath = (sellerId: string) => `/quan-ly/ho-so/${sellerId}/xac-minh`;

/** The officer's one form at a time: a text to record with the decision, and its button. */
function NoteForm(p: {
  ctx: PageCtx;
  action: string;
  name: string;
  state?: FormState;
  hint: string;
  submit: string;
  danger?: boolean;
}) {
  return (
    <form method="post" action={p.action} novalidate>
      <Csrf token={p.ctx.csrf()} />
      <TextArea
        name={p.name}
        state={p.state ?? emptyForm()}
        t={p.ctx.t}
        hint={p.hint}
        required
        maxlength={1000}
        rows={3}
      />
      <button type="submit" class={p.danger ? 'danger' : undefined} safe>
        {p.submit}
      </button>
    </form>
  );
}

/**
 * The officer's view of a seller's identity verification: how it was verified and by whom,
 * the form to record a documents check, or the form to withdraw the verification.
 */
export function VerificationPanel({ ctx, verification: v, verifyForm, revokeForm }: Props) {
  const { t } = ctx;
  const action = officerVerificationPath(v.sellerId);
  return (
    <section class="verification-panel" aria-labelledby="verification-title">
      <h2 id="verification-title" safe>
        {t('verify.panel.title')}
      </h2>
      {/* One summary for both forms: a refused action may leave the other form on the page. */}
      <ErrorSummary state={verifyForm ?? revokeForm ?? emptyForm()} t={t} />
      <VerificationStatus ctx={ctx} verification={v} showRevocation />
      {v.documents ? (
        <dl class="facts">
          <dt safe>{t('verify.detail.officer')}</dt>
          <dd safe>{v.documents.officerName ?? v.documents.officerId}</dd>
          <dt safe>{t('verify.detail.note')}</dt>
          <dd safe>{v.documents.note}</dd>
        </dl>
      ) : (
        ''
      )}
      {v.oidc ? (
        <dl class="facts">
          <dt safe>{t('verify.detail.issuer')}</dt>
          <dd safe>{v.oidc.issuer}</dd>
          <dt safe>{t('verify.detail.subject')}</dt>
          <dd safe>{v.oidc.subject}</dd>
          <dt safe>{t('verify.detail.name')}</dt>
          <dd safe>{v.oidc.name}</dd>
        </dl>
      ) : (
        ''
      )}
      {v.method ? (
        <NoteForm
          ctx={ctx}
          action={`${action}/thu-hoi`}
          name="reason"
          state={revokeForm}
          hint={t('verify.revoke.hint')}
          submit={t('verify.revoke.submit')}
          danger
        />
      ) : (
        <NoteForm
          ctx={ctx}
          action={action}
          name="note"
          state={verifyForm}
          hint={t('verify.documents.hint')}
          submit={t('verify.documents.submit')}
        />
      )}
    </section>
  );
}
