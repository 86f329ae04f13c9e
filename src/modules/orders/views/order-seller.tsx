import { formatDate } from '../../../platform/http/i18n.js';
import { BackLink } from '../../../web/back-link.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Pager } from '../../../web/pager.js';
import { ShopSwitch } from '../../../web/shop-switch.js';
import { type Column, Table } from '../../../web/table.js';
import type { Seller } from '../../sellers/index.js';
import type { OrderStatus } from '../lifecycle.js';
import type { OrderRow, SellerListQuery } from '../order-queries.js';
import { orderStatus } from '../schema.js';
import type { OrderList } from './order-buyer.js';
import { OrderPage, type OrderPageProps, ordersCss } from './order-page.js';
import { itemsText, money, StatusBadge } from './order-parts.js';

export const SELLER_ORDERS = '/kenh-ban-hang/don-hang';

const listHref = (sellerId: string, status?: OrderStatus, page?: number) => {
  const q = new URLSearchParams({ shop: sellerId });
  if (status) q.set('status', status);
  if (page && page > 1) q.set('page', String(page));
  return `${SELLER_ORDERS}?${q}`;
};

/** The states as links with their counts; the current one marked. */
function StatusChips({
  ctx,
  seller,
  counts,
  current,
}: {
  ctx: PageCtx;
  seller: Seller;
  counts: Record<OrderStatus, number>;
  current?: OrderStatus;
}) {
  const { t } = ctx;
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <nav aria-label={t('orders.seller.by_status')}>
      <ul class="chips">
        <li>
          <a href={listHref(seller.id)} aria-current={current ? undefined : 'page'} safe>
            {`${t('orders.seller.all')} (${all})`}
          </a>
        </li>
        {orderStatus.enumValues.map((s) => (
          <li>
            <a
              href={listHref(seller.id, s)}
              aria-current={current === s ? 'page' : undefined}
              data-status={s}
              safe
            >
              {`${t(`orders.status.${s}`)} (${counts[s]})`}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The shop's orders: those waiting for the shop first, filtered by state, with the count of each. */
export function SellerOrdersPage({
  ctx,
  seller,
  shops,
  query,
  counts,
  list,
}: {
  ctx: PageCtx;
  seller: Seller;
  shops: Seller[];
  query: SellerListQuery;
  counts: Record<OrderStatus, number>;
  list: OrderList;
}) {
  const { t, locale } = ctx;
  const columns: Column<OrderRow>[] = [
    {
      header: t('orders.col.code'),
      cell: (r) => (
        <a href={`${SELLER_ORDERS}/${r.code}`} safe>
          {r.code}
        </a>
      ),
    },
    { header: t('orders.col.status'), cell: (r) => <StatusBadge ctx={ctx} status={r.status} /> },
    { header: t('orders.col.placed'), text: (r) => formatDate(r.placedAt, locale, true) },
    { header: t('orders.col.buyer'), text: (r) => r.buyerName },
    { header: t('orders.col.items'), text: (r) => itemsText(ctx, r) },
    { header: t('orders.col.payment'), text: (r) => t(`orders.payment.${r.paymentMethod}`) },
    { header: t('orders.col.total'), text: (r) => money(ctx, r.total) },
  ];
  return (
    <Layout ctx={ctx} title={t('orders.seller.title')} head={ordersCss()}>
      <BackLink href="/kenh-ban-hang" label={t('nav.seller')} />
      <h1 safe>{t('orders.seller.title')}</h1>
      <ShopSwitch
        seller={seller}
        shops={shops}
        action={SELLER_ORDERS}
        label={t('orders.seller.shop')}
        submit={t('orders.seller.switch')}
      />
      <StatusChips ctx={ctx} seller={seller} counts={counts} current={query.status} />
      <p role="status" safe>
        {t('orders.seller.count', { n: list.total })}
      </p>
      {list.items.length ? (
        <Table columns={columns} rows={list.items} rowId={(r) => r.code} />
      ) : (
        <p class="notice" safe>
          {t('orders.seller.none')}
        </p>
      )}
      <Pager t={t} page={list.page} pages={list.pages} href={(p) => listHref(seller.id, query.status, p)} />
    </Layout>
  );
}

/** One order of the shop: the buyer's address and goods, the history, the next steps. */
export function SellerOrderPage(p: OrderPageProps) {
  const { t } = p.ctx;
  const { order } = p.d;
  const base = `${SELLER_ORDERS}/${order.code}`;
  return (
    <OrderPage
      {...p}
      back={{ href: listHref(order.sellerId), label: t('orders.seller.title') }}
      base={base}
      side="seller"
    >
      <p>
        <a href={`${base}/phieu-dong-goi`} safe>
          {t('orders.seller.slip')}
        </a>
      </p>
    </OrderPage>
  );
}
