import { parse as parseCsv } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { isUuid } from '../../platform/db/columns.js';
import type { Db, Executor } from '../../platform/db/pool.js';
import { loadExcel } from '../../platform/heavy.js';
import type { Actor } from '../../platform/http/context.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import type { Upload } from '../../platform/storage/storage.js';
import { foldVietnamese } from '../../platform/text.js';
import { parseWholeNumber } from '../catalog/index.js';
import { type StatementRowReport, statementImports } from './schema.js';
import { recordEvent, setEventOutcome, settleTransfer } from './transfers.js';

/** The most rows one statement may hold (a month of a busy account). */
export const MAX_STATEMENT_ROWS = 5000;

type Column = 'date' | 'amount' | 'content' | 'reference';

/** Headings as banks write them (folded: no diacritics, lower case), in Vietnamese and English. */
const HEADINGS: Record<string, Column> = Object.fromEntries(
  (
    [
      ['date', ['ngay', 'ngay giao dich', 'ngay gd', 'thoi gian', 'date', 'transaction date', 'value date']],
      ['amount', ['so tien', 'so tien ghi co', 'ghi co', 'amount', 'credit', 'credit amount']],
      [
        'content',
        ['noi dung', 'dien giai', 'mo ta', 'noi dung giao dich', 'content', 'description', 'details'],
      ],
      [
        'reference',
        [
          'ma giao dich',
          'so tham chieu',
          'ma tham chieu',
          'so but toan',
          'reference',
          'ref',
          'transaction id',
        ],
      ],
    ] as const
  ).flatMap(([key, names]) => names.map((n) => [n, key])),
);
const fold = (s: string) => foldVietnamese(s).toLowerCase().replace(/\s+/g, ' ').trim();

type Cell = string | number | Date | null;
interface Row {
  line: number;
  cells: Partial<Record<Column, Cell>>;
  /** The row as it stood in the file: the CSV line, or the XLSX cells as JSON. */
  raw: string;
}

function csvRows(text: string): { cells: Cell[]; raw: string }[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // Excel in Vietnamese saves CSV with ";".
  const delimiter = [';', '\t', ','].find((d) => firstLine.includes(d)) ?? ',';
  try {
    const records = parseCsv(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      raw: true,
    }) as unknown as {
      record: string[];
      raw: string;
    }[];
    return records.map((r) => ({ cells: r.record, raw: r.raw.replace(/[\r\n]+$/, '') }));
  } catch (err) {
    throw invalid('file', 'payment.statement.csv_syntax', { line: (err as { lines?: number }).lines ?? 0 });
  }
}

function cellOf(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'object' && 'result' in v) return cellOf(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

async function xlsxRows(data: Buffer): Promise<{ cells: Cell[]; raw: string }[]> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw invalid('file', 'payment.statement.unreadable');
  }
  const out: { cells: Cell[]; raw: string }[] = [];
  wb.worksheets[0]?.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(cellOf(row.getCell(i).value));
    out[n - 1] = { cells, raw: JSON.stringify(cells) };
  });
  return Array.from(out, (r) => r ?? { cells: [], raw: '[]' });
}

/** The statement's rows by column; the first row naming a date, an amount and a reference is the heading. */
export async function readStatement(upload: Upload | undefined): Promise<Row[]> {
  if (!upload?.filename || !upload.data.length) throw invalid('file', 'v.required');
  if (upload.truncated) throw invalid('file', 'payment.statement.too_large');
  const ext = upload.filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  let records: { cells: Cell[]; raw: string }[];
  if (ext === 'xlsx') {
    // An .xlsx is a zip archive: PK\x03\x04.
    if (upload.data.readUInt32LE(0) !== 0x04034b50) throw invalid('file', 'payment.statement.unreadable');
    records = await xlsxRows(upload.data);
  } else if (ext === 'csv') {
    const text = new TextDecoder('utf-8').decode(upload.data);
    if (text.includes('\u0000')) throw invalid('file', 'payment.statement.unreadable');
    records = csvRows(text);
  } else throw invalid('file', 'payment.statement.type');

  const headerAt = records.findIndex((r) => {
    const keys = new Set(r.cells.map((c) => HEADINGS[fold(String(c ?? ''))]));
    return keys.has('date') && keys.has('amount') && keys.has('reference');
  });
  if (headerAt < 0) throw invalid('file', 'payment.statement.no_heading');
  const byIndex = records[headerAt]!.cells.map((c) => HEADINGS[fold(String(c ?? ''))]);
  const rows: Row[] = [];
  for (let i = headerAt + 1; i < records.length; i++) {
    const r = records[i]!;
    if (r.cells.every((c) => c === null || String(c).trim() === '')) continue;
    const cells: Row['cells'] = {};
    byIndex.forEach((key, j) => {
      if (key && !(key in cells)) cells[key] = r.cells[j] ?? null;
    });
    rows.push({ line: i + 1, cells, raw: r.raw });
    if (rows.length > MAX_STATEMENT_ROWS)
      throw invalid('file', 'payment.statement.too_many_rows', { max: MAX_STATEMENT_ROWS });
  }
  if (!rows.length) throw invalid('file', 'payment.statement.no_rows');
  return rows;
}

