import { z } from 'zod';
import { vietnamDay } from '../../platform/http/i18n.js';
import { foldVietnamese } from '../../platform/text.js';
import { formerProvinceCodes } from '../geo/index.js';
import { isMobilePhone, normaliseEmail, normalisePhone } from '../identity/index.js';
import { bank, type LegalForm, ocopGroups, ocopStars, personalForms } from './reference.js';

/**
 * Checks of the numbers and names a Vietnamese seller types. Each check is a pure function
 * answering the i18n key of what is wrong (null when right), so pages, the JSON API and tests
 * share one rule; the Zod schemas below wrap them. Empty values pass here: whether a field is
 * required is the form's business (see application-schema.ts).
 */

type Problem = string | null;

/** Spaces and dots people put between digit groups ("0100 109 106", "001.085.012.345"). */
const squeeze = (s: string) => s.replace(/[\s.]/g, '');

/** A real calendar day written yyyy-mm-dd, not after today. */
export function pastDateProblem(v: string, now = new Date()): Problem {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'v.date';
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) return 'v.date';
  return v > vietnamDay(now) ? 'v.date_future' : null;
}

/**
 * Personal identification number (số định danh cá nhân, printed on the citizen ID card), per
 * Circular 59/2021/TT-BCA: 3 digits for the province where the birth was registered ("0" and
 * one of the 63 pre-2025 province codes), 1 for century and sex (0/1: 1900s male/female,
 * 2/3: 2000s, 4/5: 2100s, ...), 2 for the year of birth, then 6 random digits.
 */
export function personalIdProblem(raw: string, now = new Date()): Problem {
  const v = squeeze(raw);
  if (!/^\d+$/.test(v)) return 'seller.pin.digits';
  if (v.length !== 12) return 'seller.pin.length';
  if (v[0] !== '0' || !formerProvinceCodes.has(v.slice(1, 3))) return 'seller.pin.province';
  const year = 1900 + Math.floor(Number(v[3]) / 2) * 100 + Number(v.slice(4, 6));
  return year > now.getFullYear() ? 'seller.pin.birth_year' : null;
}

const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * Check digit of a 10-digit tax code (the algorithm the General Department of Taxation uses,
 * as published in python-stdnum's `vn.mst`): 10 - (weighted sum of the first nine digits mod 11).
 * A result of 10 cannot be written as one digit, so no valid code has such a prefix: null.
 */
export function taxCheckDigit(first9: string): number | null {
  const sum = MST_WEIGHTS.reduce((s, w, i) => s + w * Number(first9[i]), 0);
  const d = 10 - (sum % 11);
  return d === 10 ? null : d;
}

/** "0100 109 106 – 001" -> "0100109106-001": no spaces or dots, one kind of dash. */
export function normalizeTaxCode(raw: string): string {
  return squeeze(raw).replace(/[‐-―−]/g, '-');
}

/**
 * Tax code (mã số thuế): 10 digits with a check digit; a dependent branch adds "-" and its
 * number 001-999; individuals and household businesses may instead use their 12-digit personal
 * identification number, which has been their tax code since 1 July 2025.
 */
export function taxCodeProblem(raw: string, legalForm?: LegalForm | string): Problem {
  const v = normalizeTaxCode(raw);
  if (!/^\d+(-\d*)?$/.test(v)) return 'seller.tax_code.format';
  const [main, branch] = v.split('-');
  if (main.length === 12 && branch === undefined) {
    if (legalForm && !personalForms.includes(legalForm as LegalForm)) return 'seller.tax_code.personal_only';
    return personalIdProblem(main);
  }
  if (main.length !== 10) return 'seller.tax_code.length';
  if (branch !== undefined && (!/^\d{3}$/.test(branch) || branch === '000')) return 'seller.tax_code.branch';
  return Number(main[9]) === taxCheckDigit(main) ? null : 'seller.tax_code.checksum';
}

/**
 * Digits as dialled at home, as the identity module writes them; in addition the
 * international form of a landline (84 + 10 digits) becomes 02...
 */
export function normalizePhone(raw: string): string {
  const v = normalisePhone(raw);
  return /^84\d{10}$/.test(v) ? `0${v.slice(2)}` : v;
}

/**
 * A Vietnamese mobile number: 10 digits starting 03, 05, 07, 08 or 09 (since the 2018
 * renumbering). A shop may instead give its fixed line, 02 + area code and number = 11
 * digits (since 2017): many cooperatives and craft villages answer only on one.
 */
export function phoneProblem(raw: string, opts: { landline?: boolean } = {}): Problem {
  const v = normalizePhone(raw);
  if (isMobilePhone(v)) return null;
  if (opts.landline && /^02\d{9}$/.test(v)) return null;
  return opts.landline ? 'seller.phone.invalid' : 'v.phone';
}

/** "41 m8 012345" -> "41M8012345". */
export const normalizeRegNo = (raw: string) => raw.replace(/\s/g, '').toUpperCase();

/**
 * Business registration number: companies and cooperatives carry the 10-digit enterprise
 * (cooperative) code of the national register; household businesses the number their
 * commune issued, which mixes digits, letters and separators (e.g. "41M8012345", "37A-0012/HKD").
 */
export function businessRegNoProblem(raw: string, legalForm: LegalForm | string): Problem {
  const v = normalizeRegNo(raw);
  if (legalForm === 'company' || legalForm === 'cooperative') {
    return /^\d{10}$/.test(v) ? null : 'seller.reg_no.enterprise';
  }
  return /^[A-Z0-9./-]{5,20}$/.test(v) ? null : 'seller.reg_no.household';
}

/** Account holder as banks print it: "Nguyễn Văn  A" -> "NGUYEN VAN A". */
export function normalizeHolderName(raw: string): string {
  return foldVietnamese(raw).toUpperCase().replace(/\s+/g, ' ').trim();
}

export function holderNameProblem(raw: string): Problem {
  const v = normalizeHolderName(raw);
  return /^[A-Z0-9][A-Z0-9 .,&()-]{1,69}$/.test(v) ? null : 'seller.bank.holder';
}

export const normalizeAccountNo = (raw: string) => raw.replace(/[\s.-]/g, '');
export const accountNoProblem = (raw: string): Problem =>
  /^\d{6,19}$/.test(normalizeAccountNo(raw)) ? null : 'seller.bank.account';
export const bankBinProblem = (bin: string): Problem => (bank(bin) ? null : 'seller.bank.bin');

// Zod pieces. Every check adds a non-fatal issue, so one parse reports every field at once.

/** A form value as typed: trimmed text, '' when missing (JSON numbers become text too). */
export const typed = (max = 200) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : ''),
    z.string().max(max),
  );

