import { type SQL, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from '../../platform/db/columns.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Units sold from which a product is in a higher sales tier (half decades). The tier is a
 * word of the document (`_s0` .. `_s6`, never produced by text), so that the full-text index
 * can hand out the best-selling matches of a query first without reading all of them.
 */
export const SALES_TIERS = [10, 30, 100, 300, 1000, 3000] as const;
export const tierWord = (tier: number) => `_s${tier}`;
const tierOf = (sales: SQL) => {
  const steps = SALES_TIERS.map(
    (min, i) => sql`WHEN ${sales} >= ${sql.raw(String(min))} THEN ${sql.raw(`'${tierWord(i + 1)}'`)}`,
  );
  return sql`(CASE ${sql.join(steps.reverse(), sql` `)} ELSE ${sql.raw(`'${tierWord(0)}'`)} END)::tsvector`;
};

/**
 * One row per published product: what search needs to match, filter, rank and show a result
 * without touching the catalog's tables. Written by the catalog in the same transaction as
 * the product change, so a change is searchable as soon as it commits.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    productId: uuid('product_id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    sellerName: text('seller_name').notNull(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Lowercase, without diacritics: what a buyer typing "yen sao" must find. */
    nameFolded: text('name_folded').notNull(),
    /** Words of the folded name: what autocomplete offers. */
    nameTsv: tsvector('name_tsv')
      .notNull()
      .generatedAlwaysAs((): SQL => sql`to_tsvector('simple'::regconfig, ${searchDocuments.nameFolded})`),
    /** Keywords in lowercase words, diacritics kept: category names, origin, certifications. */
    keywordsText: text('keywords_text').notNull().default(''),
    /** The same, folded. */
    keywordsFolded: text('keywords_folded').notNull().default(''),
    /**
     * Words of what the product is: its name, category and origin (not its seller or its
     * description). How much of a query these cover is the main part of relevance.
     */
    titleTsv: tsvector('title_tsv')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`to_tsvector('simple'::regconfig, ${searchDocuments.nameFolded} || ' ' || ${searchDocuments.keywordsFolded})`,
      ),
    /** Folded name, category, origin, seller and description: the text searched beyond the name. */
    bodyFolded: text('body_folded').notNull(),
    /** Words of body_folded, for full-text matching ('simple': no stemming, no stop words), and the sales tier. */
    bodyTsv: tsvector('body_tsv')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`to_tsvector('simple'::regconfig, ${searchDocuments.bodyFolded}) || ${tierOf(sql`${searchDocuments.salesCount}`)}`,
      ),
    category: text('category').notNull(),
    categoryTop: text('category_top').notNull(),
    originProvinceCode: text('origin_province_code').notNull(),
    originCommuneCode: text('origin_commune_code'),
    ocopStars: integer('ocop_stars'),
    ocopExpiresOn: date('ocop_expires_on'),
    isKeyProduct: boolean('is_key_product').notNull().default(false),
    priceMin: bigint('price_min', { mode: 'bigint' }).notNull(),
    unit: text('unit').notNull(),
    /** The first image, as the result list shows it: { alt, renditions: [{ width, key }] }. */
    image: jsonb('image').$type<{ alt: string; renditions: { width: number; key: string }[] } | null>(),
    salesCount: integer('sales_count').notNull().default(0),
    publishedAt: tstz('published_at').notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('search_documents_category_idx').on(t.category),
    index('search_documents_top_idx').on(t.categoryTop),
    index('search_documents_seller_idx').on(t.sellerId),
    index('search_documents_province_idx').on(t.originProvinceCode, t.originCommuneCode),
    index('search_documents_commune_idx').on(t.originCommuneCode),
    index('search_documents_stars_idx').on(t.ocopStars, t.ocopExpiresOn),
    // Keyset pagination of the sorted lists: (sort key, product id).
    index('search_documents_price_idx').on(t.priceMin, t.productId),
    index('search_documents_newest_idx').on(t.publishedAt, t.productId),
    index('search_documents_sales_idx').on(t.salesCount, t.productId),
    index('search_documents_tsv_idx').using('gin', t.bodyTsv),
    index('search_documents_name_tsv_idx').using('gin', t.nameTsv),
    index('search_documents_name_trgm_idx').using('gin', t.nameFolded.op('gin_trgm_ops')),
  ],
);

/**
 * The folded words of product names and keywords: the vocabulary a misspelt query word is
 * corrected against ("mamm" -> "mam"), and what a query without results is offered instead.
 * `display` keeps the first spelling seen with diacritics, to show suggestions as people write.
 * Words are added as documents are written and never removed (a stale word matches nothing).
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    term: text('term').primaryKey(),
    display: text('display').notNull(),
  },
  (t) => [index('search_terms_trgm_idx').using('gist', t.term.op('gist_trgm_ops'))],
);

/**
 * Equivalent phrases officers maintain ("trái cây" = "hoa quả"): a query containing one
 * phrase of a row also matches the others. `phrasesFolded` is what matching uses.
 */
export const searchSynonyms = pgTable(
  'search_synonyms',
  {
    id: id(),
    /** The phrase the row is known by, as the officer wrote it. */
    term: text('term').notNull(),
    termFolded: text('term_folded').notNull(),
    /** Its equivalents, as written. */
    synonyms: text('synonyms').array().notNull(),
    /** term and synonyms, folded: every phrase of the group. */
    phrasesFolded: text('phrases_folded').array().notNull(),
    createdBy: uuid('created_by').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('search_synonyms_term_idx').on(t.termFolded)],
);
