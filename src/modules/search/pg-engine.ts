import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import { vietnamDay } from '../../platform/http/i18n.js';
import { type Cursor, decodeCursor, encodeCursor } from './cursor.js';
import type {
  CategoryNames,
  Facets,
  FacetValue,
  SearchEngine,
  SearchHit,
  SearchQuery,
  SearchResult,
  Sort,
  Suggestion,
} from './engine.js';
import { PAGE_SIZE } from './engine.js';
import {
  after,
  candidates,
  FACET_VALUES,
  facetCounts,
  filters,
  hitColumns,
  keyOf,
  ocopBoost,
  orderBy,
  relevance,
  salesBoost,
  tiered,
  where,
} from './pg-sql.js';
import { expandSynonyms, parseQuery, type SynonymGroup, toTsQuery, type Variants } from './query.js';
import { lookUpWords, variantsOf, widens } from './vocabulary.js';
import { suggestCategories, zeroResultSuggestions } from './zero-results.js';

/**
 * At most this many matches are ranked, counted and faceted per query (the best-selling
 * first, see `candidates`), so that a query matching much of the catalog ("khanh hoa")
 * costs what a narrow one does. Beyond it the total is shown as "more than", and facets
 * count those matches.
 */
export const CANDIDATE_CAP = 1000;

export interface PgEngineOptions {
  categories: CategoryNames;
  /** The synonym groups officers maintain (cached briefly by the caller). */
  synonyms: () => Promise<SynonymGroup[]>;
}

type HitRow = {
  product_id: string;
  slug: string;
  name: string;
  seller_id: string;
  seller_name: string;
  category: string;
  origin_province_code: string;
  origin_commune_code: string | null;
  ocop_stars: number | null;
  is_key_product: boolean;
  price_min: string;
  unit: string;
  image: SearchHit['image'];
  sales_count: number;
  published_at: string;
  relevance?: number;
  ocop?: number;
  sales?: number;
  score?: number;
};

/**
 * Runs a search statement without parallel workers. On a small machine serving many
 * searches at once, a parallel plan only adds worker start-up and contention, and it would
 * read the sales tiers of `candidates` out of order.
 */
function serial(db: Executor) {
  return {
    execute: <T extends Record<string, unknown>>(query: SQL) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
        return tx.execute<T>(query);
      }),
  };
}

interface Matching {
  /** The full-text query the body must match. */
  tsq: string;
  relevance: SQL;
  /** The candidate's title (name, category, origin) has every word of the query, or a variant of it. */
  full: SQL;
}

type Page = Omit<SearchResult, 'fuzzy' | 'suggestions'> & { anyFull: boolean };

