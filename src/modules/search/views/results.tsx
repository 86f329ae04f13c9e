import { formatMoney } from '../../../platform/http/i18n.js';
import { asset } from '../../../web/assets.js';
import { ErrorSummary, type FormState } from '../../../web/forms.js';
import { Layout } from '../../../web/layout.js';
import type { PageCtx } from '../../../web/page.js';
import { ProductPicture, unitName } from '../../catalog/index.js';
import { commune, province } from '../../geo/index.js';
import type { Facets, SearchHit, SearchResult } from '../engine.js';
import { sorts } from '../engine.js';
import { filterPairs, type SearchParams } from '../params.js';
import { facetLabel, productUrl } from '../presenters.js';
import { categoryLabel } from '../taxonomy.js';

/** Values a facet lists on the page (the JSON API gives more). */
const SHOWN = 8;

/** A link to this search with some parameters changed (undefined removes one); a new page starts. */
function link(params: SearchParams, change: Record<string, string | undefined>): string {
  const q = new URLSearchParams(filterPairs(params));
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  return s ? `/tim-kiem?${s}` : '/tim-kiem';
}

const facetParam: Record<keyof Facets, keyof SearchParams> = {
  categoryTop: 'category',
  category: 'category',
  province: 'province',
  commune: 'commune',
  stars: 'stars',
  seller: 'seller',
};

/** The value chosen for a facet; the category parameter is the top facet or the leaf facet. */
function chosenFor(name: keyof Facets, params: SearchParams): string | undefined {
  const c = params.category;
  if (name === 'categoryTop') return c && !c.includes('.') ? c : undefined;
  if (name === 'category') return c?.includes('.') ? c : undefined;
  const v = params[facetParam[name]];
  return v === undefined ? undefined : String(v);
}

