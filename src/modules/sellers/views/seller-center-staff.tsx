import { formatDate } from '../../../platform/http/i18n.js';
import { ButtonForm, Csrf, ErrorSummary, emptyForm, Field, type FormState } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';

export interface StaffList {
  members: { userId: string; role: 'owner' | 'staff'; fullName: string; email: string | null }[];
  invites: { id: string; email: string; expiresAt: Date }[];
}

/** The owner's view of who runs the shop: members, pending invitations, and the invite form. */
export function StaffSection({
  ctx,
  sellerId,
  staff,
  state,
}: {
  ctx: PageCtx;
  sellerId: string;
  staff: StaffList;
  state?: FormState;
}) {
  const { t, locale } = ctx;
  const form = state ?? emptyForm();
  return (
    <>
      <h3 safe>{t('seller.staff.title')}</h3>
      <ul>
        {staff.members.map((m) => (
          <li>
            <span
              safe
            >{`${m.fullName}${m.email ? ` <${m.email}>` : ''} — ${t(`seller.role.${m.role}`)}`}</span>
            {m.role === 'staff' ? (
              <>
                {' '}
                <ButtonForm
                  action={`/kenh-ban-hang/${sellerId}/nhan-vien/${m.userId}/xoa`}
                  csrf={ctx.csrf()}
                  label={t('seller.staff.remove')}
                  class="link"
                />
              </>
            ) : (
              ''
            )}
          </li>
        ))}
        {staff.invites.map((i) => (
          <li>
            <span
              safe
            >{`${i.email} — ${t('seller.staff.pending', { date: formatDate(i.expiresAt, locale) })}`}</span>{' '}
            <ButtonForm
              action={`/kenh-ban-hang/${sellerId}/loi-moi/${i.id}/huy`}
              csrf={ctx.csrf()}
              label={t('seller.staff.cancel')}
              class="link"
            />
          </li>
        ))}
      </ul>
      <ErrorSummary state={form} t={t} />
      <form method="post" action={`/kenh-ban-hang/${sellerId}/nhan-vien`}>
        <Csrf token={ctx.csrf()} />
        <Field
          name="email"
          type="email"
          state={form}
          t={t}
          label={t('seller.staff.email')}
          hint={t('seller.staff.hint')}
        />
        <button type="submit" safe>
          {t('seller.staff.invite')}
        </button>
      </form>
    </>
  );
}

/** The page an invitation link opens: the shop's name and a button to join it. */
export function InvitePage({ ctx, token, shopName }: { ctx: PageCtx; token: string; shopName?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('seller.invite.title')}>
      <h1 safe>{t('seller.invite.title')}</h1>
      {shopName ? (
        <form method="post" action="/kenh-ban-hang/loi-moi">
          <p safe>{t('seller.invite.lead', { shop: shopName })}</p>
          <Csrf token={ctx.csrf()} />
          <input type="hidden" name="token" value={token} />
          <button type="submit" safe>
            {t('seller.invite.accept')}
          </button>
        </form>
      ) : (
        <p class="notice error" safe>
          {t('seller.invite.invalid')}
        </p>
      )}
    </Layout>
  );
}
