import { briefCachePerDb } from '../../platform/brief-cache.js';
import type { Db } from '../../platform/db/pool.js';
import { read } from './read.js';

/**
 * Product lists of the public pages (category, shop, home), read from search_documents:
 * one row per published product with everything a card shows, so a list is one indexed
 * query. (The search engine ranks typed queries; these lists only filter and sort.)
 */

export const listSorts = ['best_selling', 'newest', 'price_asc', 'price_desc'] as const;
export type ListSort = (typeof listSorts)[number];
export const LIST_SIZE = 24;

/** What a product card shows. OCOP stars only while the certificate is valid. */
export interface Card {
  productId: string;
  slug: string;
  name: string;
  sellerName: string;
  priceMin: bigint;
  unit: string;
  image: { alt: string; renditions: { width: number; height?: number; key: string }[] } | null;
  ocopStars: number | null;
  isKeyProduct: boolean;
  originCommuneCode: string | null;
  category: string;
}

/** What a list page was asked for: sort, filters, and where the page starts. */
export interface ListQuery {
  sort: ListSort;
  stars?: number;
  /** A commune (a province on the national instance) the products come from. */
  origin?: string;
  cursor?: string;
}

export interface ListFilter {
  /** A top category (`food`) or a leaf (`food.bird_nest`). */
  category?: string;
  sellerId?: string;
  /** Valid OCOP stars, exactly. */
  stars?: number;
  province?: string;
  commune?: string;
}

/** Sort column and direction; the product id breaks ties so that keyset pages never overlap. */
const order: Record<ListSort, { key: string; desc: boolean }> = {
  best_selling: { key: 'sales_count', desc: true },
  newest: { key: 'published_at', desc: true },
  price_asc: { key: 'price_min', desc: false },
  price_desc: { key: 'price_min', desc: true },
};

/** Cursor of the next page: the last card's sort key and id, `<key>.<uuid>` (readable, in links). */
export function encodeCursor(row: { key: string; product_id: string }): string {
  return `${row.key}.${row.product_id}`;
}

const CURSOR = /^(-?\d{1,20})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The cursor's key and id; undefined when it is not one (a broken link starts at the first page). */
export function decodeCursor(raw: string | undefined): { key: string; id: string } | undefined {
  const m = raw ? CURSOR.exec(raw) : null;
  return m ? { key: m[1], id: m[2] } : undefined;
}

export const cardColumns = `product_id, slug, name, seller_name, price_min, unit, image,
  CASE WHEN ocop_expires_on >= $1::date THEN ocop_stars END AS ocop_stars,
  is_key_product, origin_commune_code, category`;

export interface CardRow {
  product_id: string;
  slug: string;
  name: string;
  seller_name: string;
  price_min: bigint;
  unit: string;
  image: Card['image'];
  ocop_stars: number | null;
  is_key_product: boolean;
  origin_commune_code: string | null;
  category: string;
}

export const toCard = (r: CardRow): Card => ({
  productId: r.product_id,
  slug: r.slug,
  name: r.name,
  sellerName: r.seller_name,
  priceMin: r.price_min,
  unit: r.unit,
  image: r.image,
  ocopStars: r.ocop_stars,
  isKeyProduct: r.is_key_product,
  originCommuneCode: r.origin_commune_code,
  category: r.category,
});

/** The WHERE clause of a filter, with its values numbered after `first - 1` given ones. */
export function filterSql(f: ListFilter, first: number): { where: string[]; values: unknown[] } {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (clause: (n: string) => string, v: unknown) => {
    values.push(v);
    where.push(clause(`$${first + values.length - 1}`));
  };
  if (f.category)
    add((n) => (f.category!.includes('.') ? `category = ${n}` : `category_top = ${n}`), f.category);
  if (f.sellerId) add((n) => `seller_id = ${n}::uuid`, f.sellerId);
  if (f.province) add((n) => `origin_province_code = ${n}`, f.province);
  if (f.commune) add((n) => `origin_commune_code = ${n}`, f.commune);
  // $1 is always today: a certificate that expired since indexing no longer counts.
  if (f.stars) add((n) => `ocop_stars = ${n}::int AND ocop_expires_on >= $1::date`, f.stars);
  return { where, values };
}

export interface CardPage {
  items: Card[];
  next: string | null;
}
interface ListOptions {
  filter: ListFilter;
  sort: ListSort;
  cursor?: string;
  limit?: number;
  today: string;
}

const pages = briefCachePerDb<CardPage>();

/**
 * One page of a filtered list in the sort's order, starting after `cursor`; `next` is the
 * cursor of the following page, or null on the last one. Kept a second: a category's first
 * page is asked for many times a second and is the same for everyone.
 */
export function listCards(db: Db, opts: ListOptions): Promise<CardPage> {
  return pages(db).get(JSON.stringify(opts), () => readCards(db, opts));
}

async function readCards(db: Db, opts: ListOptions): Promise<CardPage> {
  const limit = opts.limit ?? LIST_SIZE;
  const { key, desc } = order[opts.sort];
  const { where, values } = filterSql(opts.filter, 2);
  const all: unknown[] = [opts.today, ...values];
  const after = decodeCursor(opts.cursor);
  if (after) {
    // Published times go into the cursor as microseconds since 1970: exact, and short in a link.
    const keyValue =
      key === 'published_at'
        ? `'epoch'::timestamptz + $${all.length + 1}::bigint * interval '1 microsecond'`
        : `$${all.length + 1}::bigint`;
    all.push(after.key, after.id);
    where.push(`(${key}, product_id) ${desc ? '<' : '>'} (${keyValue}, $${all.length}::uuid)`);
  }
  const keyText =
    key === 'published_at' ? `(extract(epoch FROM published_at) * 1000000)::bigint::text` : `${key}::text`;
  const dir = desc ? 'DESC' : 'ASC';
  const rows = await read<CardRow & { key: string }>(
    db,
    `SELECT ${cardColumns}, ${keyText} AS key FROM search_documents
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${key} ${dir}, product_id ${dir} LIMIT ${limit + 1}`,
    all,
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toCard),
    next: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
