import { formatDate, formatMoney } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import {
  categoryName,
  certificationName,
  ProductPicture,
  renderMarkdown,
  topOf,
  unitName,
} from '../../catalog/index.js';
import { commune, formatAddress, province } from '../../geo/index.js';
import { legalFormLabel, ocopGroupLabel } from '../../sellers/index.js';
import type { PublicProduct } from '../product-query.js';
import {
  canBuy,
  highestPrice,
  imageUrls,
  jsonForScript,
  lowestPrice,
  metaDescription,
  productJsonLd,
} from '../seo.js';
import { AddToCartForm } from './add-to-cart.js';
import { Breadcrumbs, categoryPath, OcopBadge } from './parts.js';

export interface ProductPageProps {
  ctx: PageCtx;
  product: PublicProduct;
  /** Valid OCOP stars today (null once the certificate has expired). */
  stars: number | null;
  /** The canonical address of the page. */
  url: string;
  publicUrl: string;
  today: string;
}

/** What crawlers and link previews read: canonical address, description, Open Graph, JSON-LD. */
function Head({ ctx, product, url, publicUrl, today }: ProductPageProps) {
  const description = metaDescription(
    product,
    ctx.t('product.meta', {
      name: product.name,
      price: formatMoney(lowestPrice(product), ctx.locale),
      seller: product.seller.shopName,
      province: ctx.instance.provinceName,
      instance: ctx.instance.name,
    }),
  );
  const image = imageUrls(product, publicUrl)[0];
  const safeJsonLd = jsonForScript(productJsonLd(product, { url, publicUrl, today, description }));
  return (
    <>
      <link rel="canonical" href={url} />
      <meta name="description" content={description} />
      <meta property="og:type" content="product" />
      <meta property="og:title" content={product.name} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content={ctx.instance.name} />
      <meta property="og:locale" content={ctx.locale === 'vi' ? 'vi_VN' : 'en_US'} />
      {image ? <meta property="og:image" content={image} /> : ''}
      <meta property="product:price:amount" content={lowestPrice(product).toString()} />
      <meta property="product:price:currency" content="VND" />
      <script type="application/ld+json">{safeJsonLd}</script>
    </>
  );
}

/**
 * The seller's Markdown as HTML (rendered and sanitised by the catalog), its headings moved
 * under the page's own h2: the seller's highest level becomes h3, the others follow.
 */
