import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/pool.js';
import { slugify } from '../../platform/text.js';
import { publicStates } from '../sellers/index.js';
import { read } from './read.js';

/**
 * What the public product page shows, read in one round trip: the product, its variants
 * and images as JSON arrays, and the seller's disclosure, joined. The catalog's
 * getProductBySlug and the sellers' storefront would take four queries in three round
 * trips; this page must answer well over a thousand times a second, so it reads the
 * catalog's and sellers' tables itself, read-only, and only published products of shops
 * the public may see (approved or suspended).
 */
export interface PublicProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  category: string;
  unit: string;
  weightGrams: number | null;
  originProvinceCode: string;
  originCommuneCode: string | null;
  isKeyProduct: boolean;
  ocopStars: number | null;
  ocopGroup: number | null;
  ocopCertificateNo: string | null;
  ocopExpiresOn: string | null;
  certifications: string[];
  shelfLifeDays: number | null;
  storage: string | null;
  updatedAt: Date;
  variants: {
    id: string;
    name: string;
    sku: string;
    price: string;
    compareAt: string | null;
    inStock: boolean;
  }[];
  images: {
    alt: string;
    width: number;
    height: number;
    renditions: { width: number; height: number; key: string }[];
    at: string;
  }[];
  seller: {
    slug: string;
    status: string;
    shopName: string;
    legalForm: 'individual' | 'household' | 'cooperative' | 'company';
    repName: string | null;
    taxCode: string | null;
    businessRegNo: string | null;
    street: string | null;
    communeCode: string | null;
    provinceCode: string | null;
    phone: string | null;
    email: string | null;
    updatedAt: Date;
  };
}

const columns = `json_build_object(
  'id', p.id, 'slug', p.slug, 'name', p.name, 'description', p.description, 'category', p.category,
  'unit', p.unit, 'weightGrams', p.weight_grams, 'originProvinceCode', p.origin_province_code,
  'originCommuneCode', p.origin_commune_code, 'isKeyProduct', p.is_key_product,
  'ocopStars', p.ocop_stars, 'ocopGroup', p.ocop_group, 'ocopCertificateNo', p.ocop_certificate_no,
  'ocopExpiresOn', p.ocop_expires_on, 'certifications', p.certifications,
  'shelfLifeDays', p.shelf_life_days, 'storage', p.storage, 'updatedAt', p.updated_at,
  'variants', (SELECT coalesce(json_agg(json_build_object('id', v.id, 'name', v.name, 'sku', v.sku,
      'price', v.price::text, 'compareAt', v.compare_at_price::text, 'inStock', v.stock > 0)
      ORDER BY v.position, v.created_at), '[]') FROM product_variants v WHERE v.product_id = p.id),
  'images', (SELECT coalesce(json_agg(json_build_object('alt', i.alt, 'width', i.width,
      'height', i.height, 'renditions', i.renditions, 'at', i.created_at)
      ORDER BY i.position, i.created_at), '[]') FROM product_images i WHERE i.product_id = p.id),
  'seller', json_build_object('slug', s.slug, 'status', s.status, 'shopName', s.shop_name,
      'legalForm', s.legal_form, 'repName', s.rep_name, 'taxCode', s.tax_code,
      'businessRegNo', s.business_reg_no, 'street', s.street, 'communeCode', s.commune_code,
      'provinceCode', s.province_code, 'phone', s.phone, 'email', s.email, 'updatedAt', s.updated_at)
)::text AS data`;

const from = `FROM products p JOIN sellers s ON s.id = p.seller_id
  WHERE p.status = 'published' AND s.status::text = ANY($2::text[])`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Loaded {
  product: PublicProduct;
  /** A digest of everything the page shows from the database (part of the ETag). */
  digest: string;
}

async function load(db: Db, where: string, value: string): Promise<Loaded | undefined> {
  const [row] = await read<{ data: string }>(db, `SELECT ${columns} ${from} AND ${where}`, [
    value,
    publicStates,
  ]);
  if (!row) return undefined;
  const product = JSON.parse(row.data) as PublicProduct;
  product.updatedAt = new Date(product.updatedAt);
  product.seller.updatedAt = new Date(product.seller.updatedAt);
  return { product, digest: createHash('sha1').update(row.data).digest('base64url') };
}

/**
 * The public product at `slug`, or at an address that means it: its id, or its slug written
 * another way ("Yến-Sào" for "yen-sao"). `canonical` is false then, and pages redirect to
 * the product's slug, so that old and hand-typed links land on one address.
 */
export async function publicProduct(
  db: Db,
  slug: string,
): Promise<(Loaded & { canonical: boolean }) | undefined> {
  const found = await load(db, 'p.slug = $1', slug);
  if (found) return { ...found, canonical: true };
  const other = UUID.test(slug)
    ? await load(db, 'p.id = $1::uuid', slug)
    : slugify(slug, 200) !== slug
      ? await load(db, 'p.slug = $1', slugify(slug, 200))
      : undefined;
  return other ? { ...other, canonical: false } : undefined;
}
