import { and, asc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { isUuid } from '../../platform/db/columns.js';
import type { Executor } from '../../platform/db/pool.js';
import { forbidden, notFound, ValidationError } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import { files } from '../../platform/storage/schema.js';
import { slugify } from '../../platform/text.js';
import { memberSeller } from './access.js';
import { type ProductInput, productInputSchema, type VariantInput } from './input.js';
import { ocopExpiresOn } from './ocop.js';
import { productImages, products, productTransitions, productVariants } from './schema.js';
import { syncSearchDoc } from './search-doc.js';

export type Product = typeof products.$inferSelect;
export type Variant = typeof productVariants.$inferSelect;
export type ProductImage = typeof productImages.$inferSelect;
export interface ProductView {
  product: Product;
  variants: Variant[];
  images: ProductImage[];
}

/** Who changes a product: a user acting for the shop. */
export interface ByMember {
  userId: string;
  sellerId: string;
}

/** The smallest of some amounts (bigints: Math.min does not take them). */
const lowest = (xs: bigint[]) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0];

/** The product's columns from validated input; the expiry of its OCOP certificate worked out here. */
function columns(input: ProductInput) {
  return {
    name: input.name,
    description: input.description,
    category: input.category,
    unit: input.unit,
    weightGrams: input.weightGrams,
    originProvinceCode: input.originProvinceCode,
    originCommuneCode: input.originCommuneCode,
    isKeyProduct: input.isKeyProduct,
    ocopGroup: input.ocopGroup,
    ocopStars: input.ocopStars,
    ocopCertificateNo: input.ocopCertificateNo,
    ocopIssuedOn: input.ocopIssuedOn,
    ocopExpiresOn: input.ocopIssuedOn ? ocopExpiresOn(input.ocopIssuedOn) : null,
    ocopFileId: input.ocopFileId,
    certifications: input.certifications,
    shelfLifeDays: input.shelfLifeDays,
    storage: input.storage,
    priceMin: lowest(input.variants.map((v) => v.price)),
  };
}

/**
 * A slug from the name; when another product uses it, a suffix from the id's random tail:
 * six characters, or twelve in the rare case (thousands of same-named products) those clash too.
 */
async function freeSlug(tx: Executor, name: string, productId: string): Promise<string> {
  const base = slugify(name, 70) || 'san-pham';
  for (const slug of [base, `${base}-${productId.slice(-6)}`]) {
    const [taken] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.slug, slug), ne(products.id, productId)));
    if (!taken) return slug;
  }
  return `${base}-${productId.slice(-12)}`;
}

/** SKUs for the rows left without one, from the variant's name, unique within the product. */
function withSkus(variants: VariantInput[]) {
  const used = new Set(variants.map((v) => v.sku?.toUpperCase()).filter(Boolean));
  return variants.map((v) => {
    if (v.sku) return { ...v, sku: v.sku };
    const base = slugify(v.name, 30).toUpperCase() || 'SP';
    let sku = base;
    for (let n = 2; used.has(sku); n++) sku = `${base}-${n}`;
    used.add(sku);
    return { ...v, sku };
  });
}

/** The OCOP scan must be one the user uploaded, or the one the product already has. */
async function checkOcopFile(tx: Executor, input: ProductInput, userId: string, current?: string | null) {
  const id = input.ocopFileId;
  if (!id || id === current) return;
  const [f] = await tx
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.id, id), eq(files.ownerId, userId)));
  if (!f) throw new ValidationError([{ field: 'ocopFileId', key: 'catalog.ocop.file_invalid' }]);
}

/** Creates a draft product of the shop (the user must be one of its members). */
export async function createProduct(db: Executor, by: ByMember, raw: unknown): Promise<ProductView> {
  const input = parseInput(productInputSchema, raw);
  return db.transaction(async (tx) => {
    await memberSeller(tx, by.userId, by.sellerId, { write: true });
    await checkOcopFile(tx, input, by.userId);
    const id = uuidv7();
    const [product] = await tx
      .insert(products)
      .values({ id, sellerId: by.sellerId, slug: await freeSlug(tx, input.name, id), ...columns(input) })
      .returning();
    const variants = await tx
      .insert(productVariants)
      .values(
        withSkus(input.variants).map((v, i) => ({
          productId: id,
          name: v.name,
          sku: v.sku,
          price: v.price,
          compareAtPrice: v.compareAtPrice,
          stock: v.stock,
          position: i,
        })),
      )
      .returning();
    await tx.insert(productTransitions).values({ productId: id, toStatus: 'draft', actorId: by.userId });
    return { product, variants, images: [] };
  });
}

/**
 * Saves a product as edited. Variants are matched by id: new rows are added (with their
 * stock), rows left out are removed; the stock of an existing variant changes only through
 * stock adjustments. A published product's search document follows in the same transaction.
 */
