import { and, asc, eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../platform/db/pool.js';
import { loadSharp } from '../../platform/heavy.js';
import { type FieldError, notFound, ValidationError } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { files } from '../../platform/storage/schema.js';
import { humanSize, storeUpload, type Upload } from '../../platform/storage/storage.js';
import { memberSeller } from './access.js';
import { MAX_IMAGES } from './limits.js';
import { productImages } from './schema.js';
import { syncSearchDoc } from './search-doc.js';
import { deleteProduct, lockProduct, type ProductImage } from './service.js';

/** Widths of the WebP renditions; an image is never enlarged past its own width. */
export const RENDITION_WIDTHS = [320, 640, 1024] as const;
export { MAX_IMAGES };
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Storage keys of renditions, the only keys the image route serves. */
export const RENDITION_KEY = /^products\/[0-9a-f-]{36}\/[0-9a-f-]{36}-\d{1,4}\.webp$/;

const refuse = (field: string, key: string, params?: FieldError['params']) =>
  new ValidationError([{ field, key, params }]);

/** Widths to make for an image `width` pixels wide: the standard ones it covers, and its own when smaller than the largest. */
export function renditionWidths(width: number): number[] {
  const out: number[] = RENDITION_WIDTHS.filter((w) => w <= width);
  if (width < RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1] && !out.includes(width)) out.push(width);
  return out;
}

/** Checks an upload is a JPEG, PNG or WebP picture by its bytes, and reads its size (turned upright). */
async function inspect(upload: Upload | undefined, maxBytes: number) {
  if (!upload?.data?.length) throw refuse('image', upload ? 'file.empty' : 'catalog.image.required');
  if (upload.truncated || upload.data.length > maxBytes)
    throw refuse('image', 'file.too_large', { size: humanSize(maxBytes) });
  const sniffed = await fileTypeFromBuffer(upload.data);
  if (!sniffed || !(IMAGE_TYPES as readonly string[]).includes(sniffed.mime))
    throw refuse('image', 'catalog.image.type');
  try {
    const meta = await (await loadSharp())(upload.data).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const width = turned ? meta.height : meta.width;
    const height = turned ? meta.width : meta.height;
    if (!width || !height) throw new Error('no size');
    return { width, height };
  } catch {
    throw refuse('image', 'catalog.image.unreadable');
  }
}

/**
 * Adds an image to a product: the original is kept, WebP renditions are made at the standard
 * widths (metadata such as GPS position stripped), and a published product's search result
 * picture follows in the same transaction. Alt text is required: buyers using a screen reader
 * and on weak networks read it.
 */
export async function addProductImage(
  deps: Deps,
  userId: string,
  productId: string,
  input: { image?: Upload; alt?: unknown },
): Promise<ProductImage> {
  const alt = typeof input.alt === 'string' ? input.alt.trim() : '';
  const problems: FieldError[] = [];
  if (!alt) problems.push({ field: 'alt', key: 'catalog.image.alt_required' });
  else if (alt.length > 200) problems.push({ field: 'alt', key: 'v.too_long', params: { max: 200 } });
  const size = await inspect(input.image, deps.config.uploadMaxBytes).catch((err: ValidationError) => {
    problems.push(...err.fields);
    return undefined;
  });
  if (problems.length || !size || !input.image) throw new ValidationError(problems);
  const upload = input.image;
  return deps.db.transaction(async (tx) => {
    const product = await lockProduct(tx, productId);
    await memberSeller(tx, userId, product.sellerId, { write: true });
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(productImages)
      .where(eq(productImages.productId, productId));
    if (n >= MAX_IMAGES) throw refuse('image', 'catalog.image.too_many', { max: MAX_IMAGES });
    const fileId = await storeUpload(tx, deps.storage, 'image', upload, {
      allowed: IMAGE_TYPES,
      maxBytes: deps.config.uploadMaxBytes,
      ownerId: userId,
    });
    const id = uuidv7();
    const renditions = [];
    for (const w of renditionWidths(size.width)) {
      const { data, info } = await (await loadSharp())(upload.data)
        .rotate()
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: 78 })
        .toBuffer({ resolveWithObject: true });
      const key = `products/${productId}/${id}-${info.width}.webp`;
      await deps.storage.put(key, data, 'image/webp');
      renditions.push({ width: info.width, height: info.height, key });
    }
    const [image] = await tx
      .insert(productImages)
      .values({ id, productId, fileId, alt, width: size.width, height: size.height, renditions, position: n })
      .returning();
    if (product.status === 'published') await syncSearchDoc(tx, productId);
    return image;
  });
}

