import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { categoryName, type productCategories } from '../../catalog/index.js';
import { commune, province } from '../../geo/index.js';
import { type ListQuery, listSorts } from '../listing.js';
import type { CategoryData } from '../page-data.js';
import { Breadcrumbs, Chips, categoryPath, countText, ProductCards } from './parts.js';

export interface CategoryProps {
  ctx: PageCtx;
  code: string;
  top: (typeof productCategories)[number];
  query: ListQuery;
  data: CategoryData;
  canonical: string;
}

/** The page's address with some of its parameters changed (sort and filters start again at page one). */
export function categoryHref(code: string, q: ListQuery, national: boolean, change: Partial<ListQuery>) {
  const merged = { ...q, cursor: undefined, ...change };
  const params = new URLSearchParams();
  if (merged.sort !== 'best_selling') params.set('sort', merged.sort);
  if (merged.stars) params.set('stars', String(merged.stars));
  if (merged.origin) params.set(national ? 'province' : 'commune', merged.origin);
  if (merged.cursor) params.set('cursor', merged.cursor);
  const s = params.toString();
  return s ? `${categoryPath(code)}?${s}` : categoryPath(code);
}

/**
 * A category: breadcrumbs, its subcategories, filters as plain links (valid OCOP stars and
 * where the products come from, with counts), sort links, the cards and a "show more" link
 * to the next page (keyset: it stays fast however deep a visitor goes).
 */
export function CategoryPage(p: CategoryProps) {
  const { ctx, code, top, query } = p;
  const { counts, facets, items, next } = p.data;
  const { t, locale, instance } = ctx;
  const national = instance.provinceCode === '00';
  const name = categoryName(code, locale);
  const href = (change: Partial<ListQuery>) => categoryHref(code, query, national, change);
  const placeName = (c: string) => (national ? province(c)?.name : commune(c)?.name) ?? c;
  const filtered = !!(query.stars || query.origin);
  const trail: [string, string | null][] = [[t('store.home'), '/']];
  if (code !== top.code) trail.push([top[locale], categoryPath(top.code)]);
  trail.push([name, null]);
  return (
    <Layout
      ctx={ctx}
      title={name}
      head={
        <>
          <link rel="canonical" href={p.canonical} />
          <meta
            name="description"
            content={t('store.category.meta', {
              category: name,
              province: instance.provinceName,
              instance: instance.name,
            })}
          />
        </>
      }
    >
      <Breadcrumbs ctx={ctx} trail={trail} />
      <h1 safe>{name}</h1>
      <p class="muted" safe>
        {countText(ctx, counts.get(code) ?? 0)}
      </p>
      {code === top.code ? (
        <nav aria-labelledby="subcategories">
          <h2 id="subcategories" safe>
            {t('store.subcategories')}
          </h2>
          <ul class="chips">
            {top.children.map((c) => (
              <li>
                <a href={categoryPath(c.code)} safe>
                  {`${c[locale]} (${countText(ctx, counts.get(c.code) ?? 0, false)})`}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        ''
      )}
      <section aria-labelledby="filters">
        <h2 id="filters" safe>
          {t('store.filters')}
        </h2>
        {facets.stars.length ? (
          <>
            <h3 safe>{t('store.filter.stars')}</h3>
            <Chips
              label={t('store.filter.stars')}
              links={[
                { href: href({ stars: undefined }), text: t('store.filter.all'), on: !query.stars },
                ...facets.stars.map((f) => ({
                  href: href({ stars: Number(f.value) }),
                  text: `${t('store.ocop_stars', { n: f.value })} (${countText(ctx, f.count, false)})`,
                  on: query.stars === Number(f.value),
                })),
              ]}
            />
          </>
        ) : (
          ''
        )}
        {facets.origin.length ? (
          <>
            <h3 safe>{t('store.filter.origin')}</h3>
            <Chips
              label={t('store.filter.origin')}
              links={[
                { href: href({ origin: undefined }), text: t('store.filter.all'), on: !query.origin },
                ...facets.origin.map((f) => ({
                  href: href({ origin: f.value }),
                  text: `${placeName(f.value)} (${countText(ctx, f.count, false)})`,
                  on: query.origin === f.value,
                })),
              ]}
            />
          </>
        ) : (
          ''
        )}
        <h3 safe>{t('store.sort')}</h3>
        <Chips
          label={t('store.sort')}
          links={listSorts.map((s) => ({
            href: href({ sort: s }),
            text: t(`store.sort.${s}`),
            on: query.sort === s,
          }))}
        />
      </section>
      <section aria-labelledby="products">
        <h2 id="products" safe>
          {t('store.products')}
        </h2>
        {items.length ? (
          <ProductCards ctx={ctx} items={items} eager={query.cursor ? 0 : 2} />
        ) : (
          <p safe>{t(filtered ? 'store.empty_filtered' : 'store.empty')}</p>
        )}
        {next ? (
          <p>
            <a class="button secondary" rel="next" href={href({ cursor: next })} safe>
              {t('store.more')}
            </a>
          </p>
        ) : (
          ''
        )}
      </section>
    </Layout>
  );
}
