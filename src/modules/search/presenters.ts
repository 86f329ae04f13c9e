import { z } from 'zod';
import type { Locale } from '../../platform/http/i18n.js';
import { imageUrl } from '../catalog/index.js';
import { commune, province } from '../geo/index.js';
import type { Facets, SearchHit, SearchResult, Suggestion } from './engine.js';
import { sorts } from './engine.js';
import { categoryLabel } from './taxonomy.js';

/** Money in JSON: integer đồng, as the catalog's API gives it. */
const dong = z.number().int().meta({ description: 'Integer đồng' });
const labelled = z.object({ code: z.string(), name: z.string() });
const facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }));

export const hitJson = z.object({
  productId: z.string(),
  slug: z.string(),
  url: z.string(),
  name: z.string(),
  seller: z.object({ id: z.string(), name: z.string() }),
  category: labelled,
  origin: z.object({ province: labelled, commune: labelled.nullable() }),
  ocopStars: z.number().nullable().meta({ description: 'Only while the certificate is valid' }),
  isKeyProduct: z.boolean(),
  priceMin: dong,
  unit: z.string(),
  image: z
    .object({ alt: z.string(), renditions: z.array(z.object({ width: z.number(), url: z.string() })) })
    .nullable(),
  salesCount: z.number(),
  publishedAt: z.string(),
  score: z
    .object({ relevance: z.number(), ocop: z.number(), sales: z.number(), score: z.number() })
    .optional()
    .meta({ description: 'With a query, in relevance order: score = relevance + ocop + sales' }),
});

export const searchJson = z.object({
  total: z.number(),
  totalIsLowerBound: z.boolean().meta({ description: 'More matches than were counted' }),
  sort: z.enum(sorts),
  fuzzy: z.boolean().meta({ description: 'Results for words close to the ones typed' }),
  hits: z.array(hitJson),
  nextCursor: z.string().nullable(),
  facets: z.object({
    categoryTop: facet,
    category: facet,
    province: facet,
    commune: facet,
    stars: facet,
    seller: facet,
  }),
  suggestions: z.object({ queries: z.array(z.string()), categories: z.array(labelled) }),
});

export const suggestJson = z.object({
  products: z.array(z.object({ name: z.string(), slug: z.string(), url: z.string() })),
  categories: z.array(labelled),
});

export const errorJson = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

export const productUrl = (slug: string) => `/san-pham/${slug}`;

const placeName = (code: string) => province(code)?.name ?? code;
const communeName = (code: string) => commune(code)?.name ?? code;

/** Names of facet values, for pages and JSON alike. */
export function facetLabel(facetKey: keyof Facets, value: string, locale: Locale, label?: string): string {
  switch (facetKey) {
    case 'categoryTop':
    case 'category':
      return categoryLabel(value, locale);
    case 'province':
      return placeName(value);
    case 'commune':
      return communeName(value);
    case 'stars':
      return `OCOP ${value}★`;
    case 'seller':
      return label ?? value;
  }
}

export function presentHit(h: SearchHit, locale: Locale): z.infer<typeof hitJson> {
  return {
    productId: h.productId,
    slug: h.slug,
    url: productUrl(h.slug),
    name: h.name,
    seller: { id: h.sellerId, name: h.sellerName },
    category: { code: h.category, name: categoryLabel(h.category, locale) },
    origin: {
      province: { code: h.originProvinceCode, name: placeName(h.originProvinceCode) },
      commune: h.originCommuneCode
        ? { code: h.originCommuneCode, name: communeName(h.originCommuneCode) }
        : null,
    },
    ocopStars: h.ocopStars,
    isKeyProduct: h.isKeyProduct,
    priceMin: Number(h.priceMin),
    unit: h.unit,
    image: h.image
      ? {
          alt: h.image.alt,
          renditions: h.image.renditions.map((r) => ({ width: r.width, url: imageUrl(r.key) })),
        }
      : null,
    salesCount: h.salesCount,
    publishedAt: h.publishedAt.toISOString(),
    ...(h.score ? { score: h.score } : {}),
  };
}

export function presentSearch(r: SearchResult, locale: Locale): z.infer<typeof searchJson> {
  const facets = Object.fromEntries(
    (Object.keys(r.facets) as (keyof Facets)[]).map((k) => [
      k,
      r.facets[k].map((v) => ({
        value: v.value,
        count: v.count,
        label: facetLabel(k, v.value, locale, v.label),
      })),
    ]),
  ) as z.infer<typeof searchJson>['facets'];
  return {
    total: r.total,
    totalIsLowerBound: r.totalIsLowerBound,
    sort: r.sort,
    fuzzy: r.fuzzy,
    hits: r.hits.map((h) => presentHit(h, locale)),
    nextCursor: r.nextCursor,
    facets,
    suggestions: {
      queries: r.suggestions.queries,
      categories: r.suggestions.categories.map((code) => ({ code, name: categoryLabel(code, locale) })),
    },
  };
}

export function presentSuggest(s: Suggestion, locale: Locale): z.infer<typeof suggestJson> {
  return {
    products: s.products.map((p) => ({ ...p, url: productUrl(p.slug) })),
    categories: s.categories.map((code) => ({ code, name: categoryLabel(code, locale) })),
  };
}
