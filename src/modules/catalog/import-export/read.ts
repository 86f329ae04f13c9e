import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { loadExcel } from '../../../platform/heavy.js';
import { invalid } from '../../../platform/http/errors.js';
import type { Translate } from '../../../platform/http/i18n.js';
import { humanSize, type Upload } from '../../../platform/storage/storage.js';
import { type Cell, isBlankRow, type RawRow } from './cells.js';
import { type ColumnKey, columns, heading, headingMatcher } from './columns.js';
import { unpacksWithin } from './zip-guard.js';

/** The most rows one file may hold: a shop's whole catalogue, small enough to check in one request. */
export const MAX_ROWS = 5000;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** How much larger than the upload limit a workbook may grow once unpacked (real ones: 5 to 10 times). */
const UNPACKED_RATIO = 20;

export type Format = 'xlsx' | 'csv';
/** A data row with its number as the spreadsheet shows it (the heading is row 1). */
export interface SheetRow {
  number: number;
  raw: RawRow;
}

/** The format the file's name claims: only .xlsx and .csv are read. */
function claimed(filename: string): Format {
  const ext = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'xlsx' || ext === 'csv') return ext;
  throw invalid('file', ext === 'xls' ? 'catalog.import.file.xls' : 'catalog.import.file.type');
}

/** UTF-8 text without NUL bytes, or undefined: what a CSV file must be. */
function asText(data: Buffer): string | undefined {
  try {
    const s = new TextDecoder('utf-8', { fatal: true }).decode(data);
    return s.includes('\u0000') ? undefined : s;
  } catch {
    return undefined;
  }
}

/**
 * Checks an upload by its content, never by its name alone: an .xlsx must be an Office
 * spreadsheet (a zip), a .csv must be UTF-8 text. Throws a ValidationError on `file`.
 */
export async function sniff(
  upload: Upload | undefined,
  maxBytes: number,
): Promise<{ format: Format; text?: string }> {
  if (!upload?.filename) throw invalid('file', 'v.required');
  if (upload.data.length === 0) throw invalid('file', 'file.empty');
  if (upload.truncated || upload.data.length > maxBytes)
    throw invalid('file', 'catalog.import.file.too_large', { size: humanSize(maxBytes) });
  const format = claimed(upload.filename);
  const type = await fileTypeFromBuffer(upload.data);
  if (format === 'xlsx') {
    if (type?.mime !== XLSX_MIME) throw invalid('file', 'catalog.import.file.not_xlsx');
    if (!unpacksWithin(upload.data, UNPACKED_RATIO * maxBytes))
      throw invalid('file', 'catalog.import.file.unpacked');
    return { format };
  }
  const text = type ? undefined : asText(upload.data);
  if (text === undefined) throw invalid('file', 'catalog.import.file.not_csv');
  return { format, text };
}

/** The separator of a CSV file, from its first line: Excel in Vietnamese saves with ";". */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text.slice(0, 65536)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch] += 1;
  }
  return Object.entries(counts).reduce((best, cur) => (cur[1] > best[1] ? cur : best), [',', 0])[0];
}

function csvRecords(text: string): Cell[][] {
  try {
    return parseCsv(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    throw invalid('file', 'catalog.import.file.csv_syntax', { line });
  }
}

/** An XLSX cell value without its wrapping: the result of a formula, the text of rich text or a link. */
function unwrap(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== 'object') return v;
  if ('result' in v) return unwrap(v.result as ExcelJS.CellValue);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v) return unwrap(v.text as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return null;
}

async function xlsxRecords(data: Buffer): Promise<Cell[][]> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw invalid('file', 'catalog.import.file.unreadable');
  }
  // The products are on the first sheet; the guide of the template follows it.
  const ws = wb.worksheets[0];
  const out: Cell[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(unwrap(row.getCell(i).value));
    out[n - 1] = cells;
  });
  return Array.from(out, (r) => r ?? []);
}

/**
 * The file's rows by column, numbered as the spreadsheet shows them. The first non-empty
 * row holds the headings (Vietnamese or English); required columns must all be there.
 */
export async function readRows(
  upload: Upload | undefined,
  opts: { maxBytes: number; t: Translate; translators: Translate[] },
): Promise<{ format: Format; rows: SheetRow[] }> {
  const { format, text } = await sniff(upload, opts.maxBytes);
  const records = format === 'csv' ? csvRecords(text!) : await xlsxRecords(upload!.data);
  const headerIndex = records.findIndex((r) => r.some((c) => c !== null && String(c).trim() !== ''));
  if (headerIndex < 0) throw invalid('file', 'catalog.import.file.no_rows');
  const match = headingMatcher(opts.translators);
  const byIndex = records[headerIndex].map((h) => (h === null ? undefined : match(String(h))));
  const present = new Set(byIndex.filter(Boolean));
  const missing = columns.filter((c) => c.required && !present.has(c.key));
  if (missing.length)
    throw invalid('file', 'catalog.import.file.missing_columns', {
      columns: missing.map((c) => `«${heading(c, opts.t).replace(/ \*$/, '')}»`).join(', '),
    });
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const raw: RawRow = {};
    byIndex.forEach((key, j) => {
      // A column named twice: the first one counts.
      if (key && !(key in raw)) raw[key as ColumnKey] = records[i][j] ?? null;
    });
    if (isBlankRow(raw)) continue;
    rows.push({ number: i + 1, raw });
    if (rows.length > MAX_ROWS) throw invalid('file', 'catalog.import.file.too_many_rows', { max: MAX_ROWS });
  }
  if (!rows.length) throw invalid('file', 'catalog.import.file.no_rows');
  return { format, rows };
}
