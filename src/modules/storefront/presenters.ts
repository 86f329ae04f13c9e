import type { Locale } from '../../platform/http/i18n.js';
import { imageUrl, productCategories, renderMarkdown } from '../catalog/index.js';
import { formatAddress } from '../geo/index.js';
import type { Card } from './listing.js';
import type { PublicProduct } from './product-query.js';
import { canBuy, highestPrice, lowestPrice } from './seo.js';
import { productPath } from './views/parts.js';

/** What the JSON twins of the public pages answer: the pages' facts, with absolute links. */

const renditions = <R extends { key: string }>(list: R[], publicUrl: string) =>
  list.map(({ key, ...r }) => ({ ...r, url: `${publicUrl}${imageUrl(key)}` }));

export const presentCard = (c: Card, publicUrl: string) => ({
  slug: c.slug,
  url: `${publicUrl}${productPath(c.slug)}`,
  name: c.name,
  sellerName: c.sellerName,
  priceMin: Number(c.priceMin),
  unit: c.unit,
  image: c.image ? { alt: c.image.alt, renditions: renditions(c.image.renditions, publicUrl) } : null,
  ocopStars: c.ocopStars,
  isKeyProduct: c.isKeyProduct,
  originCommuneCode: c.originCommuneCode,
  category: c.category,
});

/** The taxonomy with the number of published products in each category. */
export const presentCategories = (counts: Map<string, number>, locale: Locale) =>
  productCategories.map((top) => ({
    code: top.code,
    name: top[locale],
    count: counts.get(top.code) ?? 0,
    children: top.children.map((c) => ({ code: c.code, name: c[locale], count: counts.get(c.code) ?? 0 })),
  }));

export function presentProduct(p: PublicProduct, stars: number | null, publicUrl: string) {
  const s = p.seller;
  return {
    slug: p.slug,
    url: `${publicUrl}${productPath(p.slug)}`,
    name: p.name,
    descriptionHtml: renderMarkdown(p.description),
    category: p.category,
    unit: p.unit,
    weightGrams: p.weightGrams,
    originProvinceCode: p.originProvinceCode,
    originCommuneCode: p.originCommuneCode,
    isKeyProduct: p.isKeyProduct,
    ocop:
      stars && p.ocopExpiresOn
        ? { stars, group: p.ocopGroup, certificateNo: p.ocopCertificateNo, expiresOn: p.ocopExpiresOn }
        : null,
    certifications: p.certifications,
    shelfLifeDays: p.shelfLifeDays,
    storage: p.storage,
    priceMin: Number(lowestPrice(p)),
    priceMax: Number(highestPrice(p)),
    inStock: p.variants.some((v) => canBuy(p, v)),
    variants: p.variants.map((v) => ({
      id: v.id,
      name: v.name,
      sku: v.sku,
      price: Number(v.price),
      compareAtPrice: v.compareAt === null ? null : Number(v.compareAt),
      inStock: canBuy(p, v),
    })),
    images: p.images.map((i) => ({
      alt: i.alt,
      width: i.width,
      height: i.height,
      renditions: renditions(i.renditions, publicUrl),
    })),
    seller: {
      slug: s.slug,
      url: `${publicUrl}/cua-hang/${encodeURIComponent(s.slug)}`,
      shopName: s.shopName,
      canSell: s.status === 'approved',
      legalForm: s.legalForm,
      representative: s.repName,
      address: formatAddress(s),
      taxCode: s.taxCode,
      businessRegNo: s.businessRegNo,
      phone: s.phone,
      email: s.email,
    },
    updatedAt: p.updatedAt.toISOString(),
  };
}
