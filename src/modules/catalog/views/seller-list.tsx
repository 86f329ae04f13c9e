import { formatDate } from '../../../platform/http/i18n.js';
import { BackLink } from '../../../web/back-link.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Pager } from '../../../web/pager.js';
import { ShopSwitch } from '../../../web/shop-switch.js';
import { type Column, Table } from '../../../web/table.js';
import type { Seller } from '../../sellers/index.js';
import type { ListFilters, ProductRow } from '../queries.js';
import { categoryName } from '../reference.js';
import { productStatus } from '../schema.js';
import { ProductPicture } from './image.js';
import { priceText, StatusBadge } from './parts.js';

export interface ProductList {
  items: ProductRow[];
  total: number;
  page: number;
  pages: number;
}

/** Query string of a list with its filters, e.g. "?shop=..&status=published&page=2". */
export function listQueryString(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The filter form of a product list: words of the name and a status. */
export function ListFilterForm({
  ctx,
  action,
  filters,
  hidden = {},
}: {
  ctx: PageCtx;
  action: string;
  filters: ListFilters;
  hidden?: Record<string, string>;
}) {
  const { t } = ctx;
  return (
    <form method="get" action={action} class="filters">
      {Object.entries(hidden).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <div class="field">
        <label for="f-q" safe>
          {t('catalog.list.q')}
        </label>
        <input id="f-q" name="q" type="search" value={filters.q ?? ''} />
      </div>
      <div class="field">
        <label for="f-status" safe>
          {t('catalog.list.status')}
        </label>
        <select id="f-status" name="status">
          <option value="" safe>
            {t('catalog.list.all')}
          </option>
          {productStatus.enumValues.map((s) => (
            <option value={s} selected={filters.status === s} safe>
              {t(`catalog.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="secondary" safe>
        {t('catalog.list.filter')}
      </button>
    </form>
  );
}

/** A table of products; `href` gives each product's page, `shopName` a column for officers. */
export function ProductTable({
  ctx,
  list,
  href,
  shopName,
}: {
  ctx: PageCtx;
  list: ProductList;
  href: (r: ProductRow) => string;
  shopName?: (r: ProductRow) => string;
}) {
  const { t, locale } = ctx;
  if (!list.items.length)
    return (
      <p class="notice" safe>
        {t('catalog.list.none')}
      </p>
    );
  const columns: Column<ProductRow>[] = [
    {
      header: t('catalog.col.image'),
      cell: (r) => (r.image ? <ProductPicture image={r.image} sizes="4rem" class="row-thumb" /> : ''),
    },
    {
      header: t('catalog.col.name'),
      cell: (r) => (
        <a href={href(r)} safe>
          {r.name}
        </a>
      ),
    },
    ...(shopName ? [{ header: t('catalog.col.shop'), text: shopName }] : []),
    { header: t('catalog.col.category'), text: (r) => categoryName(r.category, locale) },
    { header: t('catalog.col.price'), text: (r) => priceText(ctx, r.priceMin, r.variants > 1) },
    { header: t('catalog.col.stock'), text: (r) => String(r.stock) },
    { header: t('catalog.col.status'), cell: (r) => <StatusBadge ctx={ctx} status={r.status} /> },
    { header: t('catalog.col.updated'), text: (r) => formatDate(r.updatedAt, locale) },
  ];
  return <Table columns={columns} rows={list.items} rowId={(r) => r.id} />;
}

/** The shop's products in the seller centre, with a switch between shops for people in several. */
export function SellerListPage({
  ctx,
  seller,
  shops,
  filters,
  list,
}: {
  ctx: PageCtx;
  seller: Seller;
  shops: Seller[];
  filters: ListFilters;
  list: ProductList;
}) {
  const { t } = ctx;
  const query = (page?: number) =>
    listQueryString({ shop: seller.id, status: filters.status, q: filters.q, page });
  return (
    <Layout ctx={ctx} title={t('catalog.list.title')}>
      <BackLink href="/kenh-ban-hang" label={t('nav.seller')} />
      <h1 safe>{t('catalog.list.title')}</h1>
      <ShopSwitch
        seller={seller}
        shops={shops}
        action="/kenh-ban-hang/san-pham"
        label={t('catalog.list.shop')}
        submit={t('catalog.list.switch')}
      />
      <p>
        <a class="button" href={`/kenh-ban-hang/san-pham/moi?shop=${seller.id}`} safe>
          {t('catalog.list.add')}
        </a>
      </p>
      <ListFilterForm
        ctx={ctx}
        action="/kenh-ban-hang/san-pham"
        filters={filters}
        hidden={{ shop: seller.id }}
      />
      <p role="status" safe>
        {t('catalog.list.count', { n: list.total })}
      </p>
      <ProductTable ctx={ctx} list={list} href={(r) => `/kenh-ban-hang/san-pham/${r.id}`} />
      <Pager
        t={t}
        page={list.page}
        pages={list.pages}
        href={(page) => `/kenh-ban-hang/san-pham${query(page)}`}
      />
    </Layout>
  );
}

/** For a signed-in user who belongs to no shop yet. */
export function NoShopPage({ ctx }: { ctx: PageCtx }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('catalog.list.title')}>
      <h1 safe>{t('catalog.list.title')}</h1>
      <p class="notice" safe>
        {t('catalog.list.no_shop')}
      </p>
      <p>
        <a class="button" href="/kenh-ban-hang/dang-ky" safe>
          {t('home.sell_cta')}
        </a>
      </p>
    </Layout>
  );
}
