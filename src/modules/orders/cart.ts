import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isUuid } from '../../platform/db/columns.js';
import type { Db, Executor } from '../../platform/db/pool.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import { type VariantForSale, variantsForSale } from '../catalog/index.js';
import { getSeller, type Seller } from '../sellers/index.js';
import { cartItems } from './schema.js';

/** The most of one variant a cart holds (the table's check says the same). */
export const MAX_QUANTITY = 999;

/**
 * Why a line cannot be bought now: the product is no longer published, its shop is not
 * approved (suspended, closed), none is left, or fewer than the cart asks for.
 */
type LineProblem = 'unavailable' | 'shop_unavailable' | 'out_of_stock' | 'short';

export interface CartLine {
  variantId: string;
  productId: string;
  name: string;
  /** The variant's name, when the product has several. */
  variantName: string | null;
  slug: string;
  sku: string;
  unit: string;
  category: string;
  weightGrams: number | null;
  unitPrice: bigint;
  quantity: number;
  amount: bigint;
  stock: number;
  problem: LineProblem | null;
}

export interface CartGroup {
  seller: Seller;
  lines: CartLine[];
  /** Lines that can be bought now, and what they come to. */
  subtotal: bigint;
  grams: number;
}

export interface Cart {
  groups: CartGroup[];
  /** Units in the cart, all lines. */
  count: number;
  /** What the lines that can be bought come to. */
  total: bigint;
  /** Every line can be bought as it is (and there is at least one). */
  ready: boolean;
}

const problemOf = (v: VariantForSale, seller: Seller | undefined, quantity: number): LineProblem | null => {
  if (!v.published) return 'unavailable';
  if (seller?.status !== 'approved') return 'shop_unavailable';
  if (v.stock === 0) return 'out_of_stock';
  return quantity > v.stock ? 'short' : null;
};

function toLine(v: VariantForSale, quantity: number, seller: Seller | undefined): CartLine {
  return {
    variantId: v.variantId,
    productId: v.productId,
    name: v.productName,
    variantName: v.variantCount > 1 ? v.variantName : null,
    slug: v.slug,
    sku: v.sku,
    unit: v.unit,
    category: v.category,
    weightGrams: v.weightGrams,
    unitPrice: v.price,
    quantity,
    amount: v.price * BigInt(quantity),
    stock: v.stock,
    problem: problemOf(v, seller, quantity),
  };
}

/** Lines grouped by shop, with each shop's subtotal and weight of what can be bought. */
async function groupLines(
  db: Executor,
  items: { variantId: string; quantity: number }[],
): Promise<{ groups: CartGroup[]; gone: string[] }> {
  const variants = new Map(
    (
      await variantsForSale(
        db,
        items.map((i) => i.variantId),
      )
    ).map((v) => [v.variantId, v]),
  );
  const sellerIds = [...new Set([...variants.values()].map((v) => v.sellerId))];
  const sellers = new Map(
    (await Promise.all(sellerIds.map((id) => getSeller(db, id)))).flatMap((s) =>
      s ? [[s.id, s] as const] : [],
    ),
  );
  const groups = new Map<string, CartGroup>();
  const gone: string[] = [];
  for (const item of items) {
    const v = variants.get(item.variantId);
    const seller = v && sellers.get(v.sellerId);
    if (!v || !seller) {
      gone.push(item.variantId);
      continue;
    }
    const line = toLine(v, item.quantity, seller);
    const g = groups.get(seller.id) ?? { seller, lines: [], subtotal: 0n, grams: 0 };
    groups.set(seller.id, g);
    g.lines.push(line);
    if (!line.problem) {
      g.subtotal += line.amount;
      g.grams += (line.weightGrams ?? 0) * line.quantity;
    }
  }
  return { groups: [...groups.values()], gone };
}

/** A cart as its page shows it: lines by shop, problems named, totals of what can be bought. */
export async function readCart(db: Executor, owner: string | null): Promise<Cart> {
  const items = owner
    ? await db
        .select({ variantId: cartItems.variantId, quantity: cartItems.quantity })
        .from(cartItems)
        .where(eq(cartItems.owner, owner))
        .orderBy(asc(cartItems.addedAt), asc(cartItems.variantId))
    : [];
  const { groups, gone } = await groupLines(db, items);
  // A product deleted by its shop leaves nothing to show: its lines go.
  if (owner && gone.length)
    await db.delete(cartItems).where(and(eq(cartItems.owner, owner), inArray(cartItems.variantId, gone)));
  const lines = groups.flatMap((g) => g.lines);
  return {
    groups,
    count: lines.reduce((n, l) => n + l.quantity, 0),
    total: groups.reduce((s, g) => s + g.subtotal, 0n),
    ready: lines.length > 0 && lines.every((l) => !l.problem),
  };
}

