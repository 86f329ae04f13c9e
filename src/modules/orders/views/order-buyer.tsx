import { formatDate } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Pager } from '../../../web/pager.js';
import type { RefundStatus } from '../../payments/index.js';
import type { OrderRow } from '../order-queries.js';
import { OrderPage, type OrderPageProps, ordersCss } from './order-page.js';
import { itemsText, money, StatusBadge } from './order-parts.js';

export interface OrderList {
  items: OrderRow[];
  total: number;
  page: number;
  pages: number;
}

/** Rows of one checkout, in the order they came. */
function byCheckout(items: OrderRow[]): OrderRow[][] {
  const groups: OrderRow[][] = [];
  for (const r of items) {
    const last = groups.at(-1);
    if (last && last[0].checkoutId === r.checkoutId) last.push(r);
    else groups.push([r]);
  }
  return groups;
}

/** The buyer's orders, newest first, those of one checkout together under the day it was placed. */
export function BuyerOrdersPage({ ctx, list }: { ctx: PageCtx; list: OrderList }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('orders.page.mine')} head={ordersCss()}>
      <h1 safe>{t('orders.page.mine')}</h1>
      {list.items.length ? (
        byCheckout(list.items).map((group) => (
          <section
            class="checkout-group"
            aria-label={t('orders.page.checkout', { date: formatDate(group[0].placedAt, locale, true) })}
          >
            <h2 safe>{t('orders.page.checkout', { date: formatDate(group[0].placedAt, locale, true) })}</h2>
            <ul class="order-list">
              {group.map((r) => (
                <li data-code={r.code}>
                  <a href={`/don-hang/${r.code}`} safe>
                    {t('orders.page.order', { code: r.code })}
                  </a>{' '}
                  <StatusBadge ctx={ctx} status={r.status} />
                  <br />
                  <span safe>{`${r.shopName} · ${itemsText(ctx, r)} · ${money(ctx, r.total)}`}</span>
                </li>
              ))}
            </ul>
          </section>
        ))
      ) : (
        <p class="notice" safe>
          {t('orders.page.none')}
        </p>
      )}
      <Pager t={t} page={list.page} pages={list.pages} href={(p) => `/don-hang?page=${p}`} />
    </Layout>
  );
}

/** Money of the order given back: still owed (with the way to give the account for it) or paid. */
function RefundNotice({ ctx, refund, vietqr }: { ctx: PageCtx; refund: RefundStatus; vietqr: boolean }) {
  const { t } = ctx;
  const owed = refund.owed > 0n;
  return (
    <p class={owed ? 'notice' : 'notice ok'}>
      <span safe>
        {owed
          ? t('payment.refund.order_owed', { amount: money(ctx, refund.owed) })
          : t('payment.refund.order_paid', { amount: money(ctx, refund.paid) })}
      </span>{' '}
      <a href={refund.page} safe>
        {t(owed && vietqr ? 'payment.refund.order_give_account' : 'payment.refund.order_link')}
      </a>
    </p>
  );
}

/** One of the buyer's orders: what was bought, where it stands, its history, what the buyer may do now. */
export function BuyerOrderPage(p: OrderPageProps) {
  const { ctx, d } = p;
  const { t } = ctx;
  const { order } = d;
  return (
    <OrderPage
      {...p}
      back={{ href: '/don-hang', label: t('orders.page.mine') }}
      base={`/don-hang/${order.code}`}
      side="buyer"
    >
      {d.paymentPage ? (
        <p class="notice warn">
          <span safe>{t('orders.page.unpaid')}</span>{' '}
          <a class="button" href={d.paymentPage} safe>
            {t('orders.page.pay')}
          </a>
        </p>
      ) : (
        ''
      )}
      {d.refund ? <RefundNotice ctx={ctx} refund={d.refund} vietqr={order.paymentMethod === 'vietqr'} /> : ''}
    </OrderPage>
  );
}