export async function updateProduct(
  db: Executor,
  userId: string,
  productId: string,
  raw: unknown,
): Promise<ProductView> {
  const input = parseInput(productInputSchema, raw);
  return db.transaction(async (tx) => {
    const current = await lockProduct(tx, productId);
    await memberSeller(tx, userId, current.sellerId, { write: true });
    await checkOcopFile(tx, input, userId, current.ocopFileId);
    const existing = await tx
      .select({ id: productVariants.id })
      .from(productVariants)
      .where(eq(productVariants.productId, productId));
    const known = new Set(existing.map((v) => v.id));
    const rows = withSkus(input.variants);
    const stranger = rows.findIndex((v) => v.id && !known.has(v.id));
    if (stranger >= 0) throw new ValidationError([{ field: `variants.${stranger}.name`, key: 'v.invalid' }]);
    const kept = rows.flatMap((v) => (v.id ? [v.id] : []));
    await tx
      .delete(productVariants)
      .where(
        and(
          eq(productVariants.productId, productId),
          kept.length ? notInArray(productVariants.id, kept) : undefined,
        ),
      );
    // SKUs may be swapped between rows: free them all before writing the new ones.
    await tx
      .update(productVariants)
      .set({ sku: sql`${productVariants.id}::text` })
      .where(eq(productVariants.productId, productId));
    for (const [i, v] of rows.entries()) {
      const values = {
        name: v.name,
        sku: v.sku,
        price: v.price,
        compareAtPrice: v.compareAtPrice,
        position: i,
      };
      if (v.id) await tx.update(productVariants).set(values).where(eq(productVariants.id, v.id));
      else await tx.insert(productVariants).values({ ...values, productId, stock: v.stock });
    }
    // The slug stays once the product has been public: links to it must keep working.
    const slug =
      !current.publishedAt && input.name !== current.name
        ? await freeSlug(tx, input.name, productId)
        : current.slug;
    await tx
      .update(products)
      .set({ ...columns(input), slug })
      .where(eq(products.id, productId));
    if (current.status === 'published') await syncSearchDoc(tx, productId);
    return (await productView(tx, productId))!;
  });
}

/** The product row, locked for the rest of the transaction; 404 when there is none. */
export async function lockProduct(tx: Executor, productId: string): Promise<Product> {
  const [p] = isUuid(productId)
    ? await tx.select().from(products).where(eq(products.id, productId)).for('update')
    : [];
  if (!p) throw notFound();
  return p;
}

async function productView(db: Executor, product: Product | undefined): Promise<ProductView | undefined>;
async function productView(db: Executor, productId: string): Promise<ProductView | undefined>;
async function productView(db: Executor, p: string | Product | undefined) {
  const product =
    typeof p === 'string'
      ? isUuid(p)
        ? (await db.select().from(products).where(eq(products.id, p)))[0]
        : undefined
      : p;
  if (!product) return undefined;
  const [variants, images] = await Promise.all([
    db
      .select()
      .from(productVariants)
      .where(eq(productVariants.productId, product.id))
      .orderBy(asc(productVariants.position), asc(productVariants.createdAt)),
    db
      .select()
      .from(productImages)
      .where(eq(productImages.productId, product.id))
      .orderBy(asc(productImages.position), asc(productImages.createdAt)),
  ]);
  return { product, variants, images };
}

/** A product with its variants and images, in any state (callers decide who may see it). */
export const getProduct = (db: Executor, productId: string) => productView(db, productId);

/** The product at a slug, in any state: public pages show it only when `status` is published. */
export async function getProductBySlug(db: Executor, slug: string): Promise<ProductView | undefined> {
  const [p] = await db.select().from(products).where(eq(products.slug, slug));
  return productView(db, p);
}

/** A product the user may manage, with its shop; 404 / 403 otherwise. */
export async function productForMember(db: Executor, userId: string, productId: string) {
  const view = await productView(db, productId);
  if (!view) throw notFound();
  const seller = await memberSeller(db, userId, view.product.sellerId);
  return { ...view, seller };
}

/** Several products' variants at once (lists). */
export async function variantsOf(db: Executor, productIds: string[]) {
  if (!productIds.length) return [];
  return db
    .select()
    .from(productVariants)
    .where(inArray(productVariants.productId, productIds))
    .orderBy(asc(productVariants.position));
}

/** Removes a draft or hidden product (a published one is hidden first; a taken-down one stays on record). */
export async function deleteProduct(
  db: Executor,
  userId: string,
  productId: string,
): Promise<ProductImage[]> {
  return db.transaction(async (tx) => {
    const p = await lockProduct(tx, productId);
    await memberSeller(tx, userId, p.sellerId, { write: true });
    if (p.status !== 'draft' && p.status !== 'hidden') throw forbidden('catalog.delete.not_allowed');
    const images = await tx.select().from(productImages).where(eq(productImages.productId, productId));
    await tx.delete(products).where(eq(products.id, productId));
    await syncSearchDoc(tx, productId);
    return images;
  });
}