export function pgSearchEngine(db: Executor, opts: PgEngineOptions): SearchEngine {
  async function search(q: SearchQuery): Promise<SearchResult> {
    const today = q.today ?? vietnamDay();
    const limit = q.limit ?? PAGE_SIZE;
    const p = parseQuery(q.q);
    const asked: Sort = q.sort ?? (p.tokens.length ? 'relevance' : 'best_selling');
    // Without a query there is nothing to be relevant to: the list is best selling first.
    const sort: Sort = asked === 'relevance' && !p.tokens.length ? 'best_selling' : asked;
    const cursor = q.cursor ? decodeCursor(q.cursor, sort) : undefined;
    const conds = filters(q, today);
    const run = (m?: Matching) => page({ conds, m, sort, cursor, limit, today });
    if (!p.tokens.length) return result(await run(), false, none);

    const clauses = expandSynonyms(p.tokens, await opts.synonyms());
    const last = p.tokens[p.tokens.length - 1];
    const words = [...new Set(clauses.flatMap((c) => c.alternatives.flat()))];
    const infos = await lookUpWords(
      db,
      words.map((word) => ({ word, complete: p.lastIsPrefix && word === last })),
    );
    const matching = (variants: Variants): Matching => {
      const tsq = toTsQuery(clauses, variants);
      return {
        tsq,
        relevance: relevance(p, clauses, variants),
        full: sql`c.title_tsv @@ ${tsq}::tsquery`,
      };
    };
    const first = await run(matching(variantsOf(infos)));
    // No name has every word as typed: try words close to the known ones too, which is what a
    // typo that makes another real word needs ("yen sau" -> "yen sao"). Taken only when it
    // finds a name with every word, or when the first try found nothing at all.
    if (!first.anyFull && widens(infos)) {
      const wide = await run(matching(variantsOf(infos, true)));
      if (wide.anyFull || (!first.total && wide.total)) return result(wide, true, none);
    }
    return result(
      first,
      false,
      first.total ? none : await zeroResultSuggestions(db, p, infos, opts.categories),
    );
  }

  function result(r: Page, fuzzy: boolean, suggestions: SearchResult['suggestions']): SearchResult {
    const { anyFull: _, ...rest } = r;
    return { ...rest, fuzzy, suggestions };
  }

  async function page(a: {
    conds: SQL[];
    m?: Matching;
    sort: Sort;
    cursor?: Cursor;
    limit: number;
    today: string;
  }): Promise<Page> {
    const conds = a.m ? [sql`d.body_tsv @@ ${a.m.tsq}::tsquery`, ...a.conds] : a.conds;
    const found = candidates(a.m?.tsq ?? null, a.conds, a.today, CANDIDATE_CAP);
    const summary = sql`(SELECT count(*) FROM m)::int AS total, (SELECT json_agg(f) FROM (${facetCounts}) f) AS facets`;
    let hits: HitRow[];
    let totals: { total: number; facets: FacetRow[] | null; any_full: boolean | null };
    if (a.sort === 'relevance' && a.m) {
      const keyset = after(a.cursor, 'm');
      const r = await serial(db).execute<{
        total: number;
        hits: HitRow[] | null;
        facets: FacetRow[] | null;
        any_full: boolean | null;
      }>(sql`
        WITH m AS MATERIALIZED (
          SELECT s.*, s.relevance + s.ocop + s.sales AS score FROM (
            SELECT c.product_id, c.category, c.category_top, c.origin_province_code, c.origin_commune_code,
              c.seller_id, c.ocop_stars, ${a.m.relevance} AS relevance, ${a.m.full} AS name_full,
              ${ocopBoost} AS ocop, ${salesBoost} AS sales
            FROM (${found}) c) s),
        page AS (SELECT * FROM m ${keyset ? sql`WHERE ${keyset}` : sql``} ORDER BY ${orderBy('relevance', 'm')} LIMIT ${a.limit + 1})
        SELECT ${summary}, (SELECT bool_or(name_full) FROM m) AS any_full,
          (SELECT json_agg(x ORDER BY x.score DESC, x.product_id DESC) FROM (
            SELECT ${hitColumns(a.today)}, page.relevance, page.ocop, page.sales, page.score
            FROM page JOIN search_documents d ON d.product_id = page.product_id) x) AS hits`);
      hits = r.rows[0].hits ?? [];
      totals = r.rows[0];
    } else {
      const keyset = after(a.cursor, 'd');
      const [h, s] = await Promise.all([
        serial(db).execute<HitRow>(sql`SELECT ${hitColumns(a.today)} FROM search_documents d
          ${where(keyset ? [...conds, keyset] : conds)} ORDER BY ${orderBy(a.sort, 'd')} LIMIT ${a.limit + 1}`),
        serial(db).execute<{ total: number; facets: FacetRow[] | null; any_full: boolean | null }>(sql`
          WITH m AS MATERIALIZED (${found}) SELECT ${summary},
            ${a.m ? sql`(SELECT bool_or(${a.m.full}) FROM m c)` : sql`false`} AS any_full`),
      ]);
      hits = h.rows;
      totals = s.rows[0];
    }
    const more = hits.length > a.limit;
    const shown = hits.slice(0, a.limit);
    const lastRow = shown[shown.length - 1];
    return {
      hits: shown.map(toHit),
      total: totals.total,
      totalIsLowerBound: totals.total >= CANDIDATE_CAP,
      facets: toFacets(totals.facets ?? []),
      nextCursor:
        more && lastRow
          ? encodeCursor({ sort: a.sort, key: keyOf(a.sort, lastRow), id: lastRow.product_id })
          : null,
      sort: a.sort,
      anyFull: totals.any_full ?? false,
    };
  }

  async function suggest(prefix: string): Promise<Suggestion> {
    const p = parseQuery(prefix, { typing: true });
    if (p.folded.length < 2) return { products: [], categories: [] };
    const categories = suggestCategories(p.tokens, opts.categories).slice(0, 4);
    // Two letters match too much of the catalogue to be worth a query: categories only.
    if (p.folded.length < 3) return { products: [], categories };
    const last = p.tokens[p.tokens.length - 1];
    const infos = await lookUpWords(
      db,
      p.tokens.map((word) => ({ word, complete: p.lastIsPrefix && word === last })),
    );
    const clauses = p.tokens.map((t) => ({ source: [t], alternatives: [[t]] }));
    // Names with every word typed (the last one possibly unfinished): those that start with
    // what was typed first, then those containing it as typed, then the others; best selling first.
    const tsq = toTsQuery(clauses, variantsOf(infos));
    const columns = sql`d.name, d.slug, d.name_folded, d.sales_count`;
    const r = await serial(db).execute<{ name: string; slug: string; name_folded: string }>(sql`
      SELECT s.name, s.slug, s.name_folded FROM (${tiered(columns, tsq, [sql`d.name_tsv @@ ${tsq}::tsquery`], 40)}) s
      ORDER BY starts_with(s.name_folded, ${p.folded}) DESC, strpos(' ' || s.name_folded, ${` ${p.folded}`}) > 0 DESC,
        s.sales_count DESC, s.name`);
    const byName = new Map<string, { name: string; slug: string }>();
    for (const x of r.rows)
      if (!byName.has(x.name_folded)) byName.set(x.name_folded, { name: x.name, slug: x.slug });
    return { products: [...byName.values()].slice(0, 6), categories };
  }

  return { search, suggest };
}

