import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../platform/db/pool.js';
import { productStatus, products } from './schema.js';

export const PAGE_SIZE = 50;

/** Filters of the product lists (seller centre and console); unknown values are ignored, not refused. */
export const listQuery = z.object({
  status: z
    .enum(productStatus.enumValues)
    .optional()
    .catch(undefined)
    .meta({ description: `One of: ${productStatus.enumValues.join(', ')}` }),
  q: z.string().trim().max(100).optional().catch(undefined).meta({ description: 'Words of the name' }),
  page: z.coerce.number().int().min(1).max(10000).optional().catch(undefined),
});
export type ListFilters = z.output<typeof listQuery>;

/** A row of a product list: what a table shows, with the stock of all variants summed. */
export interface ProductRow {
  id: string;
  sellerId: string;
  name: string;
  slug: string;
  category: string;
  status: (typeof productStatus.enumValues)[number];
  statusReason: string | null;
  priceMin: bigint | null;
  stock: number;
  variants: number;
  image: { alt: string; renditions: { width: number; height: number; key: string }[] } | null;
  updatedAt: Date;
}

/** One page of products; the subqueries name `products.id` outright (drizzle leaves the column unqualified). */
async function list(db: Executor, where: SQL | undefined, page: number) {
  const rows = await db
    .select({
      id: products.id,
      sellerId: products.sellerId,
      name: products.name,
      slug: products.slug,
      category: products.category,
      status: products.status,
      statusReason: products.statusReason,
      priceMin: products.priceMin,
      updatedAt: products.updatedAt,
      stock: sql<number>`(SELECT coalesce(sum(v.stock), 0)::int FROM product_variants v WHERE v.product_id = products.id)`,
      variants: sql<number>`(SELECT count(*)::int FROM product_variants v WHERE v.product_id = products.id)`,
      image: sql<ProductRow['image']>`(SELECT json_build_object('alt', i.alt, 'renditions', i.renditions)
        FROM product_images i WHERE i.product_id = products.id ORDER BY i.position, i.created_at LIMIT 1)`,
      total: sql<number>`count(*) OVER ()::int`,
    })
    .from(products)
    .where(where)
    .orderBy(desc(products.updatedAt), desc(products.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _, ...r }) => r as ProductRow),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

const byName = (q: string | undefined) =>
  q ? sql`unaccent(${products.name}) ILIKE unaccent(${`%${q.replace(/[\\%_]/g, '\\$&')}%`})` : undefined;

/** A shop's products, the last changed first. */
export function sellerProducts(db: Executor, sellerId: string, f: ListFilters) {
  return list(
    db,
    and(eq(products.sellerId, sellerId), f.status ? eq(products.status, f.status) : undefined, byName(f.q)),
    f.page ?? 1,
  );
}

/** Every shop's products, for officers: by words of the name (with or without diacritics) and status. */
export function allProducts(db: Executor, f: ListFilters) {
  return list(db, and(f.status ? eq(products.status, f.status) : undefined, byName(f.q)), f.page ?? 1);
}
