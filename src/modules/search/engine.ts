/**
 * The search interface the rest of the app uses. The PostgreSQL implementation
 * (pg-engine.ts) is the default; a dedicated engine (OpenSearch) can implement the same
 * interface and be fed from search_documents (docs/decisions/search-engine-interface.md).
 */

export const sorts = ['relevance', 'price_asc', 'price_desc', 'newest', 'best_selling'] as const;
export type Sort = (typeof sorts)[number];

export const PAGE_SIZE = 24;

export interface SearchQuery {
  /** What the buyer typed; empty lists everything that passes the filters. */
  q: string;
  /** A top category (`food`) or a leaf (`food.bird_nest`). */
  category?: string;
  province?: string;
  commune?: string;
  /** Valid OCOP stars (3, 4 or 5); an expired certificate does not count. */
  stars?: number;
  priceMin?: bigint;
  priceMax?: bigint;
  seller?: string;
  /** Default: relevance with a query, best selling without one. */
  sort?: Sort;
  /** Opaque, from a previous result's `nextCursor`. */
  cursor?: string;
  /** Page size, PAGE_SIZE by default. */
  limit?: number;
  /** The day OCOP validity is judged on (yyyy-mm-dd), today in Vietnam by default. */
  today?: string;
}

/** How a result's position was earned: score = relevance + ocop + sales. */
export interface ScoreParts {
  relevance: number;
  ocop: number;
  sales: number;
  score: number;
}

export interface SearchHit {
  productId: string;
  slug: string;
  name: string;
  sellerId: string;
  sellerName: string;
  category: string;
  originProvinceCode: string;
  originCommuneCode: string | null;
  /** Only while the certificate is valid; null otherwise. */
  ocopStars: number | null;
  isKeyProduct: boolean;
  priceMin: bigint;
  unit: string;
  image: { alt: string; renditions: { width: number; key: string }[] } | null;
  salesCount: number;
  publishedAt: Date;
  /** With a query and the relevance order. */
  score?: ScoreParts;
}

export interface FacetValue {
  value: string;
  count: number;
  /** A label the engine knows (the seller's name); others are named by the caller. */
  label?: string;
}

export interface Facets {
  categoryTop: FacetValue[];
  category: FacetValue[];
  province: FacetValue[];
  commune: FacetValue[];
  stars: FacetValue[];
  seller: FacetValue[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of matches, or a lower bound when `totalIsLowerBound`. */
  total: number;
  totalIsLowerBound: boolean;
  /** Facet counts over the matches (over the first `total` of them when that is a lower bound). */
  facets: Facets;
  nextCursor: string | null;
  sort: Sort;
  /** The query matched nothing as typed; these are matches of names close to it. */
  fuzzy: boolean;
  /** When nothing matched: closest words (folded query rewritten) and categories. */
  suggestions: { queries: string[]; categories: string[] };
}

export interface Suggestion {
  products: { name: string; slug: string }[];
  /** Category codes whose names start with or contain what was typed. */
  categories: string[];
}

export interface SearchEngine {
  search(q: SearchQuery): Promise<SearchResult>;
  /** Autocomplete while typing: a few product names and categories. Fast. */
  suggest(prefix: string): Promise<Suggestion>;
}

/** Names of categories, as the search needs them; given by the catalog's taxonomy. */
export interface CategoryNames {
  /** Every category code (top and leaf) with its Vietnamese and English names. */
  all: { code: string; vi: string; en: string }[];
}