const none = { queries: [], categories: [] };

function toHit(r: HitRow): SearchHit {
  return {
    productId: r.product_id,
    slug: r.slug,
    name: r.name,
    sellerId: r.seller_id,
    sellerName: r.seller_name,
    category: r.category,
    originProvinceCode: r.origin_province_code,
    originCommuneCode: r.origin_commune_code,
    ocopStars: r.ocop_stars,
    isKeyProduct: r.is_key_product,
    priceMin: BigInt(r.price_min),
    unit: r.unit,
    image: r.image,
    salesCount: r.sales_count,
    publishedAt: new Date(r.published_at),
    ...(r.score !== undefined
      ? { score: { relevance: r.relevance!, ocop: r.ocop!, sales: r.sales!, score: r.score } }
      : {}),
  };
}

interface FacetRow {
  facet: keyof Facets;
  value: string | null;
  label: string | null;
  count: number;
}

function toFacets(rows: FacetRow[]): Facets {
  const facets: Facets = { categoryTop: [], category: [], province: [], commune: [], stars: [], seller: [] };
  for (const r of rows) {
    if (r.value === null) continue;
    const v: FacetValue = { value: r.value, count: r.count };
    if (r.facet === 'seller' && r.label) v.label = r.label;
    facets[r.facet].push(v);
  }
  for (const k of Object.keys(facets) as (keyof Facets)[]) {
    facets[k].sort((a, b) =>
      k === 'stars' ? Number(b.value) - Number(a.value) : b.count - a.count || a.value.localeCompare(b.value),
    );
    facets[k] = facets[k].slice(0, FACET_VALUES);
  }
  return facets;
}