function FacetList({ ctx, params, result, name }: Props & { name: keyof Facets }) {
  const param = facetParam[name];
  const chosen = chosenFor(name, params);
  const values = result.facets[name];
  // A leaf chosen says it all; the group it belongs to needs no list of its own.
  if (name === 'categoryTop' && params.category?.includes('.')) return '';
  if (chosen !== undefined) {
    return (
      <section>
        <h3 safe>{ctx.t(`search.facet.${name}`)}</h3>
        <p>
          <strong safe>{facetLabel(name, chosen, ctx.locale, values[0]?.label)}</strong>{' '}
          <a href={link(params, { [param]: undefined })} safe>
            {ctx.t('search.remove')}
          </a>
        </p>
      </section>
    );
  }
  if (!values.length) return '';
  return (
    <section>
      <h3 safe>{ctx.t(`search.facet.${name}`)}</h3>
      <ul>
        {values.slice(0, SHOWN).map((v) => (
          <li>
            <a href={link(params, { [param]: v.value })} safe>
              {facetLabel(name, v.value, ctx.locale, v.label)}
            </a>{' '}
            <span class="n" safe>
              {String(v.count)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PriceForm({ ctx, params }: { ctx: PageCtx; params: SearchParams }) {
  const keep = filterPairs(params).filter(([k]) => k !== 'price_min' && k !== 'price_max');
  return (
    <form method="get" action="/tim-kiem" class="price">
      <fieldset>
        <legend safe>{ctx.t('search.facet.price')}</legend>
        {keep.map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        {(['price_min', 'price_max'] as const).map((k) => (
          <>
            <label for={`f-${k}`} safe>
              {ctx.t(`label.${k}`)}
            </label>
            <input id={`f-${k}`} name={k} inputmode="numeric" value={params[k]?.toString() ?? ''} />
          </>
        ))}
        <button type="submit" class="secondary" safe>
          {ctx.t('search.apply')}
        </button>
      </fieldset>
    </form>
  );
}

function Card({ ctx, hit }: { ctx: PageCtx; hit: SearchHit }) {
  const place = commune(hit.originCommuneCode)?.name ?? province(hit.originProvinceCode)?.name ?? '';
  return (
    <li>
      <a href={productUrl(hit.slug)}>
        {hit.image ? <ProductPicture image={hit.image} sizes="(max-width: 40rem) 50vw, 14rem" /> : ''}
        <span class="name" safe>
          {hit.name}
        </span>
      </a>
      <p class="price">
        <strong safe>{formatMoney(hit.priceMin, ctx.locale)}</strong>{' '}
        <span safe>{ctx.t('search.per_unit', { unit: unitName(hit.unit, ctx.locale) })}</span>
      </p>
      {hit.ocopStars ? (
        <p class="ocop" safe>
          {ctx.t('search.stars', { stars: hit.ocopStars })}
        </p>
      ) : (
        ''
      )}
      <p class="meta" safe>
        {[hit.sellerName, place].filter(Boolean).join(' · ')}
      </p>
    </li>
  );
}

function Nothing({ ctx, params, result }: Props) {
  const { queries, categories } = result.suggestions;
  return (
    <div class="notice">
      <p safe>{params.q ? ctx.t('search.none', { q: params.q }) : ctx.t('search.none_filtered')}</p>
      {queries.length ? (
        <p>
          <span safe>{ctx.t('search.did_you_mean')}</span>{' '}
          {queries.map((q, i) => (
            <>
              {i ? ', ' : ''}
              <a href={link({ q }, {})} safe>
                {q}
              </a>
            </>
          ))}
        </p>
      ) : (
        ''
      )}
      {categories.length ? (
        <p>
          <span safe>{ctx.t('search.try_categories')}</span>{' '}
          {categories.map((c, i) => (
            <>
              {i ? ', ' : ''}
              <a href={link({}, { category: c })} safe>
                {categoryLabel(c, ctx.locale)}
              </a>
            </>
          ))}
        </p>
      ) : (
        ''
      )}
      {filterPairs(params).some(([k]) => k !== 'q' && k !== 'sort') ? (
        <p>
          <a href={link({ q: params.q }, {})} safe>
            {ctx.t('search.clear')}
          </a>
        </p>
      ) : (
        ''
      )}
    </div>
  );
}

interface Props {
  ctx: PageCtx;
  params: SearchParams;
  result: SearchResult;
}

function Results({ ctx, params, result }: Props) {
  const count = ctx.t(result.totalIsLowerBound ? 'search.count_more' : 'search.count', {
    count: new Intl.NumberFormat(ctx.locale === 'vi' ? 'vi-VN' : 'en-US').format(result.total),
  });
  const offered = params.q ? sorts : sorts.filter((s) => s !== 'relevance');
  return (
    <div class="search">
      <aside class="facets" aria-labelledby="facets-title">
        <h2 id="facets-title" safe>
          {ctx.t('search.filters')}
        </h2>
        {(['categoryTop', 'category', 'stars', 'province', 'commune', 'seller'] as const).map((name) => (
          <FacetList ctx={ctx} params={params} result={result} name={name} />
        ))}
        <PriceForm ctx={ctx} params={params} />
        {result.totalIsLowerBound ? (
          <p class="muted" safe>
            {ctx.t('search.facets_sampled', { count: result.total })}
          </p>
        ) : (
          ''
        )}
      </aside>
      <section aria-labelledby="results-title">
        <h2 id="results-title" class="count" safe>
          {count}
        </h2>
        {result.fuzzy ? (
          <p class="notice" safe>
            {ctx.t('search.fuzzy')}
          </p>
        ) : (
          ''
        )}
        <nav class="sorts" aria-label={ctx.t('search.sort')}>
          {offered.map((s) =>
            s === result.sort ? (
              <strong aria-current="true" safe>
                {ctx.t(`search.sort.${s}`)}
              </strong>
            ) : (
              <a href={link(params, { sort: s })} safe>
                {ctx.t(`search.sort.${s}`)}
              </a>
            ),
          )}
        </nav>
        <ol class="cards">
          {result.hits.map((hit) => (
            <Card ctx={ctx} hit={hit} />
          ))}
        </ol>
        <p class="pages">
          {params.cursor ? (
            <a href={link(params, {})} safe>
              {ctx.t('search.first')}
            </a>
          ) : (
            ''
          )}{' '}
          {result.nextCursor ? (
            <a rel="next" href={link(params, { cursor: result.nextCursor })} safe>
              {ctx.t('search.next')}
            </a>
          ) : (
            ''
          )}
        </p>
      </section>
    </div>
  );
}

/** The search results page: works as plain HTML links and GET forms. */
export function SearchPage({
  ctx,
  params,
  result,
  state,
}: {
  ctx: PageCtx;
  params: SearchParams;
  result?: SearchResult;
  state?: FormState;
}) {
  const q = params.q?.trim() ?? '';
  return (
    <Layout
      ctx={ctx}
      title={q ? ctx.t('search.title_for', { q }) : ctx.t('search.title')}
      head={<link rel="stylesheet" href={asset('search.css')} />}
    >
      <h1 safe>{q ? ctx.t('search.title_for', { q }) : ctx.t('search.title')}</h1>
      {state ? <ErrorSummary state={state} t={ctx.t} /> : ''}
      <search>
        <form method="get" action="/tim-kiem" class="search-form">
          <label for="f-q" safe>
            {ctx.t('search.input')}
          </label>
          <input
            id="f-q"
            name="q"
            type="search"
            value={q}
            maxlength={100}
            placeholder={ctx.t('search.placeholder')}
            autocomplete="off"
          />
          <button type="submit" safe>
            {ctx.t('search.submit')}
          </button>
        </form>
      </search>
      {!result ? (
        ''
      ) : result.hits.length ? (
        <Results ctx={ctx} params={params} result={result} />
      ) : (
        <Nothing ctx={ctx} params={params} result={result} />
      )}
    </Layout>
  );
}
