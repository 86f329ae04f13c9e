import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { bulkInsert } from '../../platform/db/bulk.js';
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
import { syncSearchDoc, syncSearchDocs } from './search-doc.js';

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

/** Ids a statement names at most (PostgreSQL takes 65,535 parameters). */
const CHUNK = 1000;
const inChunks = <T>(xs: T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * A slug from each name; when another product uses it, a suffix from the id's random tail:
 * six characters, or twelve in the rare case (thousands of same-named products) those clash
 * too. Products earlier in the list count as taken for later ones, as if saved one by one.
 */
async function freeSlugs(tx: Executor, items: { id: string; name: string }[]): Promise<string[]> {
  const choices = items.map(({ id, name }) => {
    const base = slugify(name, 70) || 'san-pham';
    return [base, `${base}-${id.slice(-6)}`, `${base}-${id.slice(-12)}`];
  });
  const holder = new Map<string, string>();
  for (const part of inChunks(choices.flat()))
    for (const r of await tx
      .select({ id: products.id, slug: products.slug })
      .from(products)
      .where(inArray(products.slug, part)))
      holder.set(r.slug, r.id);
  return items.map(({ id }, i) => {
    const free = (slug: string) => (holder.get(slug) ?? id) === id;
    const slug = choices[i].slice(0, 2).find(free) ?? choices[i][2];
    holder.set(slug, id);
    return slug;
  });
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

/** A product's variant rows in their order; a row without an id is a new variant. */
function variantRows(productId: string, variants: VariantInput[]) {
  return withSkus(variants).map((v, i) => ({
    id: v.id ?? uuidv7(),
    productId,
    name: v.name,
    sku: v.sku,
    price: v.price,
    compareAtPrice: v.compareAtPrice,
    stock: v.stock,
    position: i,
  }));
}

/** An OCOP scan must be one the user uploaded, or the one the product already has. */
async function checkOcopFiles(
  tx: Executor,
  userId: string,
  items: { input: ProductInput; current?: string | null }[],
) {
  const wanted = items.flatMap(({ input, current }) =>
    input.ocopFileId && input.ocopFileId !== current ? [input.ocopFileId] : [],
  );
  if (!wanted.length) return;
  const owned = new Set<string>();
  for (const part of inChunks([...new Set(wanted)]))
    for (const f of await tx
      .select({ id: files.id })
      .from(files)
      .where(and(inArray(files.id, part), eq(files.ownerId, userId))))
      owned.add(f.id);
  if (wanted.some((id) => !owned.has(id)))
    throw new ValidationError([{ field: 'ocopFileId', key: 'catalog.ocop.file_invalid' }]);
}

/** Creates a draft product of the shop (the user must be one of its members). */
export async function createProduct(db: Executor, by: ByMember, raw: unknown): Promise<ProductView> {
  const [id] = await createProducts(db, by, [parseInput(productInputSchema, raw)]);
  return (await productView(db, id))!;
}

/**
 * Creates draft products of the shop, in the order given, in one transaction and one
 * statement a table (an import of thousands): products, variants, their first transition.
 * Answers their ids.
 */
export async function createProducts(db: Executor, by: ByMember, inputs: ProductInput[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    await memberSeller(tx, by.userId, by.sellerId, { write: true });
    await checkOcopFiles(
      tx,
      by.userId,
      inputs.map((input) => ({ input })),
    );
    const ids = inputs.map(() => uuidv7());
    const slugs = await freeSlugs(
      tx,
      inputs.map((input, i) => ({ id: ids[i], name: input.name })),
    );
    await bulkInsert(
      tx,
      products,
      inputs.map((input, i) => ({ id: ids[i], sellerId: by.sellerId, slug: slugs[i], ...columns(input) })),
    );
    // A new product's variants are new, whatever ids they were sent with.
    await bulkInsert(
      tx,
      productVariants,
      inputs.flatMap((input, i) =>
        variantRows(
          ids[i],
          input.variants.map((v) => ({ ...v, id: null })),
        ),
      ),
    );
    await bulkInsert(
      tx,
      productTransitions,
      ids.map((productId) => ({ productId, toStatus: 'draft' as const, actorId: by.userId })),
    );
    return ids;
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
  await updateProducts(db, userId, [{ id: productId, input: parseInput(productInputSchema, raw) }]);
  return (await productView(db, productId))!;
}

/** updateProduct for many products at once (an import), in one transaction and a few statements each step. */
export async function updateProducts(
  db: Executor,
  userId: string,
  items: { id: string; input: ProductInput }[],
): Promise<void> {
  if (!items.length) return;
  await db.transaction(async (tx) => {
    const current = await lockProducts(
      tx,
      items.map((i) => i.id),
    );
    for (const sellerId of new Set([...current.values()].map((p) => p.sellerId)))
      await memberSeller(tx, userId, sellerId, { write: true });
    await checkOcopFiles(
      tx,
      userId,
      items.map(({ id, input }) => ({ input, current: current.get(id)!.ocopFileId })),
    );
    const owner = new Map<string, string>(); // variant id -> its product's id
    for (const part of inChunks(items))
      for (const v of await tx
        .select({ id: productVariants.id, productId: productVariants.productId })
        .from(productVariants)
        .where(
          inArray(
            productVariants.productId,
            part.map((i) => i.id),
          ),
        ))
        owner.set(v.id, v.productId);
    for (const { id, input } of items) {
      const stranger = input.variants.findIndex((v) => v.id && owner.get(v.id) !== id);
      if (stranger >= 0)
        throw new ValidationError([{ field: `variants.${stranger}.name`, key: 'v.invalid' }]);
    }
    for (const part of inChunks(items)) {
      const ids = part.map((i) => i.id);
      const kept = part.flatMap((i) => i.input.variants.flatMap((v) => (v.id ? [v.id] : [])));
      await tx
        .delete(productVariants)
        .where(
          and(
            inArray(productVariants.productId, ids),
            kept.length ? notInArray(productVariants.id, kept) : undefined,
          ),
        );
      // SKUs may be swapped between rows: free them all before writing the new ones.
      await tx
        .update(productVariants)
        .set({ sku: sql`${productVariants.id}::text` })
        .where(inArray(productVariants.productId, ids));
    }
    // Kept variants take their new values (not their stock), new ones are added with theirs.
    await bulkInsert(
      tx,
      productVariants,
      items.flatMap(({ id, input }) => variantRows(id, input.variants)),
      { update: ['name', 'sku', 'price', 'compareAtPrice', 'position'] },
    );
    // The slug stays once the product has been public: links to it must keep working.
    const renamed = items.filter(({ id, input }) => {
      const p = current.get(id)!;
      return !p.publishedAt && input.name !== p.name;
    });
    const slugs = new Map(
      (
        await freeSlugs(
          tx,
          renamed.map(({ id, input }) => ({ id, name: input.name })),
        )
      ).map((slug, i) => [renamed[i].id, slug]),
    );
    const rows = items.map(({ id, input }) => {
      const p = current.get(id)!;
      return { ...p, ...columns(input), slug: slugs.get(id) ?? p.slug, updatedAt: new Date() };
    });
    await bulkInsert(tx, products, rows, {
      update: [...(Object.keys(columns(items[0].input)) as (keyof Product)[]), 'slug', 'updatedAt'],
    });
    await syncSearchDocs(
      tx,
      items.filter(({ id }) => current.get(id)!.status === 'published').map(({ id }) => id),
    );
  });
}

/** The product row, locked for the rest of the transaction; 404 when there is none. */
export async function lockProduct(tx: Executor, productId: string): Promise<Product> {
  return (await lockProducts(tx, [productId])).get(productId)!;
}

/** The product rows by id, locked (in id order, so that two writers wait, not deadlock); 404 when one is missing. */
async function lockProducts(tx: Executor, ids: string[]): Promise<Map<string, Product>> {
  if (!ids.every(isUuid)) throw notFound();
  const found = new Map<string, Product>();
  for (const part of inChunks([...new Set(ids)].sort()))
    for (const p of await tx
      .select()
      .from(products)
      .where(inArray(products.id, part))
      .orderBy(asc(products.id))
      .for('update'))
      found.set(p.id, p);
  if (ids.some((id) => !found.has(id))) throw notFound();
  return found;
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
