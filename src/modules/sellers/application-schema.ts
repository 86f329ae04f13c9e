import { z } from 'zod';
import { addressFields, communeInProvince } from '../geo/index.js';
import { categoryCodes, documentKinds, type LegalForm, legalForms, OCOP_MAX } from './reference.js';
import {
  businessRegNoProblem,
  oneOf,
  taxCodeProblem,
  typed,
  zAccountNo,
  zBankBin,
  zEmail,
  zHolderName,
  zOcopGroup,
  zOcopStars,
  zPastDate,
  zPersonalId,
  zPhone,
  zRegNo,
  zTaxCode,
} from './validators.js';

/**
 * The seller application as the form and the JSON API send it. A draft needs only the shop's
 * name and legal form; submitting needs everything. Field paths are the form's field names
 * ("ocop.1.stars"), so an error lands next to its field on the page and in the API answer.
 */
export type Mode = 'draft' | 'submit';

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Adds "required" to a check that lets empty values through. */
function need<S extends z.ZodType<string, unknown>>(s: S, key = 'v.required') {
  return s.superRefine((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: key });
  });
}

/** Required when submitting, optional in a draft. */
const when =
  (mode: Mode) =>
  <S extends z.ZodType<string, unknown>>(s: S) =>
    mode === 'submit' ? need(s) : s;

/** A geo address field: required when submitting; in a draft, checked only when filled. */
function geo<S extends z.ZodType<string, unknown>>(s: S, mode: Mode) {
  return mode === 'submit'
    ? z.preprocess((v) => v ?? '', s)
    : z.preprocess((v) => (blank(v) ? undefined : v), s.optional());
}

export const ocopKeys = ['number', 'productName', 'stars', 'groupCode', 'issuedOn', 'fileId'] as const;

/** One OCOP certificate: all or nothing (an untouched group of fields is no certificate). */
const ocopEntry = z.preprocess(
  (v) => (v && typeof v === 'object' && Object.values(v).every(blank) ? null : v),
  z
    .object({
      number: need(typed(50)),
      productName: need(typed(200)),
      stars: need(zOcopStars()),
      groupCode: need(zOcopGroup()),
      issuedOn: need(zPastDate()),
      fileId: typed(),
    })
    .nullable(),
);

const uuidOrEmpty = () =>
  typed().superRefine((v, ctx) => {
    if (v && !z.uuid().safeParse(v).success)
      ctx.addIssue({ code: 'custom', message: 'seller.document.invalid' });
  });

export function applicationSchema(mode: Mode) {
  const req = when(mode);
  return z
    .object({
      legalForm: need(oneOf(legalForms) as z.ZodType<string, unknown>, 'v.choose'),
      shopName: need(typed(120)),
      description: req(typed(2000)),
      categories: z.preprocess(
        (v) => (blank(v) ? [] : Array.isArray(v) ? v : [v]),
        z.array(oneOf(categoryCodes)),
      ),
      taxCode: req(zTaxCode()),
      businessRegNo: zRegNo(),
      businessRegDate: zPastDate(),
      repName: req(typed(100)),
      repCitizenId: req(zPersonalId()),
      provinceCode: geo(addressFields.provinceCode, mode),
      communeCode: geo(addressFields.communeCode, mode),
      street: geo(addressFields.street, mode),
      phone: req(zPhone({ landline: true })),
      email: req(zEmail()),
      bankBin: req(zBankBin()),
      bankAccountNo: req(zAccountNo()),
      bankAccountName: req(zHolderName()),
      /** Ids of stored files; a kind left out keeps the document already attached. */
      documents: z.preprocess(
        (v) => (v && typeof v === 'object' ? v : {}),
        z.object(
          Object.fromEntries(documentKinds.map((k) => [k, uuidOrEmpty()])) as Record<
            (typeof documentKinds)[number],
            ReturnType<typeof uuidOrEmpty>
          >,
        ),
      ),
      /** Left out: the certificates already recorded stay; a list replaces them. */
      ocop: z.array(ocopEntry).max(OCOP_MAX, 'seller.ocop.too_many').optional(),
    })
    .superRefine((v, ctx) => {
      const form = v.legalForm as LegalForm;
      const issue = (path: string, message: string) =>
        ctx.addIssue({ code: 'custom', path: [path], message });
      if (v.taxCode) {
        const p = taxCodeProblem(v.taxCode, form);
        if (p) issue('taxCode', p);
      }
      // Individuals trade without registering a business (Decree 39/2007/NĐ-CP); the others must.
      const registered = legalForms.includes(form) && form !== 'individual';
      if (v.businessRegNo) {
        const p = businessRegNoProblem(v.businessRegNo, form);
        if (p) issue('businessRegNo', p);
      } else if (mode === 'submit' && registered) issue('businessRegNo', 'v.required');
      if (mode === 'submit' && registered && !v.businessRegDate) issue('businessRegDate', 'v.required');
      if (mode === 'submit' && !v.categories.length) issue('categories', 'seller.categories.required');
      if (v.provinceCode && v.communeCode)
        communeInProvince({ provinceCode: v.provinceCode, communeCode: v.communeCode }, ctx);
    });
}

export type ApplicationInput = z.output<ReturnType<typeof applicationSchema>>;

/** Documents a submitted application must carry, by legal form. */
export function requiredDocuments(form: LegalForm) {
  return documentKinds.filter((k) => k !== 'business_registration' || form !== 'individual');
}

const topLevel = [
  'legalForm',
  'shopName',
  'description',
  'categories',
  'taxCode',
  'businessRegNo',
  'businessRegDate',
  'repName',
  'repCitizenId',
  'provinceCode',
  'communeCode',
  'street',
  'phone',
  'email',
  'bankBin',
  'bankAccountNo',
  'bankAccountName',
] as const;

/** Every field in the order the form shows it: the error summary follows it. */
export const fieldOrder: string[] = [
  ...topLevel,
  ...documentKinds.map((k) => `documents.${k}`),
  ...Array.from({ length: OCOP_MAX }, (_, i) => ocopKeys.map((k) => `ocop.${i}.${k}`)).flat(),
];

/** The posted form (flat "ocop.0.number" names) as the application input; unknown names are ignored. */
export function fromForm(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(topLevel.map((k) => [k, body[k]]));
  out.documents = Object.fromEntries(documentKinds.map((k) => [k, body[`documents.${k}`]]));
  out.ocop = Array.from({ length: OCOP_MAX }, (_, i) =>
    Object.fromEntries(ocopKeys.map((k) => [k, body[`ocop.${i}.${k}`]])),
  );
  return out;
}

/** An application (API shape) as the flat values of the form. */
export function toForm(a: {
  [k: string]: unknown;
  documents?: Record<string, unknown>;
  ocop?: (Record<string, unknown> | null)[];
}): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(topLevel.map((k) => [k, a[k] ?? '']));
  for (const [k, v] of Object.entries(a.documents ?? {})) out[`documents.${k}`] = v ?? '';
  (a.ocop ?? []).forEach((c, i) => {
    for (const k of ocopKeys) out[`ocop.${i}.${k}`] = c?.[k] ?? '';
  });
  return out;
}
