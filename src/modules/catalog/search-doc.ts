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
 * The search document of a product, or null when there is nothing to find: the product is not
 * published, or its shop is not trading (suspended, terminated).
 */
export async function searchDocFor(
  db: Executor,
  productId: string,
  today?: string,
): Promise<SearchDoc | null> {
  const [p] = await db.select().from(products).where(eq(products.id, productId));
  if (p?.status !== 'published') return null;
  const seller = await getSeller(db, p.sellerId);
  if (seller?.status !== 'approved') return null;
  return toSearchDoc(p, seller.shopName, (await firstImages(db, [p.id])).get(p.id), today);
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
    for (const r of rows) await syncSearchDoc(tx, r.id);
  });
}

/**
 * Brings search in line with a product after a change, in the caller's transaction:
 * published, its document is written; otherwise it is removed.
 */
export async function syncSearchDoc(tx: Executor, productId: string): Promise<void> {
  const doc = await searchDocFor(tx, productId);
  if (doc) await upsertSearchDocs(tx, [doc]);
  else await removeSearchDoc(tx, productId);
}

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
  const sellerNames = new Map<string, string | null>(); // null: the shop is not trading
  for (;;) {
    const rows = await db
      .select()
      .from(products)
      .where(and(eq(products.status, 'published'), gt(products.id, after)))
      .orderBy(asc(products.id))
      .limit(size);
    if (!rows.length) return written;
    for (const id of new Set(rows.map((r) => r.sellerId)))
      if (!sellerNames.has(id)) {
        const seller = await getSeller(db, id);
        sellerNames.set(id, seller?.status === 'approved' ? seller.shopName : null);
      }
    const images = await firstImages(
      db,
      rows.map((r) => r.id),
    );
    const trading = rows.filter((r) => sellerNames.get(r.sellerId) != null);
    await upsertSearchDocs(
      db,
      trading.map((r) => toSearchDoc(r, sellerNames.get(r.sellerId)!, images.get(r.id), opts.today)),
    );
    written += trading.length;
    after = rows[rows.length - 1].id;
  }
}
