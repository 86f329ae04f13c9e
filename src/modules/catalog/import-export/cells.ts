import { foldVietnamese } from '../../../platform/text.js';
import { commune, province, provinces } from '../../geo/index.js';
import { certifications, ocopGroups, productCategories, units } from '../reference.js';
import { type ColumnKey, columns, type Kind } from './columns.js';

/** A cell as read from either format: CSV gives text, XLSX also numbers, dates and booleans. */
export type Cell = string | number | boolean | Date | null;
/** What a cell becomes: the text the product input expects (a list for certifications). */
export type Value = string | string[];
export type RawRow = Partial<Record<ColumnKey, Cell>>;
export type Values = Partial<Record<ColumnKey, Value>>;

const DAY_MS = 86_400_000;
/** Day 0 of Excel's serial dates (its 1900 leap-year bug included, as every spreadsheet counts). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The calendar day of an Excel date (stored as midnight UTC; rounded against float noise). */
export const excelDay = (d: Date) => iso(Math.round(d.getTime() / 60_000) * 60_000);

/** A whole number without exponent or separators ("250000"); anything else as JavaScript writes it. */
const numberText = (n: number) => (Number.isInteger(n) ? BigInt(n).toString() : String(n));

/**
 * Words mapped to codes: the exact word first, then without diacritics when that is not
 * ambiguous ("bo" could be "bó" or "bộ", so it is not accepted for either).
 */
function lookup(pairs: [string, string][]): (word: string) => string | undefined {
  const exact = new Map<string, string>();
  const folded = new Map<string, string | null>();
  for (const [word, code] of pairs) {
    exact.set(word.toLowerCase(), code);
    const f = foldVietnamese(word).toLowerCase();
    folded.set(f, folded.has(f) && folded.get(f) !== code ? null : code);
  }
  return (word) => {
    const w = word.trim().replace(/\s+/g, ' ');
    return exact.get(w.toLowerCase()) ?? folded.get(foldVietnamese(w).toLowerCase()) ?? undefined;
  };
}

const labelled = (items: { code: string; vi: string; en: string }[]): [string, string][] =>
  items.flatMap((i) => [
    [i.code, i.code],
    [i.vi, i.code],
    [i.en, i.code],
  ]);

const categoryCode = lookup(labelled(productCategories.flatMap((top) => top.children)));
const unitCode = lookup(labelled(units));
const certificationCode = lookup(labelled(certifications));
const ocopGroupCode = lookup(labelled(ocopGroups.map((g) => ({ code: String(g.code), vi: g.vi, en: g.en }))));

const withoutPrefix = (name: string) => name.replace(/^(tỉnh|thành phố|tp\.?|xã|phường|đặc khu)\s+/i, '');
const provinceCode = lookup(
  provinces.flatMap((p): [string, string][] => [
    [p.name, p.code],
    [withoutPrefix(p.name), p.code],
  ]),
);
const communeLookups = new Map(
  provinces.map((p) => [
    p.code,
    lookup(
      p.communes.flatMap((c): [string, string][] => [
        [c.name, c.code],
        [withoutPrefix(c.name), c.code],
      ]),
    ),
  ]),
);

const yes = new Set(['x', '1', 'co', 'true', 'yes', 'y', 'dung', 'on']);
const no = new Set(['', '0', 'khong', 'false', 'no', 'n', 'sai', 'off']);

/** Text of a cell; a leading apostrophe that kept a formula-like text from being run is dropped. */
function text(v: Cell): string {
  if (v === null) return '';
  if (v instanceof Date) return excelDay(v);
  if (typeof v === 'number') return numberText(v);
  const s = String(v).trim();
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

/** Digits padded to the code's width: Excel turns the province code "01" into the number 1. */
const code = (v: Cell, width: number) => {
  const s = text(v);
  return /^\d+$/.test(s) && s.length < width ? s.padStart(width, '0') : s;
};

type Converted = { value: Value } | { error: string };

function convert(kind: Kind, v: Cell, provinceOfRow: string): Converted {
  switch (kind) {
    case 'date':
      if (v instanceof Date) return { value: excelDay(v) };
      if (typeof v === 'number') return { value: iso(EXCEL_EPOCH + Math.floor(v) * DAY_MS) };
      return { value: text(v) };
    case 'bool': {
      if (typeof v === 'boolean') return { value: v ? 'on' : '' };
      const w = foldVietnamese(text(v)).toLowerCase();
      if (yes.has(w)) return { value: 'on' };
      return no.has(w) ? { value: '' } : { error: 'catalog.import.bool' };
    }
    case 'category': {
      const s = text(v);
      return { value: categoryCode(s) ?? s };
    }
    case 'unit': {
      const s = text(v);
      return { value: unitCode(s) ?? s };
    }
    case 'ocopGroup': {
      const s = text(v);
      return { value: ocopGroupCode(s) ?? s };
    }
    case 'province': {
      const s = code(v, 2);
      return { value: province(s) ? s : (provinceCode(s) ?? s) };
    }
    case 'commune': {
      const s = code(v, 5);
      return { value: commune(s) || !s ? s : (communeLookups.get(provinceOfRow)?.(s) ?? s) };
    }
    case 'certifications':
      return {
        value: text(v)
          .split(/[,;\n]+/)
          .map((w) => w.trim())
          .filter(Boolean)
          .map((w) => certificationCode(w) ?? w),
      };
    default:
      return { value: text(v) };
  }
}

/**
 * A spreadsheet row as the values the product input expects, with the cells that could not be
 * read at all (a yes/no column holding something else). Everything else is left to the schema.
 */
export function convertRow(raw: RawRow): { values: Values; errors: { column: ColumnKey; key: string }[] } {
  const values: Values = {};
  const errors: { column: ColumnKey; key: string }[] = [];
  const provinceOfRow = code(raw.originProvinceCode ?? null, 2);
  const provinceResolved = province(provinceOfRow) ? provinceOfRow : (provinceCode(provinceOfRow) ?? '');
  for (const c of columns) {
    const r = convert(c.kind, raw[c.key] ?? null, provinceResolved);
    if ('error' in r) errors.push({ column: c.key, key: r.error });
    else values[c.key] = r.value;
  }
  return { values, errors };
}

/** Whether a row holds nothing at all (such rows are skipped, as Excel users leave gaps). */
export const isBlankRow = (raw: RawRow) => Object.values(raw).every((v) => text(v ?? null) === '');
