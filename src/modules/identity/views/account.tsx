import { formatDate } from '../../../platform/http/i18n.js';
import {
  ButtonForm,
  Choices,
  Confirmation,
  Csrf,
  ErrorSummary,
  Field,
  type FormState,
  Select,
  Submit,
} from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Table } from '../../../web/table.js';
import type { Scope } from '../scopes.js';
import type { TokenView } from '../tokens.js';
import { NewPasswordField, PasswordField } from './auth.js';

interface Account {
  fullName: string;
  email: string | null;
  phone: string | null;
  role: string;
  createdAt: Date;
}

export function AccountPage({
  ctx,
  account,
  tokens,
  state,
  changed,
}: {
  ctx: PageCtx;
  account: Account;
  tokens: TokenView[];
  state: FormState;
  changed: boolean;
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('identity.account.title')}>
      <h1 safe>{t('identity.account.title')}</h1>
      <Confirmation text={changed && t('identity.password.changed')} />
      <dl class="facts">
        <dt safe>{t('label.fullName')}</dt>
        <dd safe>{account.fullName}</dd>
        <dt safe>{t('label.phone')}</dt>
        <dd safe>{account.phone ?? '—'}</dd>
        <dt safe>{t('label.email')}</dt>
        <dd safe>{account.email ?? '—'}</dd>
        <dt safe>{t('label.role')}</dt>
        <dd safe>{t(`role.${account.role}`)}</dd>
        <dt safe>{t('identity.account.since')}</dt>
        <dd safe>{formatDate(account.createdAt, locale)}</dd>
      </dl>
      <ul>
        {[
          ['/don-hang', 'orders.page.mine'],
          ['/tai-khoan/hoa-don', 'invoice.list.buyer_title'],
          ['/thong-bao', 'nav.notifications'],
        ].map(([href, key]) => (
          <li>
            <a href={href} safe>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
      <h2 safe>{t('identity.token.title')}</h2>
      {tokens.length ? (
        <ul>
          {tokens.map((k) => (
            <li>
              <strong safe>{k.name}</strong> <code safe>{`${k.prefix}…`}</code>{' '}
              <span class="muted" safe>
                {`${k.scopes.join(', ')} · ${t('identity.token.last_used')}: ${
                  k.lastUsedAt ? formatDate(k.lastUsedAt, locale, true) : t('identity.token.never_used')
                }`}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted" safe>
          {t('identity.token.none')}
        </p>
      )}
      <p>
        <a href="/tai-khoan/token" safe>
          {t('identity.token.manage')}
        </a>
      </p>
      <h2 id="doi-mat-khau" safe>
        {t('identity.password.change_title')}
      </h2>
      <ErrorSummary state={state} t={t} />
      <form method="post" action="/tai-khoan/mat-khau" novalidate>
        <Csrf token={ctx.csrf()} />
        <PasswordField state={state} t={t} name="currentPassword" />
        <NewPasswordField state={state} t={t} label hint={t('identity.password.others_signed_out')} />
        <Submit label={t('identity.password.change_submit')} />
      </form>
    </Layout>
  );
}

/** Expiry choices for a new token; empty means it does not expire. */
const EXPIRY_DAYS = ['30', '90', '365'];

export function TokensPage({
  ctx,
  tokens,
  allowedScopes,
  state,
  created,
}: {
  ctx: PageCtx;
  tokens: TokenView[];
  allowedScopes: readonly Scope[];
  state: FormState;
  created?: { token: string; name: string };
}) {
  const { t, locale } = ctx;
  const when = (d: Date | null) => (d ? formatDate(d, locale, true) : '—');
  return (
    <Layout ctx={ctx} title={t('identity.token.title')}>
      <h1 safe>{t('identity.token.title')}</h1>
      <p safe>{t('identity.token.lead')}</p>
      {created ? (
        <div class="notice ok" role="status">
          <p safe>{t('identity.token.created', { name: created.name })}</p>
          <p>
            <code safe>{created.token}</code>
          </p>
          <p>
            <strong safe>{t('identity.token.shown_once')}</strong>
          </p>
        </div>
      ) : (
        ''
      )}
      {tokens.length ? (
        <Table
          rows={tokens}
          columns={[
            { header: t('label.name'), text: (k) => k.name },
            { header: t('identity.token.prefix'), cell: (k) => <code safe>{`${k.prefix}…`}</code> },
            { header: t('label.scopes'), text: (k) => k.scopes.join(', ') },
            {
              header: t('identity.token.expires'),
              text: (k) => (k.expiresAt ? when(k.expiresAt) : t('identity.token.never')),
            },
            {
              header: t('identity.token.last_used'),
              text: (k) => (k.lastUsedAt ? when(k.lastUsedAt) : t('identity.token.never_used')),
            },
            {
              header: t('identity.token.status'),
              cell: (k) =>
                k.revokedAt ? (
                  <span class="badge rejected" safe>
                    {t('identity.token.revoked')}
                  </span>
                ) : k.expiresAt && k.expiresAt <= new Date() ? (
                  <span class="badge" safe>
                    {t('identity.token.expired')}
                  </span>
                ) : (
                  <ButtonForm
                    action={`/tai-khoan/token/${k.id}/thu-hoi`}
                    csrf={ctx.csrf()}
                    label={t('identity.token.revoke')}
                    class="danger"
                  />
                ),
            },
          ]}
        />
      ) : (
        <p class="muted" safe>
          {t('identity.token.none')}
        </p>
      )}
      <h2 safe>{t('identity.token.new')}</h2>
      <ErrorSummary state={state} t={t} />
      <form method="post" action="/tai-khoan/token" novalidate>
        <Csrf token={ctx.csrf()} />
        <Field name="name" state={state} t={t} required maxlength={80} hint={t('identity.token.name_hint')} />
        <Choices
          name="scopes"
          state={state}
          t={t}
          multiple
          required
          options={allowedScopes.map((s) => ({ value: s, label: `${s}: ${t(`scope.${s}`)}` }))}
        />
        <Select
          name="expiresInDays"
          state={state}
          t={t}
          placeholder={t('identity.token.never')}
          options={EXPIRY_DAYS.map((d) => ({ value: d, label: t('identity.token.days', { days: d }) }))}
        />
        <Submit label={t('identity.token.create')} />
      </form>
    </Layout>
  );
}
