import { formatMoney } from '../../../platform/http/i18n.js';
import { BackLink } from '../../../web/back-link.js';
import { Confirmation, Csrf, ErrorSummary, type FormState, TextArea } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { Pager } from '../../../web/pager.js';
import { Table } from '../../../web/table.js';
import { commune, province } from '../../geo/index.js';
import type { Seller } from '../../sellers/index.js';
import { type ProductAction, productLifecycle } from '../lifecycle.js';
import { renderMarkdown } from '../markdown.js';
import { validOcopStars } from '../ocop.js';
import type { ListFilters } from '../queries.js';
import { categoryName, certificationName, ocopGroupLabel, unitName } from '../reference.js';
import type { ProductView } from '../service.js';
import type { productHistory } from '../transitions.js';
import { ProductPicture } from './image.js';
import { History, ProductHeading, prefixed } from './parts.js';
import { ListFilterForm, listQueryString, type ProductList, ProductTable } from './seller-list.js';

/** Officer actions as they appear in addresses: /quan-ly/san-pham/:id/go-bo, /khoi-phuc. */
export const officerPaths: Record<'take_down' | 'restore', string> = {
  take_down: 'go-bo',
  restore: 'khoi-phuc',
};

export function OfficerListPage({
  ctx,
  filters,
  list,
  shopNames,
}: {
  ctx: PageCtx;
  filters: ListFilters;
  list: ProductList;
  shopNames: Map<string, string>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('catalog.officer.title')}>
      <BackLink href="/quan-ly" label={t('nav.console')} />
      <h1 safe>{t('catalog.officer.title')}</h1>
      <ListFilterForm ctx={ctx} action="/quan-ly/san-pham" filters={filters} />
      <p role="status" safe>
        {t('catalog.list.count', { n: list.total })}
      </p>
      <ProductTable
        ctx={ctx}
        list={list}
        href={(r) => `/quan-ly/san-pham/${r.id}`}
        shopName={(r) => shopNames.get(r.sellerId) ?? ''}
      />
      <Pager
        t={t}
        page={list.page}
        pages={list.pages}
        href={(page) => `/quan-ly/san-pham${listQueryString({ status: filters.status, q: filters.q, page })}`}
      />
    </Layout>
  );
}

function Facts({ ctx, view, seller }: { ctx: PageCtx; view: ProductView; seller: Seller | undefined }) {
  const { t, locale } = ctx;
  const p = view.product;
  const stars = validOcopStars(p);
  const rows: [string, string][] = [
    [t('catalog.col.shop'), seller?.shopName ?? ''],
    [t('label.product.category'), categoryName(p.category, locale)],
    [t('label.product.unit'), unitName(p.unit, locale)],
    [
      t('catalog.officer.origin'),
      [commune(p.originCommuneCode)?.name, province(p.originProvinceCode)?.name].filter(Boolean).join(', '),
    ],
    [
      'OCOP',
      p.ocopStars && p.ocopGroup
        ? `${t('catalog.stars', { n: p.ocopStars })} – ${ocopGroupLabel(locale, p.ocopGroup)} – ${p.ocopCertificateNo ?? ''} (${t(stars ? 'catalog.ocop.valid_until' : 'catalog.ocop.expired', { date: p.ocopExpiresOn ?? '' })})`
        : '—',
    ],
    [
      t('label.product.certifications'),
      p.certifications.map((c) => certificationName(c, locale)).join(', ') || '—',
    ],
    [t('label.product.isKeyProduct'), t(p.isKeyProduct ? 'catalog.yes' : 'catalog.no')],
  ];
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <>
          <dt safe>{k}</dt>
          <dd safe>{v}</dd>
        </>
      ))}
    </dl>
  );
}

/** One product for an officer: what the public sees, its history, and the take-down or restore form. */
export function OfficerProductPage({
  ctx,
  view,
  seller,
  history,
  sent,
  conflict,
  done,
}: {
  ctx: PageCtx;
  view: ProductView;
  seller: Seller | undefined;
  history: Awaited<ReturnType<typeof productHistory>>;
  /** The decision form as posted, when it was refused. */
  sent?: { action: ProductAction; state: FormState };
  conflict?: boolean;
  done?: ProductAction;
}) {
  const { t, locale } = ctx;
  const p = view.product;
  const safeDescription = renderMarkdown(p.description);
  const actions = productLifecycle.actionsFrom(p.status, 'officer') as ('take_down' | 'restore')[];
  return (
    <Layout ctx={ctx} title={p.name}>
      <BackLink href="/quan-ly/san-pham" label={t('catalog.officer.title')} />
      <ProductHeading ctx={ctx} product={p} />
      <Confirmation text={done && t(`catalog.officer.done.${done}`)} />
      {conflict ? (
        <p class="notice warn" role="alert" safe>
          {t('error.transition')}
        </p>
      ) : (
        ''
      )}
      {p.statusReason ? <p class="notice" safe>{`${t('catalog.reason')}: ${p.statusReason}`}</p> : ''}
      <Facts ctx={ctx} view={view} seller={seller} />
      <ol class="images">
        {view.images.map((img) => (
          <li>
            <ProductPicture image={img} sizes="10rem" />
          </li>
        ))}
      </ol>
      <Table
        columns={[
          { header: t('catalog.stock.variant'), text: (v) => v.name },
          { header: 'SKU', text: (v) => v.sku },
          { header: t('catalog.col.price'), text: (v) => formatMoney(v.price, locale) },
          { header: t('catalog.col.stock'), text: (v) => String(v.stock) },
        ]}
        rows={view.variants}
      />
      <div class="description">{safeDescription}</div>
      {actions.map((a) => {
        const s = prefixed(sent?.action === a ? sent.state : undefined, `officer.${a}`);
        return (
          <form method="post" action={`/quan-ly/san-pham/${p.id}/${officerPaths[a]}`}>
            <h2 safe>{t(`catalog.action.${a}`)}</h2>
            <ErrorSummary state={s} t={t} />
            <Csrf token={ctx.csrf()} />
            <TextArea
              name="reason"
              field={`officer.${a}.reason`}
              label={t('catalog.officer.reason')}
              state={s}
              t={t}
              required
              rows={3}
              hint={t(`catalog.officer.reason_hint.${a}`)}
            />
            <button type="submit" class={a === 'take_down' ? 'danger' : ''} safe>
              {t(`catalog.action.${a}`)}
            </button>
          </form>
        );
      })}
      <h2 safe>{t('catalog.page.history')}</h2>
      <History ctx={ctx} history={history} />
    </Layout>
  );
}
