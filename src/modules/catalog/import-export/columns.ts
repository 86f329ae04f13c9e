import type { Translate } from '../../../platform/http/i18n.js';
import { foldVietnamese } from '../../../platform/text.js';

/**
 * The columns of the product spreadsheet: the template, the export and the import all use
 * this one list, so a file exported, edited and imported again keeps its meaning.
 * One row is one variant; rows with the same product key are one product.
 */
export const columnKeys = [
  'productKey',
  'name',
  'variantName',
  'sku',
  'price',
  'compareAtPrice',
  'stock',
  'category',
  'unit',
  'weightGrams',
  'originProvinceCode',
  'originCommuneCode',
  'description',
  'isKeyProduct',
  'ocopGroup',
  'ocopStars',
  'ocopCertificateNo',
  'ocopIssuedOn',
  'certifications',
  'shelfLifeDays',
  'storage',
] as const;
export type ColumnKey = (typeof columnKeys)[number];

/** How a cell is read: what Excel may have made of it, and which codes its words stand for. */
export type Kind =
  | 'text'
  | 'money'
  | 'int'
  | 'date'
  | 'bool'
  | 'category'
  | 'unit'
  | 'province'
  | 'commune'
  | 'ocopGroup'
  | 'certifications';

export interface Column {
  key: ColumnKey;
  /** Whether the value belongs to the product (same on all its rows) or to the row's variant. */
  level: 'product' | 'variant';
  /** The field of the product input (`productInputSchema`) the column fills. */
  field: string;
  kind: Kind;
  required: boolean;
  width: number;
}

const col = (
  key: ColumnKey,
  level: Column['level'],
  kind: Kind,
  width: number,
  opts: { required?: boolean; field?: string } = {},
): Column => ({ key, level, kind, width, field: opts.field ?? key, required: opts.required ?? false });

export const columns: Column[] = [
  col('productKey', 'product', 'text', 22, { required: true }),
  col('name', 'product', 'text', 36, { required: true }),
  col('variantName', 'variant', 'text', 18, { required: true, field: 'name' }),
  col('sku', 'variant', 'text', 14),
  col('price', 'variant', 'money', 14, { required: true }),
  col('compareAtPrice', 'variant', 'money', 14),
  col('stock', 'variant', 'int', 10),
  col('category', 'product', 'category', 20, { required: true }),
  col('unit', 'product', 'unit', 10, { required: true }),
  col('weightGrams', 'product', 'int', 12),
  col('originProvinceCode', 'product', 'province', 12, { required: true }),
  col('originCommuneCode', 'product', 'commune', 12),
  col('description', 'product', 'text', 40),
  col('isKeyProduct', 'product', 'bool', 12),
  col('ocopGroup', 'product', 'ocopGroup', 10),
  col('ocopStars', 'product', 'int', 10),
  col('ocopCertificateNo', 'product', 'text', 18),
  col('ocopIssuedOn', 'product', 'date', 14),
  col('certifications', 'product', 'certifications', 20),
  col('shelfLifeDays', 'product', 'int', 12),
  col('storage', 'product', 'text', 28),
];

export const columnByKey = new Map(columns.map((c) => [c.key, c]));

/** The column filling a field of the product input ("name" -> name, "variants.2.name" -> variantName). */
export function columnOfField(level: Column['level'], field: string): Column | undefined {
  return columns.find((c) => c.level === level && c.field === field);
}

/** The column's name as a heading: "Tên sản phẩm *" (a star marks the columns a row must fill). */
export const heading = (c: Column, t: Translate) =>
  `${t(`catalog.import.col.${c.key}`)}${c.required ? ' *' : ''}`;

/** A heading as compared: no diacritics, no case, no star, single spaces ("Giá bán (đồng) *" = "gia ban (dong)"). */
export const normalizeHeading = (s: string) =>
  foldVietnamese(s).toLowerCase().replace(/\*/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Which column a heading names: its Vietnamese or English name, or its key, whatever the
 * language of the page the file was downloaded from.
 */
export function headingMatcher(translators: Translate[]): (heading: string) => ColumnKey | undefined {
  const names = new Map<string, ColumnKey>();
  for (const c of columns) {
    names.set(normalizeHeading(c.key), c.key);
    for (const t of translators) names.set(normalizeHeading(t(`catalog.import.col.${c.key}`)), c.key);
  }
  return (h) => names.get(normalizeHeading(h));
}
