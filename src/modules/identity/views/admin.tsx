import type { Children } from '@kitajs/html';
import { formatDate } from '../../../platform/http/i18n.js';
import {
  Confirmation,
  Csrf,
  ErrorSummary,
  Field,
  type FormState,
  Select,
  Submit,
  TextArea,
} from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Pager } from '../../../web/pager.js';
import { Table } from '../../../web/table.js';
import { ROLES } from '../scopes.js';

interface UserRow {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  role: string;
  createdAt: Date;
  disabledAt: Date | null;
}

function Status({ ctx, user }: { ctx: PageCtx; user: UserRow }) {
  return user.disabledAt ? (
    <span class="badge suspended" safe>
      {ctx.t('identity.admin.disabled')}
    </span>
  ) : (
    <span class="badge ok" safe>
      {ctx.t('identity.admin.active')}
    </span>
  );
}

function UsersTable({ ctx, users }: { ctx: PageCtx; users: UserRow[] }) {
  const { t, locale } = ctx;
  if (!users.length) {
    return (
      <p class="muted" safe>
        {t('identity.admin.no_users')}
      </p>
    );
  }
  return (
    <Table
      rows={users}
      columns={[
        {
          header: t('label.fullName'),
          cell: (u) => (
            <a href={`/quan-tri/nguoi-dung/${u.id}`} safe>
              {u.fullName}
            </a>
          ),
        },
        { header: t('label.phone'), text: (u) => u.phone ?? '' },
        { header: t('label.email'), text: (u) => u.email ?? '' },
        { header: t('label.role'), text: (u) => t(`role.${u.role}`) },
        { header: t('identity.admin.status'), cell: (u) => <Status ctx={ctx} user={u} /> },
        { header: t('identity.admin.created'), text: (u) => formatDate(u.createdAt, locale) },
      ]}
    />
  );
}

const roleOptions = (ctx: PageCtx) => ROLES.map((r) => ({ value: r, label: ctx.t(`role.${r}`) }));

export function AdminHome({
  ctx,
  result,
  filters,
}: {
  ctx: PageCtx;
  result: { items: UserRow[]; total: number; page: number; pages: number };
  filters: { q?: string; role?: string };
}) {
  const { t } = ctx;
  const state = { values: filters, errors: [] };
  const pageLink = (p: number) => {
    const qs = new URLSearchParams({
      ...(filters.q ? { q: filters.q } : {}),
      ...(filters.role ? { role: filters.role } : {}),
      page: String(p),
    });
    return `/quan-tri?${qs}`;
  };
  return (
    <Layout ctx={ctx} title={t('identity.admin.title')}>
      <h1 safe>{t('identity.admin.title')}</h1>
      <p>
        <a href="/quan-tri/can-bo" safe>
          {t('identity.officers.title')}
        </a>
      </p>
      <h2 safe>{t('identity.admin.users')}</h2>
      <form method="get" action="/quan-tri" class="filters">
        <Field name="q" state={state} t={t} type="search" />
        <Select
          name="role"
          state={state}
          t={t}
          placeholder={t('identity.admin.all_roles')}
          options={roleOptions(ctx)}
        />
        <button type="submit" safe>
          {t('identity.admin.search')}
        </button>
      </form>
      <p class="muted" safe>
        {t('identity.admin.count', { total: result.total })}
      </p>
      <UsersTable ctx={ctx} users={result.items} />
      <Pager t={t} page={result.page} pages={result.pages} href={pageLink} />
    </Layout>
  );
}

