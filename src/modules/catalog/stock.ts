import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isUuid } from '../../platform/db/columns.js';
import type { Executor } from '../../platform/db/pool.js';
import { notFound, ValidationError } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import { memberSeller } from './access.js';
import { products, productVariants, stockAdjustments } from './schema.js';

const MAX_DELTA = 1_000_000;

/** A stock change by hand: "+20" received, "-3" broken in transport, with the reason. */
export const stockAdjustmentSchema = z.object({
  delta: z
    .preprocess(
      (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(/^\+/, '') : ''),
      z.string(),
    )
    .superRefine((v, ctx) => {
      if (!v) ctx.addIssue({ code: 'custom', message: 'v.required' });
      else if (!/^-?\d{1,7}$/.test(v) || Number(v) === 0 || Math.abs(Number(v)) > MAX_DELTA)
        ctx.addIssue({ code: 'custom', message: 'catalog.stock.delta' });
    })
    .transform(Number),
  reason: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z.string().min(1, 'catalog.stock.reason').max(200, 'v.too_long'),
  ),
});

/**
 * Changes a variant's stock by `delta` and records it. One conditional UPDATE both checks and
 * changes the stock, so concurrent adjustments can never take it below zero: each one
 * either applies to the stock as it is at that moment or is refused.
 */
export async function adjustStock(
  db: Executor,
  userId: string,
  productId: string,
  variantId: string,
  raw: unknown,
): Promise<{ stock: number }> {
  const { delta, reason } = parseInput(stockAdjustmentSchema, raw);
  return db.transaction(async (tx) => {
    // No lock on the product: adjustments of its variants run side by side.
    const [product] =
      isUuid(productId) && isUuid(variantId)
        ? await tx.select({ sellerId: products.sellerId }).from(products).where(eq(products.id, productId))
        : [];
    if (!product) throw notFound();
    await memberSeller(tx, userId, product.sellerId, { write: true });
    const [row] = await tx
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} + ${delta}` })
      .where(
        and(
          eq(productVariants.id, variantId),
          eq(productVariants.productId, productId),
          sql`${productVariants.stock} + ${delta} >= 0`,
        ),
      )
      .returning({ stock: productVariants.stock });
    if (!row) {
      const [v] = await tx
        .select({ stock: productVariants.stock })
        .from(productVariants)
        .where(and(eq(productVariants.id, variantId), eq(productVariants.productId, productId)));
      if (!v) throw notFound();
      throw new ValidationError([
        { field: 'delta', key: 'catalog.stock.below_zero', params: { stock: v.stock } },
      ]);
    }
    await tx
      .insert(stockAdjustments)
      .values({ variantId, delta, stockAfter: row.stock, reason, actorId: userId });
    return row;
  });
}

/** The latest stock adjustments of a product's variants, newest first. */
export async function stockHistory(db: Executor, productId: string, limit = 50) {
  return db
    .select({
      id: stockAdjustments.id,
      variantId: stockAdjustments.variantId,
      variantName: productVariants.name,
      delta: stockAdjustments.delta,
      stockAfter: stockAdjustments.stockAfter,
      reason: stockAdjustments.reason,
      actorId: stockAdjustments.actorId,
      at: stockAdjustments.at,
    })
    .from(stockAdjustments)
    .innerJoin(productVariants, eq(productVariants.id, stockAdjustments.variantId))
    .where(eq(productVariants.productId, productId))
    .orderBy(desc(stockAdjustments.at), desc(stockAdjustments.id))
    .limit(limit);
}
