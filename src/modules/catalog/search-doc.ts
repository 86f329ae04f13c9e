import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/pool.js';
import { vietnamDay } from '../../platform/http/i18n.js';
import { commune, province } from '../geo/index.js';
import { removeSearchDoc, type SearchDoc, upsertSearchDocs } from '../search/index.js';
import { getSeller } from '../sellers/index.js';
import { markdownText } from './markdown.js';
import { validOcopStars } from './ocop.js';
import { categoryName, certificationName, ocopGroupLabel, topOf } from './reference.js';
import { productImages, products } from './schema.js';

type Product = typeof products.$inferSelect;
type FirstImage = Pick<typeof productImages.$inferSelect, 'alt' | 'renditions'> | undefined;

/**
 * What search knows of a published product. Keywords carry the Vietnamese names a buyer may
 * type besides the product's own: its category (leaf and top), where it comes from, its
 * certifications and, while its certificate is valid, OCOP. An expired certificate gives
 * no stars and no OCOP words.
 */
export function toSearchDoc(
  p: Product,
  sellerName: string,
  image: FirstImage,
  today = vietnamDay(),
): SearchDoc {
  const stars = validOcopStars(p, today);
  const keywords = [
    categoryName(p.category, 'vi'),
    topOf(p.category)?.vi ?? '',
    commune(p.originCommuneCode)?.name ?? '',
    province(p.originProvinceCode)?.name ?? '',
    ...p.certifications.map((c) => certificationName(c, 'vi')),
    ...(stars && p.ocopGroup ? ['OCOP', ocopGroupLabel('vi', p.ocopGroup)] : []),
    p.isKeyProduct ? 'sản phẩm chủ lực' : '',
  ].filter(Boolean);
  return {
    productId: p.id,
    sellerId: p.sellerId,
    sellerName,
    slug: p.slug,
    name: p.name,
    description: markdownText(p.description),
    category: p.category,
    keywords,
    originProvinceCode: p.originProvinceCode,
    originCommuneCode: p.originCommuneCode,
    ocopStars: stars,
    ocopExpiresOn: stars ? p.ocopExpiresOn : null,
    isKeyProduct: p.isKeyProduct,
    priceMin: p.priceMin ?? 0n,
    unit: p.unit,
    image: image ? { alt: image.alt, renditions: image.renditions } : null,
    salesCount: p.salesCount,
    publishedAt: p.publishedAt ?? p.updatedAt,
  };
}

async function firstImages(db: Executor, productIds: string[]) {
  if (!productIds.length) return new Map<string, FirstImage>();
  const rows = await db
    .selectDistinctOn([productImages.productId], {
      productId: productImages.productId,
      alt: productImages.alt,
      renditions: productImages.renditions,
    })
    .from(productImages)
    .where(inArray(productImages.productId, productIds))
    .orderBy(productImages.productId, asc(productImages.position), asc(productImages.createdAt));
  return new Map(rows.map((r) => [r.productId, r]));
}

/**
 * The search documents of those products that are published and whose shop is trading
 * (others have none: not suspended, not terminated). `shops` keeps each shop's answer, the
 * name of a trading shop or null, across calls.
 */
async function docsOf(
  db: Executor,
  rows: Product[],
  today?: string,
  shops = new Map<string, string | null>(),
): Promise<SearchDoc[]> {
  const published = rows.filter((r) => r.status === 'published');
  for (const id of new Set(published.map((r) => r.sellerId)))
    if (!shops.has(id)) {
      const seller = await getSeller(db, id);
      shops.set(id, seller?.status === 'approved' ? seller.shopName : null);
    }
  const trading = published.filter((r) => shops.get(r.sellerId) != null);
  const images = await firstImages(
    db,
    trading.map((r) => r.id),
  );
  return trading.map((r) => toSearchDoc(r, shops.get(r.sellerId)!, images.get(r.id), today));
}

/** The search document of a product, or null when there is nothing to find (see docsOf). */
export async function searchDocFor(
  db: Executor,
  productId: string,
  today?: string,
): Promise<SearchDoc | null> {
  const rows = await db.select().from(products).where(eq(products.id, productId));
  return (await docsOf(db, rows, today))[0] ?? null;
}

/**
 * A shop's status changed (outbox event from the sellers module): its published products
 * leave search while it is suspended or closed, and come back when it is reinstated.
 */
export async function syncSellerProducts(db: Db, sellerId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.sellerId, sellerId), eq(products.status, 'published')));
    await syncSearchDocs(
      tx,
      rows.map((r) => r.id),
    );
  });
}

/**
 * Brings search in line with products after a change, in the caller's transaction: a
 * published one's document is written; any other's is removed.
 */
export async function syncSearchDocs(tx: Executor, productIds: string[]): Promise<void> {
  for (let i = 0; i < productIds.length; i += 1000) {
    const ids = productIds.slice(i, i + 1000);
    const docs = await docsOf(tx, await tx.select().from(products).where(inArray(products.id, ids)));
    await upsertSearchDocs(tx, docs);
    const found = new Set(docs.map((d) => d.productId));
    for (const id of ids) if (!found.has(id)) await removeSearchDoc(tx, id);
  }
}

/** syncSearchDocs for one product. */
export const syncSearchDoc = (tx: Executor, productId: string) => syncSearchDocs(tx, [productId]);

/**
 * Rewrites the documents of every published product in batches (after a bulk load, or to
 * drop the stars of certificates that expired since); answers how many were written.
 */
export async function reindexAll(
  db: Executor,
  opts: { batch?: number; today?: string } = {},
): Promise<number> {
  const size = opts.batch ?? 1000;
  let after = '00000000-0000-0000-0000-000000000000';
  let written = 0;
  const shops = new Map<string, string | null>();
  for (;;) {
    const rows = await db
      .select()
      .from(products)
      .where(and(eq(products.status, 'published'), gt(products.id, after)))
      .orderBy(asc(products.id))
      .limit(size);
    if (!rows.length) return written;
    const docs = await docsOf(db, rows, opts.today, shops);
    await upsertSearchDocs(db, docs);
    written += docs.length;
    after = rows[rows.length - 1].id;
  }
}