const quantity = (min: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() ? Number(v.trim()) : v),
    z
      .number('cart.quantity_range')
      .int('cart.quantity_range')
      .min(min, 'cart.quantity_range')
      .max(MAX_QUANTITY, 'cart.quantity_range'),
  );
export const addSchema = z.object({ variantId: z.string('v.required'), quantity: quantity(1).default(1) });
const setSchema = z.object({ variantId: z.string('v.required'), quantity: quantity(0) });

/** The variant to put in a cart as a line of one unit, if it may be bought at all (published, shop approved). */
export async function buyableLine(db: Executor, variantId: string) {
  const [v] = isUuid(variantId) ? await variantsForSale(db, [variantId]) : [];
  if (!v) throw notFound();
  const seller = await getSeller(db, v.sellerId);
  const line = toLine(v, 1, seller);
  if (line.problem === 'unavailable' || line.problem === 'shop_unavailable')
    throw invalid('variantId', `cart.problem.${line.problem}`);
  return line;
}

const shortError = (line: CartLine) =>
  line.stock === 0
    ? invalid('quantity', 'cart.problem.out_of_stock')
    : invalid('quantity', 'cart.stock_left', { stock: line.stock, unit: line.unit, name: line.name });

/** Adds units of a variant (to what the cart already holds), no more than there is in stock. */
export async function addToCart(db: Executor, owner: string, raw: unknown): Promise<void> {
  const input = parseInput(addSchema, raw);
  const line = await buyableLine(db, input.variantId);
  const [held] = await db
    .select({ quantity: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.owner, owner), eq(cartItems.variantId, line.variantId)));
  const wanted = (held?.quantity ?? 0) + input.quantity;
  if (wanted > line.stock) throw shortError(line);
  if (wanted > MAX_QUANTITY) throw invalid('quantity', 'cart.quantity_range');
  await db
    .insert(cartItems)
    .values({ owner, variantId: line.variantId, quantity: input.quantity })
    .onConflictDoUpdate({
      target: [cartItems.owner, cartItems.variantId],
      set: {
        quantity: sql`least(${cartItems.quantity} + excluded.quantity, ${MAX_QUANTITY})`,
        updatedAt: new Date(),
      },
    });
}

/** Sets how many units of a line the cart holds (0 removes it); no more than there is in stock. */
export async function setQuantity(db: Executor, owner: string, raw: unknown): Promise<void> {
  const input = parseInput(setSchema, raw);
  if (input.quantity === 0) return removeLine(db, owner, input.variantId);
  const [v] = isUuid(input.variantId) ? await variantsForSale(db, [input.variantId]) : [];
  if (!v) throw notFound();
  if (input.quantity > v.stock) throw shortError(toLine(v, input.quantity, undefined));
  const rows = await db
    .update(cartItems)
    .set({ quantity: input.quantity })
    .where(and(eq(cartItems.owner, owner), eq(cartItems.variantId, v.variantId)))
    .returning({ variantId: cartItems.variantId });
  if (!rows.length) throw notFound();
}

export async function removeLine(db: Executor, owner: string, variantId: string): Promise<void> {
  if (!isUuid(variantId)) return;
  await db.delete(cartItems).where(and(eq(cartItems.owner, owner), eq(cartItems.variantId, variantId)));
}

/**
 * A visitor's cart joins the account's: quantities of the same variant add up, capped at the
 * stock. The visitor's lines are taken with one DELETE ... RETURNING, so two requests merging
 * at once cannot both add them.
 */
export async function mergeCarts(db: Db, from: string, to: string): Promise<void> {
  await db.transaction(async (tx) => {
    const taken = await tx
      .delete(cartItems)
      .where(eq(cartItems.owner, from))
      .returning({ variantId: cartItems.variantId, quantity: cartItems.quantity });
    if (!taken.length) return;
    const stock = new Map(
      (
        await variantsForSale(
          tx,
          taken.map((l) => l.variantId),
        )
      ).map((v) => [v.variantId, v.stock]),
    );
    for (const line of taken) {
      if (!stock.has(line.variantId)) continue;
      const cap = Math.max(1, Math.min(stock.get(line.variantId)!, MAX_QUANTITY));
      await tx
        .insert(cartItems)
        .values({ owner: to, variantId: line.variantId, quantity: Math.min(line.quantity, cap) })
        .onConflictDoUpdate({
          target: [cartItems.owner, cartItems.variantId],
          set: {
            quantity: sql`least(${cartItems.quantity} + excluded.quantity, ${cap})`,
            updatedAt: new Date(),
          },
        });
    }
  });
}
