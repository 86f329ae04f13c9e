import { commune, province } from '../modules/geo/index.js';
import { foldVietnamese, slugify } from '../platform/text.js';
import { type Place, type ProductKind, placeName, shortName } from './kind-types.js';
import {
  bankAccount,
  enterpriseTaxCode,
  mobilePhone,
  nickname,
  person,
  personalId,
  street,
} from './people.js';
import { productKinds } from './product-kinds.js';
import { fill } from './products-generator.js';
import type { Random } from './random.js';

/** Khánh Hòa and the neighbouring provinces whose products the demo catalogue knows. */
export const REGION = ['56', '51', '66', '68', '52', '48'];

export interface SellerOffer {
  kind: ProductKind;
  place: Place;
}

/** An approved seller of the generated catalogue, with what it sells. */
export interface GeneratedSeller {
  legalForm: 'individual' | 'household' | 'cooperative' | 'company';
  shopName: string;
  slug: string;
  description: string;
  taxCode: string;
  businessRegNo: string | null;
  businessRegDate: string | null;
  repName: string;
  repCitizenId: string;
  provinceCode: string;
  communeCode: string;
  street: string;
  phone: string;
  bankBin: string;
  bankAccountNo: string;
  bankAccountName: string;
  /** Top-level categories it declared (data/reference/categories.json). */
  categories: string[];
  offers: SellerOffer[];
  /** Relative share of the catalogue's products. */
  weight: number;
  approvedAt: Date;
}

const LEGAL_FORMS = [
  ['household', 45],
  ['cooperative', 25],
  ['company', 15],
  ['individual', 15],
] as const;
const BRANDS = [
  'Hải Đăng',
  'Phước Lộc',
  'Tân Phát',
  'An Khang',
  'Hồng Phúc',
  'Thành Đạt',
  'Bảo Ngọc',
  'Minh Châu',
  'Biển Xanh',
  'Đại Dương',
  'Trường An',
  'Kim Long',
  'Thiên Ân',
  'Sao Mai',
  'Hoàng Gia',
  'Nam Việt',
  'Phú Thịnh',
  'Hưng Thịnh',
  'Gia Bảo',
  'Mộc An',
];
const COOP_WORD: Record<string, string[]> = {
  fresh_produce: ['Nông nghiệp', 'Nông nghiệp công nghệ cao'],
  seafood: ['Thủy sản', 'Dịch vụ nghề cá'],
  tourism: ['Du lịch cộng đồng', 'Dịch vụ du lịch'],
  herbal: ['Dược liệu', 'Nông lâm nghiệp'],
  textiles: ['Dệt thổ cẩm', 'Dệt may'],
};

const day = 86_400_000;
const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Kinds sold at a commune: those that come from it, and those made anywhere. */
function offersAt(communeCode: string, label: string): SellerOffer[] {
  const anywhere: Place = { commune: communeCode, label };
  return productKinds.flatMap((k) => {
    if (!k.places.length || k.anywhere)
      return [{ kind: k, place: k.places.find((p) => p.commune === communeCode) ?? anywhere }];
    return k.places.filter((p) => p.commune === communeCode).map((place) => ({ kind: k, place }));
  });
}

/** The province a new seller is in: half the instance's own (when it has one), the rest the region. */
function pickProvince(rng: Random, home: string): string {
  const others = REGION.filter((c) => c !== home);
  if (province(home) && rng.chance(0.5)) return home;
  return rng.pick(others);
}

/** Where a seller of the province sets up: in a place a kind comes from, or any commune of it. */
function pickHome(rng: Random, provinceCode: string): { communeCode: string; primary: SellerOffer } {
  const places = productKinds.flatMap((k) =>
    k.places
      .filter((p) => commune(p.commune)?.provinceCode === provinceCode)
      .map((place) => ({ kind: k, place })),
  );
  if (places.length && rng.chance(0.85)) {
    const primary = rng.weighted(places, (o) => o.kind.frequency);
    return { communeCode: primary.place.commune, primary };
  }
  const communes = province(provinceCode)!.communes;
  const c = rng.pick(communes);
  const anywhere = productKinds.filter((k) => !k.places.length || k.anywhere);
  const k = rng.weighted(anywhere, (x) => x.frequency);
  return { communeCode: c.code, primary: { kind: k, place: { commune: c.code, label: shortName(c.name) } } };
}

