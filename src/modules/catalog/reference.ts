import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../platform/http/i18n.js';

const referenceDir = path.resolve(import.meta.dirname, '../../../data/reference');
const readJson = <T>(name: string): T => JSON.parse(readFileSync(path.join(referenceDir, name), 'utf8')) as T;

interface Labelled {
  code: string;
  vi: string;
  en: string;
}
export interface TopCategory extends Labelled {
  /** The OCOP group products of this category usually belong to. */
  ocopGroup: number | null;
  children: Labelled[];
}

/** The two-level product taxonomy (data/reference/product-categories.json). */
export const productCategories = readJson<{ categories: TopCategory[] }>(
  'product-categories.json',
).categories;

const leafByCode = new Map(
  productCategories.flatMap((top) => top.children.map((leaf) => [leaf.code, { leaf, top }] as const)),
);
/** Leaf codes (`food.bird_nest`): a product belongs to exactly one. */
export const leafCodes = [...leafByCode.keys()];
export const topOf = (leaf: string) => leafByCode.get(leaf)?.top;
export const isLeaf = (code: string) => leafByCode.has(code);

/** "Yến sào" for `food.bird_nest`, "Thực phẩm chế biến" for `food`. */
export function categoryName(code: string, locale: Locale): string {
  const hit = leafByCode.get(code);
  if (hit) return hit.leaf[locale];
  return productCategories.find((c) => c.code === code)?.[locale] ?? code;
}

/** Units a product is sold by; the Vietnamese word is the code, as sellers and buyers say it. */
export const units: Labelled[] = [
  { code: 'hộp', vi: 'hộp', en: 'box' },
  { code: 'chai', vi: 'chai', en: 'bottle' },
  { code: 'lọ', vi: 'lọ', en: 'jar' },
  { code: 'hũ', vi: 'hũ', en: 'pot' },
  { code: 'gói', vi: 'gói', en: 'pack' },
  { code: 'túi', vi: 'túi', en: 'bag' },
  { code: 'kg', vi: 'kg', en: 'kg' },
  { code: 'lít', vi: 'lít', en: 'litre' },
  { code: 'thùng', vi: 'thùng', en: 'case' },
  { code: 'bó', vi: 'bó', en: 'bunch' },
  { code: 'nải', vi: 'nải', en: 'hand (of bananas)' },
  { code: 'quả', vi: 'quả', en: 'piece (fruit)' },
  { code: 'cái', vi: 'cái', en: 'piece' },
  { code: 'chiếc', vi: 'chiếc', en: 'item' },
  { code: 'bộ', vi: 'bộ', en: 'set' },
  { code: 'tấm', vi: 'tấm', en: 'sheet' },
  { code: 'mét', vi: 'mét', en: 'metre' },
  { code: 'vé', vi: 'vé', en: 'ticket' },
  { code: 'người', vi: 'người', en: 'person' },
  { code: 'suất', vi: 'suất', en: 'serving' },
  { code: 'đêm', vi: 'đêm', en: 'night' },
  { code: 'phòng', vi: 'phòng', en: 'room' },
];
export const unitCodes = units.map((u) => u.code);
export const unitName = (code: string, locale: Locale) =>
  units.find((u) => u.code === code)?.[locale] ?? code;

/** Quality certifications a product may carry (checkboxes on the form). */
export const certifications: Labelled[] = [
  { code: 'vietgap', vi: 'VietGAP', en: 'VietGAP' },
  { code: 'globalgap', vi: 'GlobalGAP', en: 'GlobalGAP' },
  { code: 'organic', vi: 'Hữu cơ (organic)', en: 'Organic' },
  { code: 'haccp', vi: 'HACCP', en: 'HACCP' },
  { code: 'iso22000', vi: 'ISO 22000', en: 'ISO 22000' },
  { code: 'halal', vi: 'Halal', en: 'Halal' },
];
export const certificationCodes = certifications.map((c) => c.code);
export const certificationName = (code: string, locale: Locale) =>
  certifications.find((c) => c.code === code)?.[locale] ?? code;

/**
 * The six OCOP product groups and the star ratings that earn a certificate (Decision
 * 148/QĐ-TTg). Read here rather than from the sellers module, so that this file depends on
 * nothing and can be loaded first from anywhere.
 */
const ocop = readJson<{ groups: { code: number; vi: string; en: string }[]; recognisedStars: number[] }>(
  'ocop.json',
);
export const ocopGroups = ocop.groups;
export const ocopStars = ocop.recognisedStars;
export const ocopGroupLabel = (locale: Locale, code: number) =>
  ocopGroups.find((g) => g.code === code)?.[locale] ?? String(code);
