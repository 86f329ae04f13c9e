import { uuidv7 } from 'uuidv7';
import { toSearchDoc } from '../modules/catalog/index.js';
import { productImages, products, productTransitions, productVariants } from '../modules/catalog/schema.js';
import { type SearchDoc, upsertSearchDocs } from '../modules/search/index.js';
import { bulkInsert } from '../platform/db/bulk.js';
import type { Executor } from '../platform/db/pool.js';
import type { StoredImage } from './product-images.js';
import type { GeneratedProduct } from './products-generator.js';

/** The rows one generated product becomes: product, variants, first image, history, search document. */
export interface ProductRows {
  product: typeof products.$inferSelect;
  variants: (typeof productVariants.$inferInsert)[];
  image: typeof productImages.$inferInsert;
  transitions: (typeof productTransitions.$inferInsert)[];
  doc: SearchDoc;
}

/**
 * Rows of a published product of `seller`, created by its owner a few days before it was
 * published. The search document is what the catalog itself writes for a published product
 * (`today` decides whether its OCOP certificate still counts).
 */
export function productRows(
  p: GeneratedProduct,
  seller: { id: string; name: string; ownerId: string },
  picture: StoredImage & { id?: string },
  o: { today: string; id?: string },
): ProductRows {
  const id = o.id ?? uuidv7();
  const createdAt = new Date(p.publishedAt.getTime() - (1 + (p.salesCount % 5)) * 86_400_000);
  const product: typeof products.$inferSelect = {
    id,
    sellerId: seller.id,
    status: 'published',
    name: p.name,
    slug: p.slug,
    description: p.description,
    category: p.category,
    unit: p.unit,
    weightGrams: p.weightGrams,
    originProvinceCode: p.originProvinceCode,
    originCommuneCode: p.originCommuneCode,
    isKeyProduct: p.isKeyProduct,
    ocopStars: p.ocopStars,
    ocopGroup: p.ocopGroup,
    ocopCertificateNo: p.ocopCertificateNo,
    ocopIssuedOn: p.ocopIssuedOn,
    ocopExpiresOn: p.ocopExpiresOn,
    ocopFileId: null,
    certifications: p.certifications,
    shelfLifeDays: p.shelfLifeDays,
    storage: p.storage,
    priceMin: BigInt(Math.min(...p.variants.map((v) => v.price))),
    salesCount: p.salesCount,
    statusReason: null,
    publishedAt: p.publishedAt,
    createdAt,
    updatedAt: p.publishedAt,
  };
  const image = {
    id: picture.id ?? uuidv7(),
    productId: id,
    fileId: picture.fileId,
    alt: p.name,
    width: picture.width,
    height: picture.height,
    renditions: picture.renditions,
    position: 0,
    createdAt,
  };
  return {
    product,
    variants: p.variants.map((v) => ({
      id: uuidv7(),
      productId: id,
      name: v.name,
      sku: v.sku,
      price: BigInt(v.price),
      compareAtPrice: v.compareAtPrice === null ? null : BigInt(v.compareAtPrice),
      stock: v.stock,
      position: v.position,
      createdAt,
    })),
    image,
    transitions: [
      { productId: id, fromStatus: null, toStatus: 'draft', actorId: seller.ownerId, at: createdAt },
      {
        productId: id,
        fromStatus: 'draft',
        toStatus: 'published',
        actorId: seller.ownerId,
        at: p.publishedAt,
      },
    ],
    doc: toSearchDoc(product, seller.name, image, o.today),
  };
}

/** Writes a batch of products with one INSERT per table, in the caller's transaction. */
export async function insertProducts(tx: Executor, batch: ProductRows[]): Promise<void> {
  if (!batch.length) return;
  await bulkInsert(
    tx,
    products,
    batch.map((r) => r.product),
  );
  await bulkInsert(
    tx,
    productVariants,
    batch.flatMap((r) => r.variants),
  );
  await bulkInsert(
    tx,
    productImages,
    batch.map((r) => r.image),
  );
  await bulkInsert(
    tx,
    productTransitions,
    batch.flatMap((r) => r.transitions),
  );
  await upsertSearchDocs(
    tx,
    batch.map((r) => r.doc),
  );
}
