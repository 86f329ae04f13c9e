import { type SQL, sql } from 'drizzle-orm';
import type { Cursor } from './cursor.js';
import type { SearchQuery, Sort } from './engine.js';
import type { Clause, ParsedQuery, Variants } from './query.js';
import { toTsQuery } from './query.js';
import { SALES_TIERS, tierWord } from './schema.js';

/**
 * The pieces of SQL the PostgreSQL engine puts together. Every value is a bound parameter;
 * the only text spliced in is from the fixed lists below.
 */

/**
 * The score of a result, one sum that can be read back part by part:
 *   relevance (0..1) = 0.6 × share of the query's words found in what the product is: its
 *                          name, category and origin (a word found only through a typo
 *                          correction, a completion or a split counts 0.6)
 *                    + 0.1 × the name, or a category or place name, contains the query as
 *                          typed (same words, same order)
 *                    + 0.1 × the name starts with the query
 *                    + 0.2 × share of the words typed with diacritics found so spelt in the
 *                          name, category or origin
 *   ocop  = 0.01 × stars, while the certificate is valid (0.03..0.05)
 *   sales = 0.01 × log10(1 + units sold), at most 0.04 (10,000 sold)
 * Boosts add at most 0.09, so they order results of equal or nearly equal relevance and
 * never lift a product over one that matches the query clearly better.
 */
export const WEIGHTS = {
  coverage: 0.6,
  loose: 0.6,
  phrase: 0.1,
  prefix: 0.1,
  accents: 0.2,
  star: 0.01,
  sales: 0.01,
};

/**
 * The expressions below read the candidate rows `c` (see `candidates`): their valid stars,
 * sales, folded name, name words and name as written.
 */
export const ocopBoost = sql`coalesce(${WEIGHTS.star}::float8 * c.ocop_stars, 0)`;
export const salesBoost = sql`(${WEIGHTS.sales}::float8 * least(4, log(1 + c.sales_count::float8)))`;

export const validStars = (today: string) =>
  sql`(CASE WHEN d.ocop_expires_on >= ${today}::date THEN d.ocop_stars END)`;

/** Share of the query's clauses the title (name, category, origin) covers, 0..1; through a variant only, 0.6. */
export function coverage(clauses: Clause[], variants: Variants): SQL {
  const parts: SQL[] = clauses.map((cl) => {
    const exact = toTsQuery([cl]);
    const loose = toTsQuery([cl], variants);
    return exact === loose
      ? sql`(c.title_tsv @@ ${exact}::tsquery)::int`
      : sql`(CASE WHEN c.title_tsv @@ ${exact}::tsquery THEN 1 WHEN c.title_tsv @@ ${loose}::tsquery THEN ${WEIGHTS.loose}::float8 ELSE 0 END)`;
  });
  return sql`((${sql.join(parts, sql` + `)})::float8 / ${clauses.length})`;
}

/** Relevance (0..1) of a candidate: how much of the query its title covers, and how well its name matches. */
export function relevance(p: ParsedQuery, clauses: Clause[], variants: Variants): SQL {
  return sql`(${WEIGHTS.coverage}::float8 * ${coverage(clauses, variants)} + ${textBonus(p)})`;
}

function textBonus(p: ParsedQuery): SQL {
  // The query as typed, in the name or in a category or place name ("hải sản khô").
  const phrase = sql`${WEIGHTS.phrase}::float8 * (strpos(c.name_folded, ${p.folded}) > 0 OR strpos(c.keywords_folded, ${p.folded}) > 0)::int`;
  const prefix = sql`${WEIGHTS.prefix}::float8 * starts_with(c.name_folded, ${p.folded})::int`;
  if (!p.accentWords.length) return sql`${phrase} + ${prefix}`;
  // Read only for the candidates kept, after the cap (not for every match).
  const title = sql`(lower(c.name) || ' ' || c.keywords_text)`;
  const found = p.accentWords.map((w) => sql`(strpos(${title}, ${w}) > 0)::int`);
  const accents = sql`${WEIGHTS.accents}::float8 * (${sql.join(found, sql` + `)}) / ${p.accentWords.length}`;
  return sql`${phrase} + ${prefix} + ${accents}`;
}

/**
 * Rows of documents matching `tsq` (and `conds`), at most `cap`, best-selling tier first.
 * Each tier is a word of the body (see SALES_TIERS), so the full-text index gives the matches
 * of the top tier, then of the next, and the scan stops once `cap` are found: a query that
 * matches much of the catalog reads `cap` rows, not all its matches. (Within a tier, rows
 * come in storage order. Run it without parallel workers, which would mix the tiers.)
 */
export function tiered(columns: SQL, tsq: string | null, conds: SQL[], cap: number): SQL {
  const tiers = SALES_TIERS.map((_, i) => tierWord(SALES_TIERS.length - i)).concat(tierWord(0));
  const branch = (tier: string) => {
    const match = tsq ? sql`(${tsq}::tsquery && ${tier}::tsquery)` : sql`${tier}::tsquery`;
    return sql`(SELECT ${columns} FROM search_documents d ${where([sql`d.body_tsv @@ ${match}`, ...conds])})`;
  };
  return sql`SELECT * FROM (${sql.join(tiers.map(branch), sql` UNION ALL `)}) t LIMIT ${cap}`;
}

