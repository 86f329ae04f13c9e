import type { Children } from '@kitajs/html';
import { formatDate } from '../../../platform/http/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { commune, formatAddress } from '../../geo/index.js';
import type { OcopView, Storefront } from '../console-service.js';
import { legalFormLabel } from '../reference.js';
import { verificationText } from '../verification/index.js';

/** Text typed in a textarea, its lines as paragraphs. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .filter((line) => line.trim())
        .map((line) => (
          <p safe>{line}</p>
        ))}
    </>
  );
}

/** Facts as a definition list: each label with its value (escaped where it is made). */
export function Facts({ rows }: { rows: [string, Children][] }) {
  return (
    <dl class="facts">
      {rows.map(([label, value]) => (
        <>
          <dt safe>{label}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

/** OCOP certificates: stars, group, number, issue date, and whether it is still valid today. */
export function OcopList({
  ctx,
  items,
  fileLink,
}: {
  ctx: PageCtx;
  items: OcopView[];
  fileLink?: (fileId: string) => string;
}) {
  const { t, locale } = ctx;
  return (
    <ul>
      {items.map((c) => (
        <li data-valid={String(c.valid)}>
          <strong safe>{c.productName}</strong>
          {' – '}
          <span safe>{t('shop.ocop.stars', { n: c.stars })}</span>
          {' – '}
          <span safe>{t('shop.ocop.group', { group: locale === 'en' ? c.group.en : c.group.vi })}</span>
          <br />
          <span safe>
            {t('shop.ocop.number', { number: c.number, date: formatDate(c.issuedOn, locale) })}
          </span>
          <br />
          <span class={c.valid ? 'badge ok' : 'badge rejected'} safe>
            {t(c.valid ? 'shop.ocop.valid' : 'shop.ocop.expired', { date: formatDate(c.validUntil, locale) })}
          </span>
          {fileLink && c.fileId ? (
            <>
              {' '}
              <a href={fileLink(c.fileId)} safe>
                {t('console.doc.download')}
              </a>
            </>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

/** A short, plain description for search engines and link previews. */
function metaDescription(ctx: PageCtx, shop: Storefront, address: string): string {
  const own = shop.description.replace(/\s+/g, ' ').trim();
  const text =
    own ||
    ctx.t('shop.meta', {
      shop: shop.shopName,
      form: legalFormLabel(ctx.t, shop.legalForm),
      address: commune(shop.communeCode)?.name ?? address,
      instance: ctx.instance.name,
    });
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/**
 * A shop's public page: what the law asks a seller on a marketplace to disclose (name,
 * legal form, owner or representative, address, tax code, registration, contacts, OCOP
 * certificates, how the identity was checked). A suspended shop says so first.
 */
export function StorefrontPage({
  ctx,
  shop,
  canonical,
  products: safeProducts,
}: {
  ctx: PageCtx;
  shop: Storefront;
  canonical: string;
  /** The shop's products (cards and a link to more), from the storefront module. */
  products?: JSX.Element;
}) {
  const { t, locale } = ctx;
  const address = formatAddress(shop);
  const rows: [string, JSX.Element][] = [
    [t('console.field.shopName'), <span safe>{shop.shopName}</span>],
    [t('console.field.legalForm'), <span safe>{legalFormLabel(t, shop.legalForm)}</span>],
  ];
  if (shop.ownerName) rows.push([t(`shop.owner.${shop.legalForm}`), <span safe>{shop.ownerName}</span>]);
  if (address) rows.push([t('console.field.address'), <span safe>{address}</span>]);
  if (shop.taxCode) rows.push([t('console.field.taxCode'), <span safe>{shop.taxCode}</span>]);
  if (shop.businessRegNo) {
    const value = t('shop.business_reg_value', {
      no: shop.businessRegNo,
      date: formatDate(shop.businessRegDate, locale),
    });
    rows.push([t('shop.business_reg'), <span safe>{value}</span>]);
  }
  if (shop.phone) {
    rows.push([
      t('console.field.phone'),
      <a href={`tel:${shop.phone}`} safe>
        {shop.phone}
      </a>,
    ]);
  }
  if (shop.email) {
    rows.push([
      t('console.field.email'),
      <a href={`mailto:${shop.email}`} safe>
        {shop.email}
      </a>,
    ]);
  }
  rows.push([
    t('console.detail.verification'),
    <span safe>{verificationText(t, locale, shop.verification)}</span>,
  ]);
  return (
    <Layout
      ctx={ctx}
      title={shop.shopName}
      head={
        <>
          <link rel="canonical" href={canonical} />
          <meta name="description" content={metaDescription(ctx, shop, address)} />
        </>
      }
    >
      {shop.status === 'suspended' ? (
        <p class="notice error" role="status" safe>
          {t('shop.suspended')}
        </p>
      ) : (
        ''
      )}
      <h1 safe>{shop.shopName}</h1>
      {shop.description.trim() ? (
        <section aria-labelledby="about">
          <h2 id="about" safe>
            {t('shop.about')}
          </h2>
          <Paragraphs text={shop.description} />
        </section>
      ) : (
        ''
      )}
      {safeProducts ?? ''}
      {shop.ocop.length ? (
        <section aria-labelledby="ocop">
          <h2 id="ocop" safe>
            {t('shop.ocop')}
          </h2>
          <OcopList ctx={ctx} items={shop.ocop} />
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="seller">
        <h2 id="seller" safe>
          {t('shop.disclosure')}
        </h2>
        <Facts rows={rows} />
        <p class="muted" safe>
          {t('shop.disclosure_note')}
        </p>
      </section>
    </Layout>
  );
}