export function UserPage({ ctx, user, self }: { ctx: PageCtx; user: UserRow; self: boolean }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={user.fullName}>
      <p>
        <a href="/quan-tri" safe>
          {t('identity.admin.back')}
        </a>
      </p>
      <h1 safe>{user.fullName}</h1>
      <dl class="facts">
        <dt safe>{t('label.phone')}</dt>
        <dd safe>{user.phone ?? '—'}</dd>
        <dt safe>{t('label.email')}</dt>
        <dd safe>{user.email ?? '—'}</dd>
        <dt safe>{t('label.role')}</dt>
        <dd safe>{t(`role.${user.role}`)}</dd>
        <dt safe>{t('identity.admin.status')}</dt>
        <dd>
          <Status ctx={ctx} user={user} />
        </dd>
        <dt safe>{t('identity.admin.created')}</dt>
        <dd safe>{formatDate(user.createdAt, locale, true)}</dd>
      </dl>
      {self ? (
        <p class="notice" safe>
          {t('identity.admin.not_self')}
        </p>
      ) : (
        <p class="actions">
          <a class="button secondary" href={`/quan-tri/nguoi-dung/${user.id}/vai-tro`} safe>
            {t('identity.admin.change_role')}
          </a>
          <a class="button secondary" href={`/quan-tri/nguoi-dung/${user.id}/trang-thai`} safe>
            {t(user.disabledAt ? 'identity.admin.enable' : 'identity.admin.disable')}
          </a>
        </p>
      )}
    </Layout>
  );
}

function ReasonForm({
  ctx,
  action,
  state,
  submit,
  danger,
  children,
}: {
  ctx: PageCtx;
  action: string;
  state: FormState;
  submit: string;
  danger?: boolean;
  children?: Children;
}) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary state={state} t={t} />
      <form method="post" action={action} novalidate>
        <Csrf token={ctx.csrf()} />
        {children}
        <TextArea
          name="reason"
          state={state}
          t={t}
          required
          maxlength={500}
          hint={t('identity.admin.reason_hint')}
        />
        <Submit label={submit} danger={danger} />
      </form>
    </>
  );
}

/** A page for one decision about a user: a link back to the user, the title, the form. */
function DecisionPage({
  ctx,
  user,
  title,
  children,
}: {
  ctx: PageCtx;
  user: UserRow;
  title: string;
  children: Children;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/quan-tri/nguoi-dung/${user.id}`} safe>
          {user.fullName}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {children}
    </Layout>
  );
}

export function RolePage({ ctx, user, state }: { ctx: PageCtx; user: UserRow; state: FormState }) {
  const { t } = ctx;
  return (
    <DecisionPage ctx={ctx} user={user} title={t('identity.admin.role_title', { name: user.fullName })}>
      <ReasonForm
        ctx={ctx}
        action={`/quan-tri/nguoi-dung/${user.id}/vai-tro`}
        state={state}
        submit={t('form.save')}
      >
        <Select name="role" state={state} t={t} required options={roleOptions(ctx)} />
      </ReasonForm>
    </DecisionPage>
  );
}

export function StatusPage({ ctx, user, state }: { ctx: PageCtx; user: UserRow; state: FormState }) {
  const { t } = ctx;
  const disabling = !user.disabledAt;
  const title = t(disabling ? 'identity.admin.disable_title' : 'identity.admin.enable_title', {
    name: user.fullName,
  });
  return (
    <DecisionPage ctx={ctx} user={user} title={title}>
      <p safe>{t(disabling ? 'identity.admin.disable_lead' : 'identity.admin.enable_lead')}</p>
      <ReasonForm
        ctx={ctx}
        action={`/quan-tri/nguoi-dung/${user.id}/trang-thai`}
        state={state}
        danger={disabling}
        submit={t(disabling ? 'identity.admin.disable' : 'identity.admin.enable')}
      />
    </DecisionPage>
  );
}

export function OfficersPage({
  ctx,
  officers,
  state,
  created,
}: {
  ctx: PageCtx;
  officers: UserRow[];
  state: FormState;
  created: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('identity.officers.title')}>
      <p>
        <a href="/quan-tri" safe>
          {t('identity.admin.back')}
        </a>
      </p>
      <h1 safe>{t('identity.officers.title')}</h1>
      <Confirmation text={created && t('identity.officers.created')} />
      <UsersTable ctx={ctx} users={officers} />
      <h2 safe>{t('identity.officers.new')}</h2>
      <p safe>{t('identity.officers.lead')}</p>
      <ErrorSummary state={state} t={t} />
      <form method="post" action="/quan-tri/can-bo" novalidate>
        <Csrf token={ctx.csrf()} />
        <Field name="fullName" state={state} t={t} required maxlength={100} />
        <Field name="email" state={state} t={t} type="email" required />
        <Field name="phone" state={state} t={t} type="tel" inputmode="tel" hint={t('identity.phone_hint')} />
        <Submit label={t('identity.officers.create')} />
      </form>
    </Layout>
  );
}
