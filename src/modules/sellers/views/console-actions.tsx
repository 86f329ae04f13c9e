import { Csrf, emptyForm, type FormState, TextArea } from '../../../web/forms.js';
import type { PageCtx } from '../../../web/page.js';
import { needsReason, type OfficerAction } from '../console-service.js';

/** The form an officer last sent, kept when it comes back with an error. */
export interface ActionFormState {
  action: OfficerAction;
  state: FormState;
}

/** The field id of an action's reason: each form on the page needs its own. */
export const reasonField = (action: OfficerAction) => `reason-${action}`;

const DANGER: readonly OfficerAction[] = ['reject', 'suspend', 'terminate'];

/** One decision: a reason box (a note for approval, where it is optional) and its button. */
function ActionForm(p: { ctx: PageCtx; sellerId: string; action: OfficerAction; sent?: ActionFormState }) {
  const { t } = p.ctx;
  return (
    <form
      method="post"
      action={`/quan-ly/ho-so/${p.sellerId}/${p.action}`}
      class="group"
      id={`action-${p.action}`}
    >
      <Csrf token={p.ctx.csrf()} />
      <TextArea
        name="reason"
        field={reasonField(p.action)}
        state={p.sent?.action === p.action ? p.sent.state : emptyForm()}
        t={t}
        hint={t('console.reason_hint')}
        rows={3}
        maxlength={2000}
        required={needsReason(p.action)}
      />
      <button type="submit" class={DANGER.includes(p.action) ? 'danger' : undefined} safe>
        {t(`console.action.${p.action}`)}
      </button>
    </form>
  );
}

export function ActionForms(p: {
  ctx: PageCtx;
  sellerId: string;
  actions: OfficerAction[];
  sent?: ActionFormState;
}) {
  const { t } = p.ctx;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title" safe>
        {t('console.detail.actions')}
      </h2>
      {p.actions.length ? (
        p.actions.map((a) => <ActionForm ctx={p.ctx} sellerId={p.sellerId} action={a} sent={p.sent} />)
      ) : (
        <p class="muted" safe>
          {t('console.detail.no_actions')}
        </p>
      )}
    </section>
  );
}