/** A typed value normalised, then checked by `problem` unless empty. */
export function checked(normalize: (v: string) => string, problem: (v: string) => Problem) {
  return typed()
    .transform(normalize)
    .superRefine((v, ctx) => {
      const key = v ? problem(v) : null;
      if (key) ctx.addIssue({ code: 'custom', message: key });
    });
}

const same = (v: string) => v;
export const zPersonalId = () => checked(squeeze, (v) => personalIdProblem(v));
export const zPhone = (opts: { landline?: boolean } = {}) =>
  checked(normalizePhone, (v) => phoneProblem(v, opts));
export const zPastDate = () => checked(same, (v) => pastDateProblem(v));
export const zBankBin = () => checked(same, bankBinProblem);
export const zAccountNo = () => checked(normalizeAccountNo, accountNoProblem);
export const zHolderName = () => checked(normalizeHolderName, holderNameProblem);
export const zEmail = () =>
  checked(normaliseEmail, (v) => (z.email().safeParse(v).success ? null : 'v.email'));
/** Tax code and registration number depend on the legal form: the form checks them together. */
export const zTaxCode = () => checked(normalizeTaxCode, () => null);
export const zRegNo = () => checked(normalizeRegNo, () => null);

/** One of a list of values, as a non-fatal check (a Zod enum would stop the other checks). */
export function oneOf<T extends string>(values: readonly T[], key = 'v.choose') {
  return typed().superRefine((v, ctx) => {
    if (v && !values.includes(v as T)) ctx.addIssue({ code: 'custom', message: key });
  }) as unknown as z.ZodType<T | '', unknown>;
}

/** OCOP certificate: its number, product, star rating (3-5), product group (1-6) and date. */
export const ocopStarsProblem = (v: string): Problem =>
  ocopStars.includes(Number(v)) ? null : 'seller.ocop.stars';
export const ocopGroupProblem = (v: string): Problem =>
  ocopGroups.some((g) => String(g.code) === v) ? null : 'seller.ocop.group';
export const zOcopStars = () => checked(same, ocopStarsProblem);
export const zOcopGroup = () => checked(same, ocopGroupProblem);