function shopName(
  rng: Random,
  form: GeneratedSeller['legalForm'],
  offer: SellerOffer,
  rep: ReturnType<typeof person>,
) {
  const { kind: k, place } = offer;
  const top = k.category.split('.')[0];
  const label = k.label;
  switch (form) {
    case 'cooperative':
      return `Hợp tác xã ${rng.chance(0.5) && COOP_WORD[top] ? rng.pick(COOP_WORD[top]) : label} ${place.label}`;
    case 'company':
      return rng.chance(0.5)
        ? `Công ty TNHH ${label} ${rng.pick(BRANDS)}`
        : `Công ty Cổ phần ${rng.pick(BRANDS)} ${place.label}`;
    case 'household':
      return `${label} ${nickname(rng, rep)} ${place.label}`;
    default:
      return `${label} ${place.label} nhà ${rep.given}`;
  }
}

/**
 * `count` approved sellers spread over the communes of the instance's province and its
 * neighbours, each with one to three kinds of products made where it is. `taken` holds the
 * slugs and tax codes already in use (a re-run must not collide with earlier sellers).
 */
export function generateSellers(
  rng: Random,
  opts: {
    count: number;
    homeProvince: string;
    now: Date;
    taken: { slugs: Set<string>; taxCodes: Set<string> };
  },
): GeneratedSeller[] {
  const out: GeneratedSeller[] = [];
  for (let i = 0; i < opts.count; i++) {
    const provinceCode = pickProvince(rng, opts.homeProvince);
    const { communeCode, primary } = pickHome(rng, provinceCode);
    const legalForm = rng.weighted(LEGAL_FORMS, (f) => f[1])[0];
    const rep = person(rng, opts.now);
    const former = rng.pick(province(provinceCode)!.formedFrom).code;
    let name = shopName(rng, legalForm, primary, rep);
    // Another shop has the name: try other names, and after a few a number.
    for (let n = 1; opts.taken.slugs.has(slugify(name)); n++)
      name =
        n < 8
          ? shopName(rng, legalForm, primary, person(rng, opts.now))
          : `${shopName(rng, legalForm, primary, rep)} ${n}`;
    const slug = slugify(name);
    opts.taken.slugs.add(slug);
    const repCitizenId = personalId(rng, rep, former);
    const personal = legalForm === 'individual' || legalForm === 'household';
    let taxCode = personal ? repCitizenId : enterpriseTaxCode(rng, former);
    while (opts.taken.taxCodes.has(taxCode)) taxCode = enterpriseTaxCode(rng, former);
    opts.taken.taxCodes.add(taxCode);
    // Besides its main kind a shop sells up to two more made in its commune, now and then
    // something made anywhere (honey, rice, a homestay).
    const others = offersAt(communeCode, primary.place.label).filter((o) => o.kind !== primary.kind);
    const local = others.filter((o) => o.kind.places.some((p) => p.commune === communeCode));
    const anywhere = others.filter((o) => !local.includes(o));
    const offers = [primary, ...rng.sample(local, rng.int(0, 2))];
    if (anywhere.length && rng.chance(0.25)) offers.push(rng.weighted(anywhere, (o) => o.kind.frequency));
    const approvedAt = new Date(opts.now.getTime() - rng.int(370, 1100) * day);
    const bank = bankAccount(rng);
    out.push({
      legalForm,
      shopName: name,
      slug,
      description: sellerDescription(rng, legalForm, offers),
      taxCode,
      businessRegNo:
        legalForm === 'individual'
          ? null
          : personal
            ? `${former}${rng.pick(['A', 'B', 'C', 'F'])}8${String(rng.int(0, 999_999)).padStart(6, '0')}`
            : taxCode,
      businessRegDate:
        legalForm === 'individual' ? null : isoDay(new Date(approvedAt.getTime() - rng.int(30, 4000) * day)),
      repName: rep.fullName,
      repCitizenId,
      provinceCode,
      communeCode,
      street: street(rng, commune(communeCode)?.name ?? ''),
      phone: mobilePhone(rng),
      ...bank,
      bankAccountName: foldVietnamese(rep.fullName).toUpperCase(),
      categories: [...new Set(offers.map((o) => o.kind.category.split('.')[0]))],
      offers,
      weight: 0.3 + 6 * rng.next() ** 4,
      approvedAt,
    });
  }
  return out;
}

function sellerDescription(rng: Random, form: GeneratedSeller['legalForm'], offers: SellerOffer[]): string {
  const what = offers.map((o) => placeName(lowerFirst(o.kind.label), o.place)).join(', ');
  const who = {
    cooperative: 'Hợp tác xã',
    company: 'Công ty',
    household: 'Cơ sở gia đình',
    individual: 'Cửa hàng',
  }[form];
  return fill(
    rng.pick([
      `${who} chuyên ${what}, sản xuất tại {place}, {province}.`,
      `${who} ở {place}, {province} cung cấp ${what}; giao hàng toàn quốc.`,
      `Sản phẩm địa phương của {place}: ${what}. Đóng gói cẩn thận, giao tận nơi.`,
    ]),
    offers[0].place,
  );
}
