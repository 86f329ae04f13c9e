import { z } from 'zod';
import { isLeaf, productCategories, topOf } from '../catalog/index.js';
import { type ListQuery, listSorts } from './listing.js';

/**
 * Parameters of the public pages and their JSON twins. Unknown or malformed filters are
 * ignored rather than refused: these addresses are shared and crawled, and a stale link
 * should still show a list.
 */
export const productParams = z.object({ slug: z.string().min(1).max(300) });
export const categoryParams = z.object({ code: z.string().min(1).max(60) });
export const shopParams = z.object({ slug: z.string().max(120) });

export const listQuerystring = z.object({
  sort: z
    .enum(listSorts)
    .optional()
    .catch(undefined)
    .meta({ description: `One of: ${listSorts.join(', ')} (best_selling by default)` }),
  stars: z.coerce
    .number()
    .int()
    .min(3)
    .max(5)
    .optional()
    .catch(undefined)
    .meta({ description: 'Valid OCOP stars' }),
  commune: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional()
    .catch(undefined)
    .meta({ description: 'Commune of origin (a commune of the instance province)' }),
  province: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional()
    .catch(undefined)
    .meta({ description: 'Province of origin (the national instance)' }),
  cursor: z
    .string()
    .max(100)
    .optional()
    .catch(undefined)
    .meta({ description: 'nextCursor of the previous page' }),
});
export type ListQuerystring = z.output<typeof listQuerystring>;

export const cursorQuerystring = listQuerystring.pick({ cursor: true });

/** The top category a code belongs to (itself when top); undefined for an unknown code. */
export function categoryTop(code: string) {
  return productCategories.find((c) => c.code === code) ?? (isLeaf(code) ? topOf(code) : undefined);
}

/** The page's query: origin is a commune, or a province on the national instance. */
export function toListQuery(q: ListQuerystring, national: boolean): ListQuery {
  return {
    sort: q.sort ?? 'best_selling',
    stars: q.stars,
    origin: national ? q.province : q.commune,
    cursor: q.cursor,
  };
}

const dong = z.number().int().meta({ description: 'Integer đồng' });
const image = z
  .object({
    alt: z.string(),
    renditions: z.array(z.object({ width: z.number(), height: z.number().optional(), url: z.string() })),
  })
  .nullable();

export const cardJson = z.object({
  slug: z.string(),
  url: z.string(),
  name: z.string(),
  sellerName: z.string(),
  priceMin: dong,
  unit: z.string(),
  image,
  ocopStars: z.number().nullable().meta({ description: 'Only while the OCOP certificate is valid' }),
  isKeyProduct: z.boolean(),
  originCommuneCode: z.string().nullable(),
  category: z.string(),
});

export const cardListJson = z.object({
  items: z.array(cardJson),
  nextCursor: z.string().nullable(),
});

export const categoryJson = z.object({
  code: z.string(),
  name: z.string(),
  count: z.number(),
  children: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
});

const facetJson = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }));

export const categoryPageJson = cardListJson.extend({
  category: categoryJson,
  facets: z.object({ stars: facetJson, origin: facetJson }),
});

export const homeJson = z.object({
  ocop: z.array(cardJson),
  keyProducts: z.array(cardJson),
  categories: z.array(categoryJson),
  specialties: z.array(
    z.object({ code: z.string(), name: z.string(), count: z.number(), categories: z.array(z.string()) }),
  ),
});

export const productJson = z.object({
  slug: z.string(),
  url: z.string(),
  name: z.string(),
  descriptionHtml: z.string().meta({ description: 'Rendered and sanitised from the seller’s Markdown' }),
  category: z.string(),
  unit: z.string(),
  weightGrams: z.number().nullable(),
  originProvinceCode: z.string(),
  originCommuneCode: z.string().nullable(),
  isKeyProduct: z.boolean(),
  ocop: z
    .object({
      stars: z.number(),
      group: z.number().nullable(),
      certificateNo: z.string().nullable(),
      expiresOn: z.string(),
    })
    .nullable()
    .meta({ description: 'Only while the certificate is valid' }),
  certifications: z.array(z.string()),
  shelfLifeDays: z.number().nullable(),
  storage: z.string().nullable(),
  priceMin: dong,
  priceMax: dong,
  inStock: z.boolean(),
  variants: z.array(
    z.object({
      id: z.string().meta({ description: 'What POST /api/v1/cart/items takes' }),
      name: z.string(),
      sku: z.string(),
      price: dong,
      compareAtPrice: dong.nullable(),
      inStock: z.boolean(),
    }),
  ),
  images: z.array(
    z.object({
      alt: z.string(),
      width: z.number(),
      height: z.number(),
      renditions: z.array(z.object({ width: z.number(), height: z.number(), url: z.string() })),
    }),
  ),
  seller: z.object({
    slug: z.string(),
    url: z.string(),
    shopName: z.string(),
    canSell: z.boolean(),
    legalForm: z.string(),
    representative: z.string().nullable(),
    address: z.string(),
    taxCode: z.string().nullable(),
    businessRegNo: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  updatedAt: z.string(),
});