/** A signed amount in whole đồng ("1.500.000", "-250,000", "1500000.00"), or null. */
export function parseAmount(cell: Cell): bigint | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? BigInt(cell) : null;
  if (typeof cell !== 'string') return null;
  const m = /^\s*([+-]?)\s*(.*?)(?:[.,]00)?\s*$/.exec(cell);
  const n = m?.[2] ? parseWholeNumber(m[2]) : null;
  return n === null ? null : m?.[1] === '-' ? -n : n;
}

/** A statement date: a spreadsheet date, dd/mm/yyyy [hh:mm[:ss]] or yyyy-mm-dd [hh:mm[:ss]], Vietnam time. */
export function parseStatementDate(cell: Cell): Date | null {
  // Spreadsheet dates carry the wall-clock time of Vietnam written as UTC.
  if (cell instanceof Date) return new Date(cell.getTime() - 7 * 3600_000);
  const s = String(cell ?? '').trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  const [y, mo, d, h, mi, se] = dmy
    ? [dmy[3], dmy[2], dmy[1], dmy[4], dmy[5], dmy[6]]
    : ymd
      ? [ymd[1], ymd[2], ymd[3], ymd[4], ymd[5], ymd[6]]
      : [];
  if (!y) return null;
  const p2 = (v: string | undefined) => (v ?? '0').padStart(2, '0');
  const day = `${y}-${p2(mo)}-${p2(d)}`;
  const date = new Date(`${day}T${p2(h)}:${p2(mi)}:${p2(se)}+07:00`);
  // 31/02 would roll over into March: a day that does not exist is no date.
  const sameDay =
    !Number.isNaN(date.getTime()) && new Date(date.getTime() + 7 * 3600_000).toISOString().startsWith(day);
  return sameDay ? date : null;
}

/**
 * Imports an officer's bank statement of the collection account: every row is kept verbatim
 * and settled by the same rules as the bank's notifications (settleTransfer), each in its own
 * transaction; money going out is left alone; a reference already recorded is skipped.
 */
export async function importStatement(
  db: Db,
  input: { upload: Upload | undefined; actor: Actor; accountNo: string },
): Promise<{ id: string; report: StatementRowReport[] }> {
  const rows = await readStatement(input.upload);
  const filename = input.upload!.filename;
  const report: StatementRowReport[] = [];
  for (const row of rows) {
    const reference = String(row.cells.reference ?? '').trim() || null;
    const amount = parseAmount(row.cells.amount ?? null);
    const at = parseStatementDate(row.cells.date ?? null);
    const content = String(row.cells.content ?? '').trim();
    const base = { line: row.line, reference, amount: amount?.toString() ?? null, orderCode: null };
    const problem = !reference
      ? 'payment.statement.row.reference'
      : amount === null || amount === 0n
        ? 'payment.statement.row.amount'
        : !at
          ? 'payment.statement.row.date'
          : null;
    const outcome = await db.transaction(async (tx) => {
      const eventId = await recordEvent(tx, {
        source: 'statement_import',
        rawBody: row.raw,
        headers: { file: filename, line: String(row.line), importedBy: input.actor.id },
        verified: true,
        verification: 'officer_import',
        providerRef: reference ? `statement:${reference}` : null,
      });
      if (problem) {
        await setEventOutcome(tx, eventId, { outcome: 'invalid' });
        return { outcome: 'invalid', orderCode: null, problem };
      }
      if (amount! < 0n) {
        await setEventOutcome(tx, eventId, { outcome: 'ignored' });
        return { outcome: 'ignored', orderCode: null, problem: null };
      }
      const s = await settleTransfer(tx, {
        source: 'statement',
        reference: reference!,
        providerTxnId: null,
        accountNo: input.accountNo,
        amount: amount!,
        content,
        transferredAt: at!,
        eventId,
      });
      await setEventOutcome(tx, eventId, s);
      return { outcome: s.outcome, orderCode: s.orderCode, problem: null };
    });
    report.push({ ...base, ...outcome });
  }
  const [saved] = await db
    .insert(statementImports)
    .values({ fileName: filename, importedBy: input.actor.id, rows: rows.length, report })
    .returning({ id: statementImports.id });
  return { id: saved!.id, report };
}

export async function statementImport(db: Executor, id: string) {
  if (!isUuid(id)) throw notFound();
  const [row] = await db.select().from(statementImports).where(eq(statementImports.id, id));
  if (!row) throw notFound();
  return row;
}
