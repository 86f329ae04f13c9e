import { MAX_VARIANTS } from './input.js';
import type { ProductView } from './service.js';

/** The product form's flat fields besides the variant rows ("variants.0.price"). */
export const topFields = [
  'name',
  'description',
  'category',
  'unit',
  'weightGrams',
  'originProvinceCode',
  'originCommuneCode',
  'isKeyProduct',
  'ocopGroup',
  'ocopStars',
  'ocopCertificateNo',
  'ocopIssuedOn',
  'ocopFileId',
  'certifications',
  'shelfLifeDays',
  'storage',
] as const;
export const variantFields = ['id', 'name', 'sku', 'price', 'compareAtPrice', 'stock'] as const;

/** Rows of variants a new form shows; "add rows" adds as many again, up to the maximum. */
export const ROWS_STEP = 5;

/** How many variant rows the posted form had (its hidden `_rows`), kept within bounds. */
export function rowsOf(body: Record<string, unknown>, atLeast = ROWS_STEP): number {
  const n = Number(body._rows);
  return Math.min(MAX_VARIANTS, Math.max(atLeast, Number.isInteger(n) ? n : 0));
}

/** The posted form as the product input; names it does not know are ignored. */
export function fromForm(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(topFields.map((k) => [k, body[k]]));
  out.variants = Array.from({ length: rowsOf(body, 0) }, (_, i) =>
    Object.fromEntries(variantFields.map((k) => [k, body[`variants.${i}.${k}`]])),
  );
  return out;
}

/** 1250000n as "1.250.000", the way the seller would type it. */
const grouped = (n: bigint) => new Intl.NumberFormat('vi-VN').format(n);

/** A saved product as the form's values. */
export function toForm(view: ProductView): Record<string, unknown> {
  const p = view.product;
  const out: Record<string, unknown> = {
    name: p.name,
    description: p.description,
    category: p.category,
    unit: p.unit,
    weightGrams: p.weightGrams ?? '',
    originProvinceCode: p.originProvinceCode,
    originCommuneCode: p.originCommuneCode ?? '',
    isKeyProduct: p.isKeyProduct ? 'on' : '',
    ocopGroup: p.ocopGroup ?? '',
    ocopStars: p.ocopStars ?? '',
    ocopCertificateNo: p.ocopCertificateNo ?? '',
    ocopIssuedOn: p.ocopIssuedOn ?? '',
    ocopFileId: p.ocopFileId ?? '',
    certifications: p.certifications,
    shelfLifeDays: p.shelfLifeDays ?? '',
    storage: p.storage ?? '',
    _rows: Math.min(MAX_VARIANTS, Math.max(ROWS_STEP, view.variants.length + 1)),
  };
  view.variants.forEach((v, i) => {
    Object.assign(out, {
      [`variants.${i}.id`]: v.id,
      [`variants.${i}.name`]: v.name,
      [`variants.${i}.sku`]: v.sku,
      [`variants.${i}.price`]: grouped(v.price),
      [`variants.${i}.compareAtPrice`]: v.compareAtPrice === null ? '' : grouped(v.compareAtPrice),
      [`variants.${i}.stock`]: String(v.stock),
    });
  });
  return out;
}
