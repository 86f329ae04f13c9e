import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import { foldVietnamese } from '../../platform/text.js';
import { searchDocuments, searchTerms } from './schema.js';

/** What the catalog hands to search for one published product. */
export interface SearchDoc {
  productId: string;
  sellerId: string;
  sellerName: string;
  slug: string;
  name: string;
  /** Plain text (no Markdown) of the description. */
  description: string;
  category: string;
  /** Extra words to match: category labels, origin commune and province names, certifications. */
  keywords: string[];
  originProvinceCode: string;
  originCommuneCode: string | null;
  ocopStars: number | null;
  ocopExpiresOn: string | null;
  isKeyProduct: boolean;
  priceMin: bigint;
  unit: string;
  image: { alt: string; renditions: { width: number; key: string }[] } | null;
  salesCount: number;
  publishedAt: Date;
}

export const fold = (s: string) => foldVietnamese(s).toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Folded words only, one space apart ("Nước mắm & gia vị" -> "nuoc mam gia vi"): what the
 * full-text index, the phrase bonus and the query see alike, with no punctuation or markup
 * for PostgreSQL's parser to read as tags, e-mail addresses or signed numbers.
 */
export const foldWords = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');

/** The words of a text, lowercase with their diacritics: "Nước mắm Cà Ná, 500ml" -> [nước, mắm, cà, ná, 500ml]. */
export const words = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Vocabulary words of documents: folded word -> its first spelling. Only words of names,
 * keywords and sellers (descriptions bring noise), at least two letters and no digits
 * (sizes such as "500ml" are not worth correcting a query towards).
 */
export function vocabulary(docs: SearchDoc[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of docs)
    for (const w of words([d.name, ...d.keywords, d.sellerName].join(' '))) {
      const folded = fold(w);
      if (folded.length >= 2 && !/\d/.test(folded) && !out.has(folded)) out.set(folded, w);
    }
  return out;
}

function row(d: SearchDoc) {
  return {
    productId: d.productId,
    sellerId: d.sellerId,
    sellerName: d.sellerName,
    slug: d.slug,
    name: d.name,
    nameFolded: foldWords(d.name),
    keywordsText: words(d.keywords.join(' ')).join(' '),
    keywordsFolded: foldWords(d.keywords.join(' ')),
    bodyFolded: foldWords([d.name, ...d.keywords, d.sellerName, d.description.slice(0, 2000)].join(' ')),
    category: d.category,
    categoryTop: d.category.split('.')[0],
    originProvinceCode: d.originProvinceCode,
    originCommuneCode: d.originCommuneCode,
    ocopStars: d.ocopStars,
    ocopExpiresOn: d.ocopExpiresOn,
    isKeyProduct: d.isKeyProduct,
    priceMin: d.priceMin,
    unit: d.unit,
    image: d.image,
    salesCount: d.salesCount,
    publishedAt: d.publishedAt,
    updatedAt: new Date(),
  };
}

/** Adds or replaces documents, in the caller's transaction (searchable when it commits). */
export async function upsertSearchDocs(tx: Executor, docs: SearchDoc[]): Promise<void> {
  if (!docs.length) return;
  const rows = docs.map(row);
  await tx
    .insert(searchDocuments)
    .values(rows)
    .onConflictDoUpdate({
      target: searchDocuments.productId,
      set: Object.fromEntries(
        Object.keys(rows[0])
          .filter((k) => k !== 'productId')
          .map((k) => [k, sql.raw(`excluded.${toSnake(k)}`)]),
      ),
    });
  // Sorted, so that two transactions adding the same new words wait for each other, not deadlock.
  const terms = [...vocabulary(docs)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < terms.length; i += 1000)
    await tx
      .insert(searchTerms)
      .values(terms.slice(i, i + 1000).map(([term, display]) => ({ term, display })))
      .onConflictDoNothing();
}

/** Removes a product from search (hidden, taken down, deleted). */
export async function removeSearchDoc(tx: Executor, productId: string): Promise<void> {
  await tx.delete(searchDocuments).where(eq(searchDocuments.productId, productId));
}

const toSnake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
