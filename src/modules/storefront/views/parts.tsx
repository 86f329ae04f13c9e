import { formatMoney } from '../../../platform/http/i18n.js';
import type { PageCtx } from '../../../web/page.js';
import { ProductPicture, unitName } from '../../catalog/index.js';
import type { Card } from '../listing.js';

export const productPath = (slug: string) => `/san-pham/${encodeURIComponent(slug)}`;
export const categoryPath = (code: string) => `/danh-muc/${encodeURIComponent(code)}`;

/** Home > ... > here: links for every step but the last, which is the current page. */
export function Breadcrumbs({ ctx, trail }: { ctx: PageCtx; trail: [string, string | null][] }) {
  return (
    <nav class="crumbs" aria-label={ctx.t('store.crumbs')}>
      <ol>
        {trail.map(([label, href]) =>
          href ? (
            <li>
              <a href={href} safe>
                {label}
              </a>
            </li>
          ) : (
            <li aria-current="page" safe>
              {label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** "OCOP 4 sao": shown only for a valid certificate (the caller passes null otherwise). */
export function OcopBadge({ ctx, stars }: { ctx: PageCtx; stars: number | null }) {
  return stars ? (
    <span class="badge ocop" safe>
      {ctx.t('store.ocop_stars', { n: stars })}
    </span>
  ) : (
    ''
  );
}

/** "1.234 sản phẩm" (or just "1.234" when `words` is false), digits grouped as the language does. */
export function countText(ctx: PageCtx, n: number, words = true): string {
  const digits = n.toLocaleString(ctx.locale === 'vi' ? 'vi-VN' : 'en-US');
  return words ? ctx.t('store.count', { n: digits }) : digits;
}

/** Price of one unit: "1.250.000 ₫ / hộp". */
export function unitPrice(ctx: PageCtx, price: bigint, unit: string): string {
  return `${formatMoney(price, ctx.locale)} ${ctx.t('store.per_unit', { unit: unitName(unit, ctx.locale) })}`;
}

/**
 * A grid of product cards. Names are h3: every list sits under an h2 of its page. A card's
 * picture sits in the same link as the name, so it is decorative there (empty alt: screen
 * readers would read the name twice); the product page gives each picture its text. Only
 * the first `eager` pictures load at once (those seen first); the rest wait until scrolled to.
 */
export function ProductCards({ ctx, items, eager = 0 }: { ctx: PageCtx; items: Card[]; eager?: number }) {
  return (
    <ul class="cards">
      {items.map((c, i) => (
        <li>
          <a href={productPath(c.slug)}>
            {c.image ? (
              <ProductPicture
                image={{ ...c.image, alt: '' }}
                sizes="(max-width: 30rem) 50vw, 12rem"
                eager={i < eager}
                class="thumb"
              />
            ) : (
              <span class="thumb" />
            )}
            <h3 safe>{c.name}</h3>
          </a>
          <p class="price" safe>
            {unitPrice(ctx, c.priceMin, c.unit)}
          </p>
          {c.ocopStars || c.isKeyProduct ? (
            <p>
              <OcopBadge ctx={ctx} stars={c.ocopStars} />{' '}
              {c.isKeyProduct ? (
                <span class="badge" safe>
                  {ctx.t('store.key_product')}
                </span>
              ) : (
                ''
              )}
            </p>
          ) : (
            ''
          )}
          <p class="muted" safe>
            {c.sellerName}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The search box: a plain GET form to the results page, in a search landmark. */
export function SearchBox({ ctx }: { ctx: PageCtx }) {
  return (
    <search>
      <form class="search" method="get" action="/tim-kiem">
        <label for="q" safe>
          {ctx.t('store.search.label')}
        </label>
        <input id="q" name="q" type="search" placeholder={ctx.t('store.search.placeholder')} />
        <button type="submit" safe>
          {ctx.t('store.search.submit')}
        </button>
      </form>
    </search>
  );
}

/** Links to choose one value of a filter or sort; the chosen one is marked for screen readers too. */
export function Chips({
  label,
  links,
}: {
  label: string;
  links: { href: string; text: string; on: boolean }[];
}) {
  return (
    <ul class="chips" aria-label={label}>
      {links.map((l) => (
        <li>
          <a href={l.href} aria-current={l.on ? 'true' : undefined} safe>
            {l.text}
          </a>
        </li>
      ))}
    </ul>
  );
}
