import { categoryName, markdownText, topOf, validOcopStars } from '../catalog/index.js';
import type { PublicProduct } from './product-query.js';

/**
 * What search engines and link previews read of a product page: a short description,
 * Open Graph tags, and schema.org `Product` data (JSON-LD) with its offer(s).
 */

const SCHEMA = 'https://schema.org/';
const DESCRIPTION_MAX = 160;

/** The description's words, cut at a word near 160 characters; `fallback` when it has none. */
export function metaDescription(p: PublicProduct, fallback: string): string {
  const text = markdownText(p.description) || fallback;
  if (text.length <= DESCRIPTION_MAX) return text;
  const cut = text.slice(0, DESCRIPTION_MAX - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 100 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** The largest rendition of each image, absolute (previews and crawlers fetch it from elsewhere). */
export function imageUrls(p: PublicProduct, publicUrl: string): string[] {
  return p.images.flatMap((img) => {
    const best = [...img.renditions].sort((a, b) => b.width - a.width)[0];
    return best ? [`${publicUrl}/anh/${best.key}`] : [];
  });
}

export const lowestPrice = (p: PublicProduct) =>
  p.variants.reduce((min, v) => (BigInt(v.price) < min ? BigInt(v.price) : min), BigInt(p.variants[0].price));
export const highestPrice = (p: PublicProduct) =>
  p.variants.reduce((max, v) => (BigInt(v.price) > max ? BigInt(v.price) : max), BigInt(p.variants[0].price));

/** A suspended shop cannot sell: its products read as unavailable. */
export const canBuy = (p: PublicProduct, v: { inStock: boolean }) =>
  v.inStock && p.seller.status === 'approved';

/**
 * schema.org Product with an Offer per variant: one Offer, or an AggregateOffer (lowest and
 * highest price, the offers inside) when there are several. Prices in VND, availability
 * from stock, the shop as the selling Organization.
 */
export function productJsonLd(
  p: PublicProduct,
  opts: { url: string; publicUrl: string; today: string; description: string },
) {
  const seller = {
    '@type': 'Organization',
    name: p.seller.shopName,
    url: `${opts.publicUrl}/cua-hang/${p.seller.slug}`,
  };
  const offer = (v: PublicProduct['variants'][number]) => ({
    '@type': 'Offer',
    name: v.name,
    sku: v.sku,
    price: v.price,
    priceCurrency: 'VND',
    availability: `${SCHEMA}${canBuy(p, v) ? 'InStock' : 'OutOfStock'}`,
    url: opts.url,
    seller,
  });
  const stars = validOcopStars(p, opts.today);
  const top = topOf(p.category);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    description: opts.description,
    url: opts.url,
    sku: p.variants[0]?.sku,
    image: imageUrls(p, opts.publicUrl),
    category: [top?.vi, categoryName(p.category, 'vi')].filter(Boolean).join(' > '),
    ...(stars ? { award: `OCOP ${stars} sao` } : {}),
    offers:
      p.variants.length === 1
        ? offer(p.variants[0])
        : {
            '@type': 'AggregateOffer',
            priceCurrency: 'VND',
            lowPrice: lowestPrice(p).toString(),
            highPrice: highestPrice(p).toString(),
            offerCount: p.variants.length,
            availability: `${SCHEMA}${p.variants.some((v) => canBuy(p, v)) ? 'InStock' : 'OutOfStock'}`,
            seller,
            offers: p.variants.map(offer),
          },
  };
}

/**
 * JSON for a <script type="application/ld+json"> block. Browsers do not run such a block
 * (so the CSP, which forbids inline scripts, has nothing to block), but the HTML parser
 * still ends it at "</script": every "<" is written as \u003c, which JSON reads back as "<".
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
