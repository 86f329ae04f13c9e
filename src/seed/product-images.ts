import { createHash } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { RENDITION_WIDTHS } from '../modules/catalog/index.js';
import type { Executor } from '../platform/db/pool.js';
import { loadSharp } from '../platform/heavy.js';
import { files } from '../platform/storage/schema.js';
import type { Storage } from '../platform/storage/storage.js';
import { IMAGE_SIZE, kindSvg } from './image-svg.js';
import type { ProductKind } from './kind-types.js';

/** A stored picture: its original file and its WebP renditions, as product_images rows hold them. */
export interface StoredImage {
  fileId: string;
  width: number;
  height: number;
  renditions: { width: number; height: number; key: string }[];
}

interface Rendered {
  original: Buffer;
  byWidth: Map<number, Buffer>;
}

// Flat drawings compress well; effort 2 is several times faster than the default for the same look.
const WEBP = { quality: 78, effort: 2 };
const originalName = (k: ProductKind) => `demo-${k.key}.webp`;
const originalKey = (fileId: string) => `${fileId.slice(0, 8)}/${fileId}.webp`;

async function render(k: ProductKind): Promise<Rendered> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(Buffer.from(kindSvg(k)))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const encoded = await Promise.all(
    RENDITION_WIDTHS.map((w) =>
      sharp(data, raw)
        .resize({ width: w })
        .webp(WEBP)
        .toBuffer()
        .then((b) => [w, b] as const),
    ),
  );
  const byWidth = new Map(encoded);
  return { original: byWidth.get(IMAGE_SIZE) ?? encoded[encoded.length - 1][1], byWidth };
}

/** Writes an image's bytes under `product` (a product id, or for a shared picture its file id). */
async function store(storage: Storage, r: Rendered, fileId: string, product: string, imageId: string) {
  await storage.put(originalKey(fileId), r.original, 'image/webp');
  const renditions = [];
  for (const [width, data] of r.byWidth) {
    const key = `products/${product}/${imageId}-${width}.webp`;
    await storage.put(key, data, 'image/webp');
    renditions.push({ width, height: width, key });
  }
  return {
    image: { fileId, width: IMAGE_SIZE, height: IMAGE_SIZE, renditions },
    file: {
      id: fileId,
      key: originalKey(fileId),
      mime: 'image/webp',
      size: r.original.length,
      sha256: createHash('sha256').update(r.original).digest('hex'),
    },
  };
}

/** Runs `fn` over `items`, `limit` at a time (sharp works on libuv's thread pool). */
async function eachLimited<T>(items: T[], limit: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/**
 * One picture per kind, shared by every generated product of the kind (100,000 products
 * need no 100,000 pictures). Pictures made by an earlier run are reused when their bytes
 * are still in storage; the others are drawn, encoded at the rendition widths and stored.
 */
export async function kindImages(
  db: Executor,
  storage: Storage,
  kinds: ProductKind[],
): Promise<Map<string, StoredImage & { rendered?: Rendered }>> {
  const out = new Map<string, StoredImage & { rendered?: Rendered }>();
  const existing = kinds.length
    ? await db
        .select({ id: files.id, originalName: files.originalName })
        .from(files)
        .where(inArray(files.originalName, kinds.map(originalName)))
    : [];
  const byName = new Map(existing.map((f) => [f.originalName, f.id]));
  await eachLimited(kinds, 4, async (k) => {
    const id = byName.get(originalName(k));
    if (id) {
      const renditions = RENDITION_WIDTHS.map((w) => ({
        width: w,
        height: w,
        key: `products/${id}/${id}-${w}.webp`,
      }));
      const present = await storage.get(renditions[0].key).then(
        () => true,
        () => false,
      );
      if (present) {
        out.set(k.key, { fileId: id, width: IMAGE_SIZE, height: IMAGE_SIZE, renditions });
        return;
      }
    }
    const fileId = id ?? uuidv7();
    const rendered = await render(k);
    const { image, file } = await store(storage, rendered, fileId, fileId, fileId);
    if (!id) await db.insert(files).values({ ...file, originalName: originalName(k) });
    out.set(k.key, { ...image, rendered });
  });
  return out;
}

/**
 * A product's own copy of its kind's picture (for the demo shops whose owners try the seller
 * centre: deleting an image there removes its bytes, which must not take other products' with them).
 */
export async function ownImage(
  storage: Storage,
  shared: StoredImage & { rendered?: Rendered },
  productId: string,
): Promise<{ image: StoredImage & { id: string }; file: typeof files.$inferInsert }> {
  const rendered = shared.rendered ?? {
    original: await storage.get(originalKey(shared.fileId)),
    byWidth: new Map(
      await Promise.all(shared.renditions.map(async (r) => [r.width, await storage.get(r.key)] as const)),
    ),
  };
  const id = uuidv7();
  const { image, file } = await store(storage, rendered, uuidv7(), productId, id);
  return { image: { ...image, id }, file: { ...file, originalName: `${productId}.webp` } };
}
