import { z } from 'zod';
import { vietnamDay } from '../../platform/http/i18n.js';
import { commune, province } from '../geo/index.js';
import { MAX_VARIANTS } from './limits.js';
import { MAX_DONG, parseWholeNumber } from './money.js';
import { parseDay } from './ocop.js';
import { certificationCodes, isLeaf, ocopGroups, ocopStars, unitCodes } from './reference.js';

/**
 * A product as the form, the JSON API and the import send it. Every value may arrive as text
 * (forms, spreadsheets) or as a JSON number; messages are i18n keys. Field paths are the
 * form's names ("variants.2.price"), so an error lands next to its field.
 */
export { MAX_VARIANTS };

/** A value as typed: trimmed text, '' when missing (JSON numbers become text too). */
const typed = (max = 200) =>
  z.preprocess(
    (v) =>
      typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'bigint' ? String(v) : '',
    z.string().max(max),
  );

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Required text of at least `min` characters. */
const text = (min: number, max: number) =>
  typed(max).superRefine((v, ctx) => {
    if (!v) ctx.addIssue({ code: 'custom', message: 'v.required' });
    else if (v.length < min) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: min, message: '' });
  });

const optional = (max: number) => typed(max).transform((v) => v || null);

/** One of a list of codes; '' when left empty (the caller decides whether that is allowed). */
const oneOf = (values: readonly string[], key = 'v.choose') =>
  typed().superRefine((v, ctx) => {
    if (v && !values.includes(v)) ctx.addIssue({ code: 'custom', message: key });
  });

/** A whole number typed with or without thousands separators, between min and max. */
function whole(opts: { min: bigint; max: bigint; key: string }) {
  return typed(40).transform((v, ctx): bigint | null => {
    if (!v) return null;
    const n = parseWholeNumber(v);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: `${opts.key}.format` });
      return z.NEVER;
    }
    if (n < opts.min || n > opts.max) {
      ctx.addIssue({ code: 'custom', message: `${opts.key}.range` });
      return z.NEVER;
    }
    return n;
  });
}

const required = <T>(s: z.ZodType<T | null, unknown>) =>
  s.superRefine((v, ctx) => {
    if (v === null) ctx.addIssue({ code: 'custom', message: 'v.required' });
  }) as z.ZodType<T, unknown>;

const smallInt = (max: number, key: string) =>
  whole({ min: 1n, max: BigInt(max), key }).transform((v) => (v === null ? null : Number(v)));

const checkbox = z.preprocess(
  (v) => (Array.isArray(v) ? v.at(-1) : v),
  z
    .union([z.boolean(), z.string(), z.undefined(), z.null()])
    .transform((v) => v === true || v === 'true' || v === 'on' || v === '1'),
);

const variantRow = z.object({
  /** Present for a variant that already exists (editing). */
  id: typed(40).superRefine((v, ctx) => {
    if (v && !z.uuid().safeParse(v).success) ctx.addIssue({ code: 'custom', message: 'v.invalid' });
  }),
  name: text(1, 60),
  sku: typed(40).superRefine((v, ctx) => {
    if (v && !/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(v))
      ctx.addIssue({ code: 'custom', message: 'catalog.sku.format' });
  }),
  price: required(whole({ min: 1n, max: MAX_DONG, key: 'catalog.price' })),
  compareAtPrice: whole({ min: 1n, max: MAX_DONG, key: 'catalog.price' }),
  stock: whole({ min: 0n, max: 1_000_000_000n, key: 'catalog.stock' }).transform((v) =>
    v === null ? 0 : Number(v),
  ),
});

/** A row of the variants table; a row left entirely empty is no variant. */
const variant = z.preprocess(
  (v) =>
    v &&
    typeof v === 'object' &&
    ['name', 'sku', 'price', 'compareAtPrice', 'stock'].every((k) => blank((v as Record<string, unknown>)[k]))
      ? null
      : v,
  variantRow
    .superRefine((v, ctx) => {
      if (v.compareAtPrice !== null && v.compareAtPrice <= v.price)
        ctx.addIssue({ code: 'custom', path: ['compareAtPrice'], message: 'catalog.compare_at.gt_price' });
    })
    .nullable(),
);

