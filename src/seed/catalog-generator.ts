import { type GeneratedProduct, generateProduct } from './products-generator.js';
import { Random } from './random.js';
import { type GeneratedSeller, generateSellers } from './sellers-generator.js';

export interface CatalogOptions {
  /** Base of the pseudo-random sequence: the same seed gives the same catalogue. */
  seed: number;
  /** Which run of the seed command this is (0 for the first start): offsets the seed and the slug codes. */
  batch: number;
  products: number;
  sellers: number;
  /** PROVINCE_CODE of the instance: half the sellers are there when it is a province. */
  homeProvince: string;
  now: Date;
  /** Seller slugs and tax codes, and product slugs, already in the database. */
  taken?: { sellerSlugs?: Set<string>; taxCodes?: Set<string>; productSlugs?: Set<string> };
}

export interface GeneratedCatalog {
  sellers: GeneratedSeller[];
  /** The products one by one (a large catalogue is never held in memory at once). */
  products(): Generator<{ seller: number; product: GeneratedProduct }>;
}

/**
 * A deterministic catalogue: sellers first, then products spread over them unevenly (a few
 * shops sell a lot, most a little), each product of a kind its seller makes, where it makes it.
 */
export function generateCatalog(o: CatalogOptions): GeneratedCatalog {
  const seed = (o.seed + o.batch * 0x9e3779b1) >>> 0;
  const sellers = generateSellers(new Random(seed), {
    count: o.sellers,
    homeProvince: o.homeProvince,
    now: o.now,
    taken: { slugs: o.taken?.sellerSlugs ?? new Set(), taxCodes: o.taken?.taxCodes ?? new Set() },
  });
  const cumulative: number[] = [];
  let total = 0;
  for (const s of sellers) {
    total += s.weight;
    cumulative.push(total);
  }
  const slugs = o.taken?.productSlugs ?? new Set<string>();
  return {
    sellers,
    *products() {
      const rng = new Random(seed ^ 0x5bd1e995);
      for (let i = 0; i < o.products; i++) {
        const seller = lowerBound(cumulative, rng.next() * total);
        const offers = sellers[seller].offers;
        // The kind a shop is known for comes up twice as often as its others.
        const offer = rng.weighted(offers, (x) => (x === offers[0] ? 2 : 1));
        const product = generateProduct(rng, offer.kind, offer.place, {
          now: o.now,
          code: (o.batch * 10_000_000 + i).toString(36),
          slugTaken: (s) => slugs.has(s),
        });
        slugs.add(product.slug);
        yield { seller, product };
      }
    },
  };
}

/** Index of the first value >= x in an ascending list. */
function lowerBound(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