/** The matches a query ranks, counts and facets: the first `cap` of `tiered`. */
export function candidates(tsq: string | null, conds: SQL[], today: string, cap: number): SQL {
  const columns = sql`d.product_id, d.category, d.category_top, d.origin_province_code, d.origin_commune_code,
    d.seller_id, ${validStars(today)} AS ocop_stars, d.price_min, d.published_at, d.sales_count,
    d.name, d.name_folded, d.keywords_text, d.keywords_folded, d.title_tsv`;
  return tiered(columns, tsq, conds, cap);
}

/** The filters of a query, on the documents aliased `d`. */
export function filters(q: SearchQuery, today: string): SQL[] {
  const out: SQL[] = [];
  if (q.category)
    out.push(
      q.category.includes('.') ? sql`d.category = ${q.category}` : sql`d.category_top = ${q.category}`,
    );
  if (q.province) out.push(sql`d.origin_province_code = ${q.province}`);
  if (q.commune) out.push(sql`d.origin_commune_code = ${q.commune}`);
  if (q.stars) out.push(sql`d.ocop_stars = ${q.stars} AND d.ocop_expires_on >= ${today}::date`);
  if (q.priceMin !== undefined) out.push(sql`d.price_min >= ${q.priceMin}`);
  if (q.priceMax !== undefined) out.push(sql`d.price_min <= ${q.priceMax}`);
  if (q.seller) out.push(sql`d.seller_id = ${q.seller}`);
  return out;
}

export const where = (conds: SQL[]) => (conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``);

/** Column and direction of each sort; product id breaks ties so the order is total. */
const orders: Record<Exclude<Sort, 'relevance'>, { col: SQL; desc: boolean; cast: SQL }> = {
  price_asc: { col: sql.raw('price_min'), desc: false, cast: sql.raw('bigint') },
  price_desc: { col: sql.raw('price_min'), desc: true, cast: sql.raw('bigint') },
  newest: { col: sql.raw('published_at'), desc: true, cast: sql.raw('timestamptz') },
  best_selling: { col: sql.raw('sales_count'), desc: true, cast: sql.raw('integer') },
};

export function orderBy(sort: Sort, alias: string): SQL {
  const a = sql.raw(alias);
  if (sort === 'relevance') return sql`${a}.score DESC, ${a}.product_id DESC`;
  const o = orders[sort];
  const dir = sql.raw(o.desc ? 'DESC' : 'ASC');
  return sql`${a}.${o.col} ${dir}, ${a}.product_id ${dir}`;
}

/** Rows after the cursor, in the sort's order (a row comparison the btree indexes can use). */
export function after(cursor: Cursor | undefined, alias: string): SQL | undefined {
  if (!cursor) return undefined;
  const a = sql.raw(alias);
  if (cursor.sort === 'relevance')
    return sql`(${a}.score, ${a}.product_id) < (${Number(cursor.key)}::float8, ${cursor.id}::uuid)`;
  const o = orders[cursor.sort];
  const op = sql.raw(o.desc ? '<' : '>');
  return sql`(${a}.${o.col}, ${a}.product_id) ${op} (${cursor.key}::${o.cast}, ${cursor.id}::uuid)`;
}

/** The sort key of a result row, as its cursor carries it. */
export function keyOf(
  sort: Sort,
  row: { score?: number; price_min: string; published_at: string; sales_count: number },
) {
  switch (sort) {
    case 'relevance':
      return String(row.score);
    case 'price_asc':
    case 'price_desc':
      return String(row.price_min);
    case 'newest':
      return new Date(row.published_at).toISOString();
    case 'best_selling':
      return String(row.sales_count);
  }
}

/** Columns a result shows, from the documents aliased `d`, as JSON-friendly values. */
export const hitColumns = (today: string) => sql`d.product_id, d.slug, d.name, d.seller_id, d.seller_name,
  d.category, d.origin_province_code, d.origin_commune_code, ${validStars(today)} AS ocop_stars,
  d.is_key_product, d.price_min::text AS price_min, d.unit, d.image, d.sales_count, d.published_at`;

/** The most values a facet lists. */
export const FACET_VALUES = 20;

/**
 * Counts by each facet over the candidate rows `m`, the FACET_VALUES largest of each, with
 * the sellers' names (looked up only for those shown).
 */
export const facetCounts = sql`SELECT f.facet, f.value, f.count,
    CASE WHEN f.facet = 'seller' THEN (SELECT d.seller_name FROM search_documents d WHERE d.seller_id = f.value::uuid LIMIT 1) END AS label
  FROM (SELECT u.*, row_number() OVER (PARTITION BY u.facet ORDER BY u.count DESC, u.value) AS rn FROM (
    SELECT 'categoryTop' AS facet, category_top AS value, count(*)::int AS count FROM m GROUP BY 2
    UNION ALL SELECT 'category', category, count(*)::int FROM m GROUP BY 2
    UNION ALL SELECT 'province', origin_province_code, count(*)::int FROM m GROUP BY 2
    UNION ALL SELECT 'commune', origin_commune_code, count(*)::int FROM m WHERE origin_commune_code IS NOT NULL GROUP BY 2
    UNION ALL SELECT 'stars', ocop_stars::text, count(*)::int FROM m WHERE ocop_stars IS NOT NULL GROUP BY 2
    UNION ALL SELECT 'seller', seller_id::text, count(*)::int FROM m GROUP BY 2) u) f
  WHERE f.rn <= ${FACET_VALUES}`;