async function imagesOf(tx: Executor, productId: string) {
  return tx
    .select()
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position), asc(productImages.createdAt));
}

/** Writes positions 0..n-1 in the given order. */
async function renumber(tx: Executor, ids: string[]) {
  for (const [position, id] of ids.entries())
    await tx.update(productImages).set({ position }).where(eq(productImages.id, id));
}

/**
 * Removes stored bytes once the rows that pointed to them are gone (after the commit). Images
 * may be shared (the demo data gives all products of a kind one picture): bytes still used by
 * another product's image stay.
 */
async function dropBytes(deps: Deps, images: ProductImage[]) {
  for (const img of images) {
    const [shared] = await deps.db
      .select({ id: productImages.id })
      .from(productImages)
      .where(eq(productImages.fileId, img.fileId))
      .limit(1);
    if (shared) continue;
    for (const r of img.renditions) await deps.storage.delete(r.key);
    const [f] = await deps.db.delete(files).where(eq(files.id, img.fileId)).returning();
    if (f) await deps.storage.delete(f.key);
  }
}

/** The product's images in a new order: `ids` lists them all, first shown first. */
export async function orderProductImages(deps: Deps, userId: string, productId: string, ids: string[]) {
  await deps.db.transaction(async (tx) => {
    const product = await lockProduct(tx, productId);
    await memberSeller(tx, userId, product.sellerId, { write: true });
    const current = await imagesOf(tx, productId);
    const known = new Set(current.map((i) => i.id));
    if (ids.length !== known.size || !ids.every((id) => known.has(id)) || new Set(ids).size !== ids.length)
      throw refuse('ids', 'catalog.image.order');
    await renumber(tx, ids);
    if (product.status === 'published') await syncSearchDoc(tx, productId);
  });
}

/** Moves one image a place earlier or later (the buttons of the page without JavaScript). */
export async function moveProductImage(
  deps: Deps,
  userId: string,
  productId: string,
  imageId: string,
  by: -1 | 1,
) {
  const ids = (await imagesOf(deps.db, productId)).map((i) => i.id);
  const at = ids.indexOf(imageId);
  if (at < 0) throw notFound();
  const to = Math.min(ids.length - 1, Math.max(0, at + by));
  [ids[at], ids[to]] = [ids[to], ids[at]];
  await orderProductImages(deps, userId, productId, ids);
}

export async function deleteProductImage(deps: Deps, userId: string, productId: string, imageId: string) {
  const removed = await deps.db.transaction(async (tx) => {
    const product = await lockProduct(tx, productId);
    await memberSeller(tx, userId, product.sellerId, { write: true });
    const [img] = await tx
      .delete(productImages)
      .where(and(eq(productImages.id, imageId), eq(productImages.productId, productId)))
      .returning();
    if (!img) throw notFound();
    await renumber(
      tx,
      (await imagesOf(tx, productId)).map((i) => i.id),
    );
    if (product.status === 'published') await syncSearchDoc(tx, productId);
    return img;
  });
  await dropBytes(deps, [removed]);
}

/** Deletes a draft or hidden product and then its images' bytes. */
export async function removeProduct(deps: Deps, userId: string, productId: string) {
  await dropBytes(deps, await deleteProduct(deps.db, userId, productId));
}
