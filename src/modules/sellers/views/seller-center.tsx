import { formatDate } from '../../../platform/http/i18n.js';
import { Confirmation, type FormState } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Timeline } from '../../../web/timeline.js';
import type { SellerStatus } from '../lifecycle.js';
import { legalFormLabel, statusLabel } from '../reference.js';
import type { Seller } from '../service.js';
import {
  SELLER_VERIFICATION_PATH,
  VerificationStatus,
  type VerificationView,
} from '../verification/index.js';
import { type StaffList, StaffSection } from './seller-center-staff.js';

export interface HistoryEntry {
  fromStatus: SellerStatus | null;
  toStatus: SellerStatus;
  reason: string | null;
  at: Date;
  /** Made by an officer of the Department (not by the shop). */
  byOfficer: boolean;
}

export interface ShopView {
  seller: Seller;
  role: 'owner' | 'staff';
  history: HistoryEntry[];
  documents: { kind: string; fileId: string; name: string }[];
  verification: VerificationView;
  /** Start of a VNeID check, when VNeID is configured. */
  vneidUrl?: string;
  /** Members and invitations, for the owner. */
  staff?: StaffList;
  /** The invitation form as posted, when it had errors. */
  inviteState?: FormState;
}

export const doneNotices = ['draft', 'submitted', 'invited', 'joined', 'removed', 'cancelled'] as const;
export type DoneNotice = (typeof doneNotices)[number];

/** What the shop can do next, by status; the officer's reason where there is one. */
function NextStep({ ctx, shop }: { ctx: PageCtx; shop: ShopView }) {
  const { t } = ctx;
  const s = shop.seller;
  const lastReason = [...shop.history].reverse().find((h) => h.toStatus === s.status)?.reason ?? null;
  const owner = shop.role === 'owner';
  const editLink = owner ? (
    <a class="button" href="/kenh-ban-hang/dang-ky" safe>
      {t(s.status === 'draft' ? 'seller.center.continue' : 'seller.center.edit_resubmit')}
    </a>
  ) : (
    ''
  );
  const cls =
    s.status === 'approved'
      ? 'notice ok'
      : ['draft', 'submitted'].includes(s.status)
        ? 'notice'
        : 'notice warn';
  return (
    <div class={cls}>
      <p safe>{t(`seller.center.next.${s.status}`)}</p>
      {lastReason && s.status !== 'draft' && s.status !== 'submitted' ? (
        <p>
          <strong safe>{`${t('seller.center.reason')}: `}</strong>
          <span safe>{lastReason}</span>
        </p>
      ) : (
        ''
      )}
      {s.status === 'draft' || s.status === 'needs_changes' ? <p>{editLink}</p> : ''}
      {s.status === 'approved' ? (
        <p>
          <a href={`/cua-hang/${s.slug}`} safe>
            {t('seller.center.storefront')}
          </a>
        </p>
      ) : (
        ''
      )}
      {['rejected', 'terminated'].includes(s.status) ? (
        ''
      ) : (
        <p>
          <a href={`/kenh-ban-hang/san-pham?shop=${s.id}`} safe>
            {t('catalog.center.products')}
          </a>
        </p>
      )}
      {['rejected', 'terminated'].includes(s.status) ? (
        ''
      ) : (
        <p>
          <a href={`/kenh-ban-hang/giao-hang?shop=${s.id}`} safe>
            {t('shipping.title')}
          </a>
        </p>
      )}
      {s.status === 'draft' ? (
        ''
      ) : (
        <>
          <p>
            <a href={`/kenh-ban-hang/don-hang?shop=${s.id}`} safe>
              {t('orders.seller.title')}
            </a>
          </p>
          <p>
            <a href={`/kenh-ban-hang/so-du?shop=${s.id}`} safe>
              {t('ledger.balance.title')}
            </a>
          </p>
          <p>
            <a href={`/kenh-ban-hang/hoa-don?shop=${s.id}`} safe>
              {t('invoice.list.seller_title')}
            </a>
          </p>
        </>
      )}
    </div>
  );
}

