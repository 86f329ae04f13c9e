import { z } from 'zod';
import { leafCodes } from './reference.js';
import { productStatus } from './schema.js';
import type { ProductImage, ProductView } from './service.js';
import type { productHistory } from './transitions.js';
import { imageUrl } from './views/image.js';

/** Money in JSON: integer đồng (exact: amounts are capped far below 2^53). */
const dong = z.number().int().meta({ description: 'Integer đồng' });
const status = z.enum(productStatus.enumValues);
const num = (n: bigint | null) => (n === null ? null : Number(n));

export const imageJson = z.object({
  id: z.string(),
  alt: z.string(),
  width: z.number(),
  height: z.number(),
  position: z.number(),
  renditions: z.array(z.object({ width: z.number(), height: z.number(), url: z.string() })),
});

export const productJson = z.object({
  id: z.string(),
  sellerId: z.string(),
  status,
  /** The officer's reason when taken down or restored. */
  statusReason: z.string().nullable(),
  slug: z.string(),
  name: z.string(),
  description: z.string().meta({ description: 'Markdown as written by the seller' }),
  category: z.string().meta({ description: `A leaf code: ${leafCodes.join(', ')}` }),
  unit: z.string(),
  weightGrams: z.number().nullable(),
  originProvinceCode: z.string(),
  originCommuneCode: z.string().nullable(),
  isKeyProduct: z.boolean(),
  ocopGroup: z.number().nullable(),
  ocopStars: z.number().nullable(),
  ocopCertificateNo: z.string().nullable(),
  ocopIssuedOn: z.string().nullable(),
  ocopExpiresOn: z.string().nullable().meta({ description: 'Last day of validity (36 months from issue)' }),
  ocopFileId: z.string().nullable(),
  certifications: z.array(z.string()),
  shelfLifeDays: z.number().nullable(),
  storage: z.string().nullable(),
  priceMin: dong.nullable(),
  variants: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      sku: z.string(),
      price: dong,
      compareAtPrice: dong.nullable(),
      stock: z.number(),
    }),
  ),
  images: z.array(imageJson),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const historyJson = z.object({
  from: status.nullable(),
  to: status,
  reason: z.string().nullable(),
  at: z.string(),
});

export function toImageJson(i: ProductImage): z.output<typeof imageJson> {
  return {
    id: i.id,
    alt: i.alt,
    width: i.width,
    height: i.height,
    position: i.position,
    renditions: i.renditions.map((r) => ({ width: r.width, height: r.height, url: imageUrl(r.key) })),
  };
}

export function toProductJson({ product: p, variants, images }: ProductView): z.output<typeof productJson> {
  return {
    ...p,
    priceMin: num(p.priceMin),
    variants: variants.map((v) => ({
      id: v.id,
      name: v.name,
      sku: v.sku,
      price: Number(v.price),
      compareAtPrice: num(v.compareAtPrice),
      stock: v.stock,
    })),
    images: images.map(toImageJson),
    publishedAt: p.publishedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export const toHistoryJson = (h: Awaited<ReturnType<typeof productHistory>>[number]) => ({
  from: h.fromStatus,
  to: h.toStatus,
  reason: h.reason,
  at: h.at.toISOString(),
});
