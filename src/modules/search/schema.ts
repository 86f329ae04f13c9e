import { bigint, boolean, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../../platform/db/columns.js';

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
    /** Folded name, category, origin, seller and description: the text searched beyond the name. */
    bodyFolded: text('body_folded').notNull(),
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
  ],
);
