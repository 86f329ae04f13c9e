import { z } from 'zod';
import { MAX_DONG, parseWholeNumber } from '../catalog/index.js';
import { commune, province } from '../geo/index.js';
import { type SearchQuery, sorts } from './engine.js';
import { isCategory } from './taxonomy.js';

/** A form sends empty fields: empty is "not given". */
const opt = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

const price = z
  .string()
  .transform((v, ctx) => {
    const n = parseWholeNumber(v);
    if (n === null || n > MAX_DONG) {
      ctx.addIssue({ code: 'custom', message: 'search.price.invalid' });
      return z.NEVER;
    }
    return n;
  })
  .meta({ description: 'Whole đồng, e.g. 250000 (250.000 is read the same)' });

/**
 * The search request, as the page's GET form and the API send it. `q` is never refused: a
 * longer text is cut to what matching reads.
 */
export const searchParams = z
  .object({
    q: z.string().optional().meta({ description: 'What to search for, with or without diacritics' }),
    category: opt(
      z
        .string()
        .refine((c) => isCategory(c), 'search.category.unknown')
        .meta({ description: 'Top (food) or leaf (food.bird_nest) code' }),
    ),
    province: opt(z.string().refine((c) => !!province(c), 'search.province.unknown')),
    commune: opt(z.string().refine((c) => !!commune(c), 'search.commune.unknown')),
    stars: opt(z.enum(['3', '4', '5'], 'search.stars.invalid').meta({ description: 'Valid OCOP stars' })),
    price_min: opt(price),
    price_max: opt(price),
    seller: opt(z.uuid('search.seller.invalid')),
    sort: opt(z.enum(sorts, 'search.sort.invalid')),
    cursor: opt(
      z.string().max(400, 'search.cursor').meta({ description: 'nextCursor of the previous page' }),
    ),
    lang: z.string().optional().meta({ description: 'vi (default) or en' }),
  })
  .superRefine((v, ctx) => {
    if (v.price_min !== undefined && v.price_max !== undefined && v.price_max < v.price_min)
      ctx.addIssue({ code: 'custom', path: ['price_max'], message: 'search.price.range' });
  });
export type SearchParams = z.output<typeof searchParams>;

export function toSearchQuery(p: SearchParams): SearchQuery {
  return {
    q: p.q ?? '',
    category: p.category,
    province: p.province,
    commune: p.commune,
    stars: p.stars ? Number(p.stars) : undefined,
    priceMin: p.price_min,
    priceMax: p.price_max,
    seller: p.seller,
    sort: p.sort,
    cursor: p.cursor,
  };
}

/** The filters of a request as query-string pairs (the page's links keep them). */
export function filterPairs(p: SearchParams): [string, string][] {
  const out: [string, string][] = [];
  for (const k of [
    'q',
    'category',
    'province',
    'commune',
    'stars',
    'price_min',
    'price_max',
    'seller',
    'sort',
  ] as const) {
    const v = p[k];
    if (v !== undefined && v !== '') out.push([k, String(v)]);
  }
  return out;
}
