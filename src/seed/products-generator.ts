import { ocopExpiresOn, topOf } from '../modules/catalog/index.js';
import { commune, province } from '../modules/geo/index.js';
import { slugify } from '../platform/text.js';
import {
  type Place,
  type ProductKind,
  packsFor,
  placeName,
  stemsAt,
  type VariantSpec,
} from './kind-types.js';
import type { Random } from './random.js';

/** One variant of a generated product; prices are integer đồng, multiples of 1,000. */
export interface GeneratedVariant {
  name: string;
  sku: string;
  price: number;
  compareAtPrice: number | null;
  stock: number;
  position: number;
}

/** A generated published product, everything but the database ids. */
export interface GeneratedProduct {
  kind: string;
  name: string;
  slug: string;
  description: string;
  category: string;
  unit: string;
  weightGrams: number | null;
  originProvinceCode: string;
  originCommuneCode: string;
  isKeyProduct: boolean;
  ocopStars: number | null;
  ocopGroup: number | null;
  ocopCertificateNo: string | null;
  ocopIssuedOn: string | null;
  ocopExpiresOn: string | null;
  certifications: string[];
  shelfLifeDays: number | null;
  storage: string | null;
  variants: GeneratedVariant[];
  salesCount: number;
  publishedAt: Date;
}

const day = 86_400_000;
// OCOP stars as provinces award them: mostly 3, a quarter 4, a few 5 (national).
const STARS: [number, number][] = [
  [3, 72],
  [4, 25],
  [5, 3],
];
// Closing sentences any physical product may carry.
const SHIPPING = [
  'Giao hàng toàn quốc, kiểm tra hàng trước khi thanh toán.',
  'Đơn từ 500.000 ₫ được miễn phí vận chuyển trong tỉnh.',
  'Có xuất hóa đơn cho khách hàng doanh nghiệp.',
];
const SERVICES = new Set(['người', 'đêm']);

/** A sentence about `place`: "{place}, {province}" says the province once when the place is named after it. */
export function fill(s: string, place: Place): string {
  const p = provinceName(place.commune);
  return s
    .replaceAll('{place}, {province}', place.label === p ? p : `${place.label}, ${p}`)
    .replaceAll('{place}', place.label)
    .replaceAll('{province}', p);
}

/** "Khánh Hòa" for a commune of Tỉnh Khánh Hòa. */
export function provinceName(communeCode: string): string {
  return (province(commune(communeCode)?.provinceCode)?.name ?? '').replace(/^(Tỉnh|Thành phố) /, '');
}

/** 2–5 sentences in Markdown: an intro, some details, sometimes a short list. */
function description(rng: Random, k: ProductKind, place: Place): string {
  const sentences = [
    fill(rng.pick(k.intro), place),
    ...rng.sample(k.details, rng.int(1, 3)).map((s) => fill(s, place)),
  ];
  if (!SERVICES.has(k.unit) && sentences.length < 4 && rng.chance(0.4)) sentences.push(rng.pick(SHIPPING));
  let text = sentences.join(' ');
  if (k.bullets.length && rng.chance(0.35))
    text += `\n\n${rng
      .sample(k.bullets, Math.min(3, k.bullets.length))
      .map((b) => `- ${b}`)
      .join('\n')}`;
  return text;
}

function variants(rng: Random, k: ProductKind, pack: VariantSpec[], prefix: string): GeneratedVariant[] {
  // Sizes of one garment cost the same: one price per price range.
  const priceOf = new Map<string, number>();
  return pack.map((spec, position) => {
    const range = spec.price.join('-');
    const price = priceOf.get(range) ?? rng.price(spec.price[0], spec.price[1]);
    priceOf.set(range, price);
    const compareAtPrice = rng.chance(0.2)
      ? Math.ceil((price * (1.08 + rng.next() * 0.25)) / 1000) * 1000
      : null;
    return {
      name: spec.name,
      sku: `${prefix}-${spec.sku}`,
      price,
      compareAtPrice: compareAtPrice && compareAtPrice > price ? compareAtPrice : null,
      stock: rng.chance(0.06) ? 0 : rng.int(k.stock[0], k.stock[1]),
      position,
    };
  });
}

/** SKU prefix of a kind: the initials of its key, "yen-tinh-che" -> "YTC". */
const skuPrefix = (k: ProductKind) =>
  k.key
    .split('-')
    .map((w) => w[0])
    .join('')
    .toUpperCase();

/**
 * One product of kind `k` made at `place`. `slugTaken` says whether a slug is used already;
 * a taken one gets `code` appended, so slugs stay unique however many products share a name.
 */
export function generateProduct(
  rng: Random,
  k: ProductKind,
  place: Place,
  opts: { now: Date; code: string; slugTaken: (slug: string) => boolean },
): GeneratedProduct {
  const stem = rng.pick(stemsAt(k, place));
  const suffix = rng.pick(k.suffixes);
  const pack = rng.pick(packsFor(k, stem));
  let name = [placeName(stem, place), suffix].filter(Boolean).join(' ');
  // A single pack of a stated size is often named with the product: "… hộp 100 g".
  if (pack.length === 1 && /\d/.test(pack[0].name) && !suffix && !SERVICES.has(k.unit) && rng.chance(0.6))
    name += ` ${pack[0].name[0].toLowerCase()}${pack[0].name.slice(1)}`;
  const base = slugify(name, 70);
  const slug = opts.slugTaken(base) ? `${base}-${opts.code}` : base;

  const group = topOf(k.category)?.ocopGroup ?? null;
  const ocop = group !== null && rng.chance(k.ocop);
  const stars = ocop ? rng.weighted(STARS, (s) => s[1])[0] : null;
  // Certificates of the last four years: those older than three have expired.
  const issuedOn = ocop
    ? new Date(opts.now.getTime() - rng.int(20, 4 * 365) * day).toISOString().slice(0, 10)
    : null;
  const certifications = k.certifications.filter((c) => rng.chance(c === 'organic' ? 0.12 : 0.3));
  return {
    kind: k.key,
    name,
    slug,
    description: description(rng, k, place),
    category: k.category,
    unit: k.unit,
    weightGrams: pack[0].grams ?? null,
    originProvinceCode: commune(place.commune)!.provinceCode,
    originCommuneCode: place.commune,
    isKeyProduct: rng.chance(k.keyProduct),
    ocopStars: stars,
    ocopGroup: ocop ? group : null,
    ocopCertificateNo: ocop ? `${rng.int(100, 4999)}/${stars === 5 ? 'QĐ-BNN-KTHT' : 'QĐ-UBND'}` : null,
    ocopIssuedOn: issuedOn,
    ocopExpiresOn: issuedOn ? ocopExpiresOn(issuedOn) : null,
    certifications,
    shelfLifeDays: k.shelfLifeDays,
    storage: k.storage,
    variants: variants(rng, k, pack, skuPrefix(k)),
    // Few products sell a lot.
    salesCount: Math.floor(rng.next() ** 3 * (SERVICES.has(k.unit) ? 400 : 2500)),
    publishedAt: new Date(opts.now.getTime() - Math.floor(rng.next() * 365 * day)),
  };
}
