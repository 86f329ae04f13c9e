import type { Translate } from '../../../platform/http/i18n.js';
import { Confirmation, Csrf, ErrorSummary, Field, type FormState, Submit } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { PASSWORD_MIN } from '../passwords.js';

/** `?next=` carried through a form, so that signing in leads back to where the user was. */
function Next({ next }: { next: string }) {
  return next !== '/' ? <input type="hidden" name="next" value={next} /> : '';
}

const withNext = (path: string, next: string) =>
  next !== '/' ? `${path}?next=${encodeURIComponent(next)}` : path;

type PasswordProps = { state: FormState; t: Translate };

/** The password a user already has (sign-in, or to confirm a change). */
export function PasswordField({ name = 'password', ...p }: PasswordProps & { name?: string }) {
  return <Field {...p} name={name} type="password" required autocomplete="current-password" />;
}

/**
 * A password being chosen, with its rules as the hint (and `hint` after them). `label` names it
 * "new password", where the user has one already.
 */
export function NewPasswordField({
  state,
  t,
  label,
  hint,
}: PasswordProps & { label?: boolean; hint?: string }) {
  const rules = t('identity.password_hint', { min: PASSWORD_MIN });
  return (
    <Field
      name="password"
      state={state}
      t={t}
      type="password"
      required
      autocomplete="new-password"
      label={label ? t('label.newPassword') : undefined}
      hint={hint ? `${rules} ${hint}` : rules}
    />
  );
}

export function SignupPage({ ctx, state, next }: { ctx: PageCtx; state: FormState; next: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('identity.signup.title')}>
      <h1 safe>{t('identity.signup.title')}</h1>
      <ErrorSummary state={state} t={t} />
      <form method="post" action="/dang-ky" novalidate>
        <Csrf token={ctx.csrf()} />
        <Next next={next} />
        <Field name="fullName" state={state} t={t} required autocomplete="name" maxlength={100} />
        <p class="hint" safe>
          {t('identity.signup.contact_hint')}
        </p>
        <Field
          name="phone"
          state={state}
          t={t}
          type="tel"
          autocomplete="tel"
          inputmode="tel"
          hint={t('identity.phone_hint')}
        />
        <Field name="email" state={state} t={t} type="email" autocomplete="email" />
        <NewPasswordField state={state} t={t} />
        <Submit label={t('identity.signup.submit')} />
      </form>
      <p>
        <span safe>{t('identity.signup.have_account')}</span>{' '}
        <a href={withNext('/dang-nhap', next)} safe>
          {t('nav.signin')}
        </a>
      </p>
    </Layout>
  );
}

export function SigninPage({
  ctx,
  state,
  next,
  notice,
}: {
  ctx: PageCtx;
  state: FormState;
  next: string;
  notice?: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('identity.signin.title')}>
      <h1 safe>{t('identity.signin.title')}</h1>
      <Confirmation text={notice} />
      <ErrorSummary state={state} t={t} />
      <form method="post" action="/dang-nhap" novalidate>
        <Csrf token={ctx.csrf()} />
        <Next next={next} />
        <Field name="identifier" state={state} t={t} required autocomplete="username" />
        <PasswordField state={state} t={t} />
        <Submit label={t('identity.signin.submit')} />
      </form>
      <p>
        <a href="/quen-mat-khau" safe>
          {t('identity.forgot.link')}
        </a>
      </p>
      <p>
        <span safe>{t('identity.signin.no_account')}</span>{' '}
        <a href={withNext('/dang-ky', next)} safe>
          {t('nav.signup')}
        </a>
      </p>
    </Layout>
  );
}

export function ForgotPage({ ctx, state, sent }: { ctx: PageCtx; state: FormState; sent: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('identity.forgot.title')}>
      <h1 safe>{t('identity.forgot.title')}</h1>
      {sent ? (
        <p class="notice ok" role="status" safe>
          {t('identity.forgot.sent')}
        </p>
      ) : (
        <p safe>{t('identity.forgot.lead')}</p>
      )}
      <ErrorSummary state={state} t={t} />
      <form method="post" action="/quen-mat-khau" novalidate>
        <Csrf token={ctx.csrf()} />
        <Field name="identifier" state={state} t={t} required autocomplete="username" />
        <Submit label={t('identity.forgot.submit')} />
      </form>
      <p>
        <a href="/dang-nhap" safe>
          {t('nav.signin')}
        </a>
      </p>
    </Layout>
  );
}

export function ResetPage({
  ctx,
  state,
  token,
  usable,
}: {
  ctx: PageCtx;
  state: FormState;
  token: string;
  usable: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('identity.reset.title')}>
      <h1 safe>{t('identity.reset.title')}</h1>
      {usable ? (
        <>
          <ErrorSummary state={state} t={t} />
          <form method="post" action="/dat-lai-mat-khau" novalidate>
            <Csrf token={ctx.csrf()} />
            <input type="hidden" name="token" value={token} />
            <NewPasswordField state={state} t={t} label />
            <Submit label={t('identity.reset.submit')} />
          </form>
        </>
      ) : (
        <>
          <p class="notice error" safe>
            {t('identity.reset.invalid')}
          </p>
          <p>
            <a href="/quen-mat-khau" safe>
              {t('identity.reset.again')}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}
