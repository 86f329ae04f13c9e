import type ExcelJS from 'exceljs';
import { loadExcel } from '../../../platform/heavy.js';
import type { Locale, Translate } from '../../../platform/http/i18n.js';
import { type Column, columns, heading } from './columns.js';
import { addGuideSheet } from './guide.js';
import type { ExportRow, ExportValue } from './service.js';

/** How a column's cells are shown in Excel: money grouped, days as dates, codes kept as text. */
function style(c: Column): Partial<ExcelJS.Style> {
  if (c.kind === 'money') return { numFmt: '#,##0' };
  if (c.kind === 'date') return { numFmt: 'dd/mm/yyyy' };
  if (c.kind === 'int' || c.kind === 'ocopGroup') return {};
  // Text, so that "01" stays the province code and a SKU of digits keeps its zeros.
  return { numFmt: '@' };
}

/** A yyyy-mm-dd day as an Excel date (midnight UTC, which Excel shows as that very day). */
const excelValue = (c: Column, v: ExportValue | undefined) =>
  c.kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
    ? new Date(`${v}T00:00:00Z`)
    : (v ?? null);

/**
 * The product spreadsheet: the rows (none for the template) under the headings, then the
 * "Hướng dẫn" sheet. The same columns for the template and the export.
 */
export async function productWorkbook(
  rows: ExportRow[],
  opts: { t: Translate; locale: Locale; provinceCode: string },
): Promise<Buffer> {
  const { t } = opts;
  const wb = new (await loadExcel()).Workbook();
  wb.created = new Date();
  const ws = wb.addWorksheet(t('catalog.import.sheet.products'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: heading(c, t), key: c.key, width: c.width, style: style(c) }));
  for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, excelValue(c, r[c.key])])));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  addGuideSheet(wb, t, opts.locale, opts.provinceCode);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * One CSV field: quoted when it holds a separator, a quote or a line break; text that a
 * spreadsheet would run as a formula gets an apostrophe (the import takes it off again).
 */
function csvField(v: ExportValue | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (/^[=+\-@]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",;\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The same as CSV: UTF-8 with a byte order mark (so Excel reads the diacritics), comma separated. */
export function productCsv(rows: ExportRow[], t: Translate): Buffer {
  const lines = [columns.map((c) => csvField(heading(c, t)))];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c.key])));
  return Buffer.from(`\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`, 'utf8');
}
