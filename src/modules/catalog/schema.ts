import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, parentId, transitionColumns, tstz, updatedAt } from '../../platform/db/columns.js';

/** draft -> published -> hidden (by the seller); taken_down by an officer, with a reason the seller sees. */
export const productStatus = pgEnum('product_status', ['draft', 'published', 'hidden', 'taken_down']);

/** A product a seller offers: its public page, its variants with prices and stock, its OCOP data. */
export const products = pgTable(
  'products',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    status: productStatus('status').notNull().default('draft'),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    /** What the seller wrote (Markdown); shown only after rendering and sanitising. */
    description: text('description').notNull().default(''),
    /** Leaf code of the product taxonomy (data/reference/product-categories.json), e.g. `food.bird_nest`. */
    category: text('category').notNull(),
    unit: text('unit').notNull(),
    weightGrams: integer('weight_grams'),
    originProvinceCode: text('origin_province_code').notNull(),
    originCommuneCode: text('origin_commune_code'),
    isKeyProduct: boolean('is_key_product').notNull().default(false),
    ocopStars: integer('ocop_stars'),
    ocopGroup: integer('ocop_group'),
    ocopCertificateNo: text('ocop_certificate_no'),
    ocopIssuedOn: date('ocop_issued_on'),
    /** Issue date + 36 months (Decision 148/QĐ-TTg); after it the product is no longer shown as OCOP. */
    ocopExpiresOn: date('ocop_expires_on'),
    ocopFileId: uuid('ocop_file_id'),
    /** Quality certifications: vietgap, globalgap, organic, haccp, iso22000, ... */
    certifications: text('certifications').array().notNull().default(sql`'{}'::text[]`),
    shelfLifeDays: integer('shelf_life_days'),
    storage: text('storage'),
    /** Lowest variant price, kept with the product for sorting and filtering lists. */
    priceMin: bigint('price_min', { mode: 'bigint' }),
    salesCount: integer('sales_count').notNull().default(0),
    statusReason: text('status_reason'),
    publishedAt: tstz('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('products_slug_idx').on(t.slug),
    index('products_seller_idx').on(t.sellerId, t.status),
    index('products_category_idx').on(t.category, t.status),
    check('products_ocop_stars_check', sql`${t.ocopStars} IS NULL OR ${t.ocopStars} BETWEEN 3 AND 5`),
  ],
);

/** A sellable variant (100 g, 500 g, ...) with its own price in đồng, stock and SKU. */
export const productVariants = pgTable(
  'product_variants',
  {
    id: id(),
    productId: parentId('product_id', () => products.id),
    name: text('name').notNull(),
    sku: text('sku').notNull(),
    price: bigint('price', { mode: 'bigint' }).notNull(),
    compareAtPrice: bigint('compare_at_price', { mode: 'bigint' }),
    stock: integer('stock').notNull().default(0),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('product_variants_product_idx').on(t.productId, t.position),
    uniqueIndex('product_variants_sku_idx').on(t.productId, t.sku),
    check('product_variants_price_check', sql`${t.price} > 0`),
    check('product_variants_stock_check', sql`${t.stock} >= 0`),
    check(
      'product_variants_compare_check',
      sql`${t.compareAtPrice} IS NULL OR ${t.compareAtPrice} > ${t.price}`,
    ),
  ],
);

/** Images of a product: the original file and the WebP renditions made from it. */
export const productImages = pgTable(
  'product_images',
  {
    id: id(),
    productId: parentId('product_id', () => products.id),
    fileId: uuid('file_id').notNull(),
    alt: text('alt').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** WebP renditions by width: [{ width, height, key }], served from storage at /anh/<key>. */
    renditions: jsonb('renditions').$type<{ width: number; height: number; key: string }[]>().notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('product_images_product_idx').on(t.productId, t.position)],
);

/** Every lifecycle transition of a product: who, when, why. */
export const productTransitions = pgTable(
  'product_transitions',
  {
    productId: parentId('product_id', () => products.id),
    ...transitionColumns(productStatus),
  },
  (t) => [index('product_transitions_product_idx').on(t.productId, t.at)],
);

/** Stock changes made by hand (receipts, counts, losses), with the stock they left. */
export const stockAdjustments = pgTable(
  'stock_adjustments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    variantId: parentId('variant_id', () => productVariants.id),
    delta: integer('delta').notNull(),
    stockAfter: integer('stock_after').notNull(),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id').notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('stock_adjustments_variant_idx').on(t.variantId, t.at)],
);