export const productInputSchema = z
  .object({
    name: text(3, 150),
    description: typed(10000),
    category: typed().superRefine((v, ctx) => {
      if (!v) ctx.addIssue({ code: 'custom', message: 'v.choose' });
      else if (!isLeaf(v)) ctx.addIssue({ code: 'custom', message: 'catalog.category.invalid' });
    }),
    unit: oneOf(unitCodes).superRefine((v, ctx) => {
      if (!v) ctx.addIssue({ code: 'custom', message: 'v.choose' });
    }),
    weightGrams: smallInt(1_000_000, 'catalog.weight'),
    originProvinceCode: typed().superRefine((v, ctx) => {
      if (!v) ctx.addIssue({ code: 'custom', message: 'v.choose' });
      else if (!province(v)) ctx.addIssue({ code: 'custom', message: 'address.province' });
    }),
    originCommuneCode: optional(20),
    isKeyProduct: checkbox,
    ocopGroup: oneOf(
      ocopGroups.map((g) => String(g.code)),
      'catalog.ocop.group',
    ),
    ocopStars: oneOf(ocopStars.map(String), 'catalog.ocop.stars'),
    ocopCertificateNo: typed(60),
    ocopIssuedOn: typed(20).transform((v, ctx) => {
      if (!v) return '';
      const day = parseDay(v);
      if (!day) ctx.addIssue({ code: 'custom', message: 'v.date' });
      else if (day > vietnamDay()) ctx.addIssue({ code: 'custom', message: 'v.date_future' });
      return day ?? '';
    }),
    /** A stored certificate scan (from the form's upload, or POST .../ocop-file in the API). */
    ocopFileId: optional(40).superRefine((v, ctx) => {
      if (v && !z.uuid().safeParse(v).success) ctx.addIssue({ code: 'custom', message: 'v.invalid' });
    }),
    certifications: z.preprocess(
      (v) => (blank(v) ? [] : Array.isArray(v) ? v : [v]),
      z.array(oneOf(certificationCodes)),
    ),
    shelfLifeDays: smallInt(36500, 'catalog.shelf_life'),
    storage: optional(500),
    variants: z.preprocess((v) => (Array.isArray(v) ? v : []), z.array(variant)),
  })
  // Checks across fields run even when single fields failed, so every problem shows at once.
  .superRefine(
    (v, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message });
      const c = typeof v.originCommuneCode === 'string' ? commune(v.originCommuneCode) : undefined;
      if (v.originCommuneCode && province(v.originProvinceCode) && c?.provinceCode !== v.originProvinceCode)
        issue(['originCommuneCode'], 'address.commune');
      // OCOP data is all or nothing: a certificate without its number, group, stars or date is no certificate.
      const ocop = ['ocopGroup', 'ocopStars', 'ocopCertificateNo', 'ocopIssuedOn'] as const;
      if (ocop.some((k) => v[k]) || v.ocopFileId) {
        for (const k of ocop) if (v[k] === '') issue([k], 'catalog.ocop.incomplete');
      }
      const rows = (Array.isArray(v.variants) ? v.variants : [])
        .map((r, i) => [r, i] as const)
        .filter(([r]) => r !== null);
      if (!rows.length) issue(['variants', 0, 'name'], 'catalog.variants.required');
      if (rows.length > MAX_VARIANTS) issue(['variants'], 'catalog.variants.too_many');
      const skus = new Set<string>();
      for (const [r, i] of rows) {
        const sku = typeof r?.sku === 'string' ? r.sku.toUpperCase() : '';
        if (sku && skus.has(sku)) issue(['variants', i, 'sku'], 'catalog.sku.duplicate');
        skus.add(sku);
      }
    },
    { when: () => true },
  )
  .transform((v) => ({
    ...v,
    ocopGroup: v.ocopGroup ? Number(v.ocopGroup) : null,
    ocopStars: v.ocopStars ? Number(v.ocopStars) : null,
    ocopCertificateNo: v.ocopCertificateNo || null,
    ocopIssuedOn: v.ocopIssuedOn || null,
    certifications: [...new Set(v.certifications)],
    variants: v.variants
      .filter((r) => r !== null)
      .map((r) => ({ ...r, id: r.id || null, sku: r.sku || null })),
  }));

export type ProductInput = z.output<typeof productInputSchema>;
export type VariantInput = ProductInput['variants'][number];
