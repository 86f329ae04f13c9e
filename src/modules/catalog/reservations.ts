import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { isUuid } from '../../platform/db/columns.js';
import type { Executor } from '../../platform/db/pool.js';
import { products, productVariants } from './schema.js';

/**
 * Takes `quantity` units of a variant out of stock for an order. One conditional UPDATE both
 * checks and takes, so concurrent checkouts can never take stock below zero: each one either
 * gets its units from the stock as it is at that moment or is refused (false).
 */
export async function reserveStock(tx: Executor, variantId: string, quantity: number): Promise<boolean> {
  if (!Number.isInteger(quantity) || quantity <= 0) throw new Error(`reserveStock: bad quantity ${quantity}`);
  const rows = await tx
    .update(productVariants)
    .set({ stock: sql`${productVariants.stock} - ${quantity}` })
    .where(and(eq(productVariants.id, variantId), gte(productVariants.stock, quantity)))
    .returning({ id: productVariants.id });
  return rows.length === 1;
}

/** Puts units taken by `reserveStock` back (an order cancelled or returned). */
export async function releaseStock(tx: Executor, variantId: string, quantity: number): Promise<void> {
  if (!Number.isInteger(quantity) || quantity <= 0) throw new Error(`releaseStock: bad quantity ${quantity}`);
  await tx
    .update(productVariants)
    .set({ stock: sql`${productVariants.stock} + ${quantity}` })
    .where(eq(productVariants.id, variantId));
}

/** What buying needs to know of a variant: price, stock, its product and the shop selling it. */
export interface VariantForSale {
  variantId: string;
  variantName: string;
  sku: string;
  price: bigint;
  stock: number;
  productId: string;
  productName: string;
  slug: string;
  /** Only a published product can be bought. */
  published: boolean;
  category: string;
  unit: string;
  weightGrams: number | null;
  sellerId: string;
  /** How many variants the product has (a lone variant's name is not worth showing). */
  variantCount: number;
}

/** The variants of a cart or a checkout, read in one query (unknown ids are left out). */
export async function variantsForSale(db: Executor, variantIds: string[]): Promise<VariantForSale[]> {
  const ids = [...new Set(variantIds.filter(isUuid))];
  if (!ids.length) return [];
  const rows = await db
    .select({
      variantId: productVariants.id,
      variantName: productVariants.name,
      sku: productVariants.sku,
      price: productVariants.price,
      stock: productVariants.stock,
      productId: products.id,
      productName: products.name,
      slug: products.slug,
      status: products.status,
      category: products.category,
      unit: products.unit,
      weightGrams: products.weightGrams,
      sellerId: products.sellerId,
      variantCount: sql<number>`(SELECT count(*)::int FROM ${productVariants} v WHERE v.product_id = ${products.id})`,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(inArray(productVariants.id, ids));
  return rows.map(({ status, ...r }) => ({ ...r, published: status === 'published' }));
}
