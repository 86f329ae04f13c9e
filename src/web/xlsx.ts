import type { Workbook, Worksheet } from 'exceljs';
import type { FastifyReply } from 'fastify';
import { loadExcel } from '../platform/heavy.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook dated now (exceljs loads on its first use). */
export async function newWorkbook(): Promise<Workbook> {
  const wb = new (await loadExcel()).Workbook();
  wb.created = new Date();
  return wb;
}

/** The sheet's header row bold and wrapped, and kept in view while the rows scroll. */
export function headerRow(ws: Worksheet, row = 1): void {
  const header = ws.getRow(row);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  ws.views = [{ state: 'frozen', ySplit: row }];
}

export const workbookBytes = async (wb: Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** A spreadsheet as a download saved as `name`. */
export function sendXlsx(reply: FastifyReply, name: string, data: Buffer) {
  return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${name}"`).send(data);
}
