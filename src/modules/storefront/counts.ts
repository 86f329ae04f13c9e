import { briefCachePerDb } from '../../platform/brief-cache.js';
import type { Db } from '../../platform/db/pool.js';
import { type Card, type CardRow, cardColumns, toCard } from './listing.js';
import { read } from './read.js';

/**
 * Counts and showcases over the whole catalog: the same for every visitor and costly per
 * request, so each is computed once a second at most (brief-cache.ts) and shared by the
 * home page, every category page and their JSON twins.
 */

const NATIONAL = '00';

export interface FacetValue {
  value: string;
  count: number;
}
export interface CategoryFacets {
  stars: FacetValue[];
  /** Communes of the instance's province (provinces on the national instance), most products first. */
  origin: FacetValue[];
}
export interface Specialty {
  /** A commune of the instance's province (a province on the national instance). */
  code: string;
  count: number;
  /** Its most common leaf categories, most products first. */
  categories: string[];
}

/** What one pass over the catalog tells: products per category, filter counts, where products come from. */
export interface CatalogSummary {
  /** Published products per category code, leaves and tops (a top counts its leaves). */
  counts: Map<string, number>;
  facets(code: string): CategoryFacets;
  specialties: Specialty[];
}

const ORIGIN_VALUES = 12;
const SPECIALTIES = 8;
const summaries = briefCachePerDb<CatalogSummary>();

/**
 * One aggregate of the catalog (category × origin × valid stars): a single pass a second
 * costs less than a count per category page, and answers the home page too.
 */
export function catalogSummary(db: Db, provinceCode: string, today: string): Promise<CatalogSummary> {
  return summaries(db).get(`${provinceCode}|${today}`, async () => {
    const national = provinceCode === NATIONAL;
    const rows = await read<{ category: string; origin: string | null; stars: number | null; n: number }>(
      db,
      `SELECT category,
         ${national ? 'origin_province_code' : 'CASE WHEN origin_province_code = $2 THEN origin_commune_code END'} AS origin,
         CASE WHEN ocop_expires_on >= $1::date THEN ocop_stars END AS stars, count(*)::int AS n
       FROM search_documents GROUP BY 1, 2, 3`,
      national ? [today] : [today, provinceCode],
    );
    return summarize(rows);
  });
}

type Tally = Map<string, number>;
const add = (m: Tally, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
const ranked = (m: Tally | undefined, limit = Number.POSITIVE_INFINITY) =>
  [...(m ?? [])]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, limit)
    .map(([value, count]) => ({ value, count }));

function summarize(rows: { category: string; origin: string | null; stars: number | null; n: number }[]) {
  const counts: Tally = new Map();
  const stars = new Map<string, Tally>();
  const origins = new Map<string, Tally>();
  const places = new Map<string, Tally>();
  const at = (m: Map<string, Tally>, k: string) => m.get(k) ?? m.set(k, new Map()).get(k)!;
  for (const r of rows) {
    for (const code of [r.category, r.category.split('.')[0]]) {
      add(counts, code, r.n);
      if (r.stars) add(at(stars, code), String(r.stars), r.n);
      if (r.origin) add(at(origins, code), r.origin, r.n);
    }
    if (r.origin) add(at(places, r.origin), r.category, r.n);
  }
  const specialties = [...places]
    .map(([code, cats]) => ({ code, count: [...cats.values()].reduce((a, b) => a + b, 0), cats }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1))
    .slice(0, SPECIALTIES)
    .map(({ code, count, cats }) => ({ code, count, categories: ranked(cats, 3).map((c) => c.value) }));
  return {
    counts,
    specialties,
    facets: (code: string): CategoryFacets => ({
      stars: [...(stars.get(code) ?? [])]
        .sort(([a], [b]) => Number(b) - Number(a))
        .map(([value, count]) => ({ value, count })),
      origin: ranked(origins.get(code), ORIGIN_VALUES),
    }),
  };
}

export interface Showcases {
  ocop: Card[];
  key: Card[];
}

const showcaseCache = briefCachePerDb<Showcases>();
const SHOWCASE = 8;

/** The home page's valid OCOP products (most stars, then best selling) and key products of the province. */
export function showcases(db: Db, provinceCode: string, today: string): Promise<Showcases> {
  return showcaseCache(db).get(`${provinceCode}|${today}`, async () => {
    const national = provinceCode === NATIONAL;
    const inProvince = national ? '' : 'AND origin_province_code = $2';
    const values = national ? [today] : [today, provinceCode];
    const [ocop, key] = await Promise.all([
      read<CardRow>(
        db,
        `SELECT ${cardColumns} FROM search_documents
         WHERE ocop_stars IS NOT NULL AND ocop_expires_on >= $1::date ${inProvince}
         ORDER BY ocop_stars DESC, sales_count DESC, product_id DESC LIMIT ${SHOWCASE}`,
        values,
      ),
      read<CardRow>(
        db,
        `SELECT ${cardColumns} FROM search_documents WHERE is_key_product ${inProvince}
         ORDER BY sales_count DESC, product_id DESC LIMIT ${SHOWCASE}`,
        values,
      ),
    ]);
    return { ocop: ocop.map(toCard), key: key.map(toCard) };
  });
}