function History({ ctx, history }: { ctx: PageCtx; history: HistoryEntry[] }) {
  const { t } = ctx;
  return (
    <Timeline
      locale={ctx.locale}
      reasonLabel={t('seller.center.reason')}
      badge={(status) => (
        <span class={`badge ${status}`} safe>
          {statusLabel(t, status)}
        </span>
      )}
      steps={history.map((h) => ({
        at: h.at,
        status: h.toStatus,
        by: t(h.byOfficer ? 'seller.center.by_officer' : 'seller.center.by_shop'),
        reason: h.reason,
      }))}
    />
  );
}

function Shop({ ctx, shop }: { ctx: PageCtx; shop: ShopView }) {
  const { t, locale } = ctx;
  const s = shop.seller;
  return (
    <section aria-labelledby={`shop-${s.id}`}>
      <h2 id={`shop-${s.id}`}>
        <span safe>{s.shopName}</span>{' '}
        <span class={`badge ${s.status}`} safe>
          {statusLabel(t, s.status)}
        </span>
      </h2>
      <dl class="facts">
        <dt safe>{t('label.legalForm')}</dt>
        <dd safe>{legalFormLabel(t, s.legalForm)}</dd>
        <dt safe>{t('label.taxCode')}</dt>
        <dd safe>{s.taxCode ?? '—'}</dd>
        <dt safe>{t('seller.center.your_role')}</dt>
        <dd safe>{t(`seller.role.${shop.role}`)}</dd>
        {s.submittedAt ? (
          <>
            <dt safe>{t('seller.center.submitted_at')}</dt>
            <dd safe>{formatDate(s.submittedAt, locale, true)}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <NextStep ctx={ctx} shop={shop} />
      {['rejected', 'terminated'].includes(s.status) ? (
        ''
      ) : (
        <>
          <h3 safe>{t('seller.center.verification')}</h3>
          <VerificationStatus
            ctx={ctx}
            verification={shop.verification}
            vneidUrl={shop.vneidUrl}
            showRevocation
          />
          <p>
            <a href={`${SELLER_VERIFICATION_PATH}?seller=${s.id}`} safe>
              {t('seller.center.verification_details')}
            </a>
          </p>
        </>
      )}
      <h3 safe>{t('seller.center.history')}</h3>
      {shop.history.length ? (
        <History ctx={ctx} history={shop.history} />
      ) : (
        <p class="muted" safe>
          {t('seller.center.no_history')}
        </p>
      )}
      <h3 safe>{t('seller.center.documents')}</h3>
      {shop.documents.length ? (
        <ul>
          {shop.documents.map((d) => (
            <li>
              <span safe>{`${t(`seller.document.${d.kind}`)}: `}</span>
              <a href={`/tep/${d.fileId}`} safe>
                {d.name}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted" safe>
          {t('seller.center.no_documents')}
        </p>
      )}
      {shop.staff ? (
        <StaffSection ctx={ctx} sellerId={s.id} staff={shop.staff} state={shop.inviteState} />
      ) : (
        ''
      )}
    </section>
  );
}

/** The seller centre: the user's shops (usually one) with status, history and next step. */
export function SellerCenterPage({
  ctx,
  shops,
  done,
}: {
  ctx: PageCtx;
  shops: ShopView[];
  done?: DoneNotice;
}) {
  const { t } = ctx;
  const inProgress = shops.some(
    (x) => x.role === 'owner' && ['draft', 'submitted', 'needs_changes'].includes(x.seller.status),
  );
  return (
    <Layout ctx={ctx} title={t('seller.center.title')}>
      <h1 safe>{t('seller.center.title')}</h1>
      <Confirmation text={done && t(`seller.center.done.${done}`)} />
      {shops.length ? '' : <p safe>{t('seller.center.none')}</p>}
      {shops.map((shop) => (
        <Shop ctx={ctx} shop={shop} />
      ))}
      {inProgress ? (
        ''
      ) : (
        <p>
          <a class="button" href="/kenh-ban-hang/dang-ky" safe>
            {t('seller.center.apply')}
          </a>
        </p>
      )}
    </Layout>
  );
}
