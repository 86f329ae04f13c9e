import type { Locale, Translate } from '../../platform/http/i18n.js';
import { headerRow, newWorkbook, workbookBytes } from '../../web/xlsx.js';
import { commune, formatAddress } from '../geo/index.js';
import { type registryRows, vnDay } from './console-service.js';
import { legalFormLabel, statusLabel } from './reference.js';
import { verificationText } from './verification/index.js';

type Row = Awaited<ReturnType<typeof registryRows>>[number];

/**
 * A calendar date as Excel stores it. Excel dates have no time zone: write the Viet Nam
 * calendar day of an instant at midnight UTC so the cell shows the day an officer expects.
 */
function excelDate(v: Date | string | null): Date | null {
  if (!v) return null;
  if (typeof v === 'string') return new Date(`${v}T00:00:00Z`);
  return new Date(vnDay(v) * 86_400_000);
}

/**
 * The registry as a spreadsheet officials can sort and filter: Vietnamese headers, real
 * dates, the header row bold and frozen, widths that fit the content.
 */
export async function registryWorkbook(rows: Row[], t: Translate, locale: Locale): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(t('console.xlsx.sheet'));
  // Day first, as both Vietnamese and British readers write dates.
  const date = { numFmt: 'dd/mm/yyyy' };
  ws.columns = [
    { header: t('console.col.shopName'), key: 'shopName', width: 32 },
    { header: t('console.col.legalForm'), key: 'legalForm', width: 18 },
    { header: t('console.col.taxCode'), key: 'taxCode', width: 16 },
    { header: t('console.col.businessRegNo'), key: 'businessRegNo', width: 16 },
    { header: t('console.col.businessRegDate'), key: 'businessRegDate', width: 14, style: date },
    { header: t('console.col.repName'), key: 'repName', width: 26 },
    { header: t('console.col.address'), key: 'address', width: 48 },
    { header: t('console.col.commune'), key: 'commune', width: 22 },
    { header: t('console.col.phone'), key: 'phone', width: 14 },
    { header: t('console.col.email'), key: 'email', width: 28 },
    { header: t('console.col.status'), key: 'status', width: 16 },
    { header: t('console.col.decidedAt'), key: 'decidedAt', width: 14, style: date },
    { header: t('console.col.verification'), key: 'verification', width: 28 },
  ];
  for (const r of rows) {
    ws.addRow({
      shopName: r.shopName,
      legalForm: legalFormLabel(t, r.legalForm),
      taxCode: r.taxCode,
      businessRegNo: r.businessRegNo,
      businessRegDate: excelDate(r.businessRegDate),
      repName: r.repName,
      address: formatAddress(r),
      commune: commune(r.communeCode)?.name ?? null,
      phone: r.phone,
      email: r.email,
      status: statusLabel(t, r.status),
      decidedAt: excelDate(r.decidedAt),
      verification: verificationText(t, locale, {
        sellerId: r.id,
        method: r.verificationMethod,
        verifiedAt: r.verifiedAt,
      }),
    });
  }
  headerRow(ws);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columns.length } };
  return workbookBytes(wb);
}