function descriptionHtml(markdown: string): string {
  const html = renderMarkdown(markdown);
  const levels = [...html.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
  if (!levels.length) return html;
  const shift = 3 - Math.min(...levels);
  return html.replace(
    /<(\/?)h([1-6])>/g,
    (_, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) + shift)}>`,
  );
}

/** A fact is text (escaped here) or markup made by a component (`{ safeHtml }`). */
type Fact = [string, string | { safeHtml: JSX.Element }];

function Facts({ rows }: { rows: Fact[] }) {
  return (
    <dl class="facts">
      {rows.map(([label, value]) => {
        const { safeHtml } = typeof value === 'string' ? { safeHtml: undefined } : value;
        return (
          <>
            <dt safe>{label}</dt>
            {typeof value === 'string' ? <dd safe>{value}</dd> : <dd>{safeHtml}</dd>}
          </>
        );
      })}
    </dl>
  );
}

function Variants({ ctx, p }: { ctx: PageCtx; p: PublicProduct }) {
  const { t, locale } = ctx;
  return (
    <table>
      <caption class="visually-hidden" safe>
        {t('product.variants')}
      </caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('product.variant')}
          </th>
          <th scope="col" safe>
            {t('product.price')}
          </th>
          <th scope="col" safe>
            {t('product.stock')}
          </th>
        </tr>
      </thead>
      <tbody>
        {p.variants.map((v) => (
          <tr>
            <th scope="row" safe>
              {v.name}
            </th>
            <td>
              <strong safe>{formatMoney(BigInt(v.price), locale)}</strong>
              {v.compareAt ? (
                <>
                  {' '}
                  <s>
                    <span class="visually-hidden" safe>{`${t('product.compare_at')}: `}</span>
                    <span safe>{formatMoney(BigInt(v.compareAt), locale)}</span>
                  </s>
                </>
              ) : (
                ''
              )}
            </td>
            <td safe>{t(canBuy(p, v) ? 'product.in_stock' : 'product.out_of_stock')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function details(ctx: PageCtx, p: PublicProduct, stars: number | null): Fact[] {
  const { t, locale } = ctx;
  const top = topOf(p.category);
  const rows: Fact[] = [
    [t('product.category'), [top?.[locale], categoryName(p.category, locale)].filter(Boolean).join(' › ')],
    [
      t('product.origin'),
      [commune(p.originCommuneCode)?.name, province(p.originProvinceCode)?.name].filter(Boolean).join(', '),
    ],
  ];
  if (stars && p.ocopGroup)
    rows.push([
      'OCOP',
      {
        safeHtml: (
          <>
            <OcopBadge ctx={ctx} stars={stars} />{' '}
            <span safe>{t('product.ocop_group', { group: ocopGroupLabel(locale, p.ocopGroup) })}</span>
            <br />
            <span safe>
              {t('product.ocop_certificate', {
                number: p.ocopCertificateNo ?? '',
                date: formatDate(p.ocopExpiresOn, locale),
              })}
            </span>
          </>
        ),
      },
    ]);
  if (p.certifications.length)
    rows.push([
      t('product.certifications'),
      p.certifications.map((c) => certificationName(c, locale)).join(', '),
    ]);
  if (p.weightGrams) rows.push([t('product.weight'), t('product.weight_value', { n: p.weightGrams })]);
  if (p.shelfLifeDays)
    rows.push([t('product.shelf_life'), t('product.shelf_life_value', { n: p.shelfLifeDays })]);
  if (p.storage) rows.push([t('product.storage'), p.storage]);
  return rows;
}

/** What the law asks a seller on a marketplace to disclose, with a link to the whole shop page. */
function sellerRows(ctx: PageCtx, s: PublicProduct['seller']): Fact[] {
  const { t } = ctx;
  const rows: Fact[] = [
    [
      t('product.seller_name'),
      {
        safeHtml: (
          <a href={`/cua-hang/${encodeURIComponent(s.slug)}`} safe>
            {s.shopName}
          </a>
        ),
      },
    ],
    [t('console.field.legalForm'), legalFormLabel(t, s.legalForm)],
  ];
  if (s.repName) rows.push([t(`shop.owner.${s.legalForm}`), s.repName]);
  const address = formatAddress(s);
  if (address) rows.push([t('console.field.address'), address]);
  if (s.taxCode) rows.push([t('console.field.taxCode'), s.taxCode]);
  if (s.businessRegNo) rows.push([t('console.field.businessRegNo'), s.businessRegNo]);
  if (s.phone)
    rows.push([
      t('console.field.phone'),
      {
        safeHtml: (
          <a href={`tel:${s.phone.replace(/[^\d+]/g, '')}`} safe>
            {s.phone}
          </a>
        ),
      },
    ]);
  if (s.email) rows.push([t('console.field.email'), s.email]);
  return rows;
}

/**
 * A product's public page: pictures, prices by variant, stock state (never the numbers),
 * the sanitised description, OCOP only while the certificate is valid, origin, shelf life
 * and storage, and the seller's disclosure.
 */
export function ProductPage(props: ProductPageProps) {
  const { ctx, product: p, stars } = props;
  const { t, locale } = ctx;
  const top = topOf(p.category);
  const low = lowestPrice(p);
  const high = highestPrice(p);
  const price =
    low === high ? formatMoney(low, locale) : `${formatMoney(low, locale)} – ${formatMoney(high, locale)}`;
  const available = p.variants.some((v) => canBuy(p, v));
  const safeDescription = descriptionHtml(p.description);
  return (
    <Layout ctx={ctx} title={p.name} head={<Head {...props} />}>
      <Breadcrumbs
        ctx={ctx}
        trail={[
          [t('store.home'), '/'],
          ...(top ? [[top[locale], categoryPath(top.code)] as [string, string]] : []),
          [categoryName(p.category, locale), categoryPath(p.category)],
          [p.name, null],
        ]}
      />
      {p.seller.status === 'suspended' ? (
        <p class="notice error" role="status" safe>
          {t('product.seller_suspended')}
        </p>
      ) : (
        ''
      )}
      <div class="product">
        <div class="gallery">
          {p.images.map((img, i) => (
            <ProductPicture image={img} eager={i === 0} sizes="(max-width: 48rem) 100vw, 30rem" />
          ))}
        </div>
        <div>
          <h1 safe>{p.name}</h1>
          {stars || p.isKeyProduct ? (
            <p>
              <OcopBadge ctx={ctx} stars={stars} />{' '}
              {p.isKeyProduct ? (
                <span class="badge" safe>
                  {t('product.key_note')}
                </span>
              ) : (
                ''
              )}
            </p>
          ) : (
            ''
          )}
          <p class="price big">
            <span safe>{price}</span>{' '}
            <span class="muted" safe>
              {t('store.per_unit', { unit: unitName(p.unit, locale) })}
            </span>
          </p>
          <p class={available ? 'badge ok' : 'badge rejected'} safe>
            {t(available ? 'product.in_stock' : 'product.out_of_stock')}
          </p>
          <h2 safe>{t('product.variants')}</h2>
          <Variants ctx={ctx} p={p} />
          <AddToCartForm
            ctx={ctx}
            variants={p.variants.map((v) => ({ id: v.id, name: v.name, buyable: canBuy(p, v) }))}
          />
        </div>
      </div>
      {p.description.trim() ? (
        <section aria-labelledby="description">
          <h2 id="description" safe>
            {t('product.description')}
          </h2>
          <div class="prose">{safeDescription}</div>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="details">
        <h2 id="details" safe>
          {t('product.details')}
        </h2>
        <Facts rows={details(ctx, p, stars)} />
      </section>
      <section aria-labelledby="seller">
        <h2 id="seller" safe>
          {t('product.seller')}
        </h2>
        <Facts rows={sellerRows(ctx, p.seller)} />
      </section>
    </Layout>
  );
}
