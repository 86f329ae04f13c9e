import { formatDate, type Locale, type Translate } from '../../platform/http/i18n.js';
import { headerRow, newWorkbook, workbookBytes } from '../../web/xlsx.js';
import { bank, legalFormLabel, type Seller } from '../sellers/index.js';
import { batchLabel, type PayoutBatchView } from './payouts.js';
import type { SellerStatement, WithholdingRow } from './statements.js';

// Whole đồng with thousands separators; percentages with up to two decimals.
const money = { numFmt: '#,##0' };
const percent = { numFmt: '0.0#"%"' };

/** One transfer of a bank file: the beneficiary's bank and account, the amount, the memo. */
export interface Transfer {
  bankBin: string;
  bankAccountNo: string;
  bankAccountName: string;
  amount: bigint;
  memo: string;
}

/**
 * A bank transfer file (payouts to sellers, refunds to buyers): one row per transfer with what
 * a bank's bulk transfer import asks for (beneficiary bank BIN and name, account number,
 * holder, amount, memo in plain ASCII, which every bank accepts), then the total.
 */
export async function transferWorkbook(sheet: string, transfers: Transfer[], t: Translate): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(sheet);
  ws.columns = [
    { header: t('ledger.col.no'), key: 'no', width: 6 },
    { header: t('ledger.col.bankBin'), key: 'bin', width: 12 },
    { header: t('ledger.col.bankName'), key: 'bank', width: 36 },
    { header: t('ledger.col.accountNo'), key: 'account', width: 22 },
    { header: t('ledger.col.accountName'), key: 'holder', width: 32 },
    { header: t('ledger.col.amount'), key: 'amount', width: 16, style: money },
    { header: t('ledger.col.memo'), key: 'memo', width: 40 },
  ];
  transfers.forEach((x, n) => {
    const b = bank(x.bankBin);
    ws.addRow({
      no: n + 1,
      bin: x.bankBin,
      bank: b ? `${b.shortName} - ${b.name}` : '',
      account: x.bankAccountNo,
      holder: x.bankAccountName,
      amount: Number(x.amount),
      memo: x.memo,
    });
  });
  // Text, so that leading zeros stay.
  ws.getColumn('account').numFmt = '@';
  const total = transfers.reduce((sum, x) => sum + x.amount, 0n);
  ws.addRow({ holder: t('ledger.col.total'), amount: Number(total) }).font = { bold: true };
  headerRow(ws);
  return workbookBytes(wb);
}

/** The bank transfer file of a payout batch: one row per seller. */
export const payoutWorkbook = (view: PayoutBatchView, t: Translate) =>
  transferWorkbook(batchLabel(view.batch.number), view.items, t);

const net = (r: WithholdingRow) => ({
  revenue: r.revenue - r.revenueOffset,
  vat: r.vat - r.vatOffset,
  pit: r.pit - r.pitOffset,
});

/**
 * The month's withholding declaration data. Sheet 1 (summary) and sheet 2 (one row per seller,
 * kind of supply and rate) follow the declaration a platform files for the household businesses
 * and individuals it withholds for (Decree 117/2025/NĐ-CP; the detail list of the 01/CNKD-TMĐT
 * declaration): the seller's name, tax code or personal identification number, the kind of
 * supply, revenue, the VAT and PIT rates and the amounts withheld, with the revenue and taxes
 * of cancelled and returned orders offset in the month they were reversed.
 */
export async function declarationWorkbook(
  month: string,
  rows: WithholdingRow[],
  sellers: Map<string, Seller>,
  t: Translate,
): Promise<Buffer> {
  const wb = await newWorkbook();
  const summary = wb.addWorksheet(t('ledger.tax.sheet.summary'));
  summary.columns = [
    { header: t('ledger.col.supplyKind'), key: 'kind', width: 34 },
    { header: t('ledger.col.revenue'), key: 'revenue', width: 18, style: money },
    { header: t('ledger.col.vat'), key: 'vat', width: 16, style: money },
    { header: t('ledger.col.pit'), key: 'pit', width: 16, style: money },
  ];
  const byKind = new Map<string, { revenue: bigint; vat: bigint; pit: bigint }>();
  for (const r of rows) {
    const s = byKind.get(r.supplyKind) ?? { revenue: 0n, vat: 0n, pit: 0n };
    const n = net(r);
    byKind.set(r.supplyKind, { revenue: s.revenue + n.revenue, vat: s.vat + n.vat, pit: s.pit + n.pit });
  }
  for (const [kind, s] of byKind)
    summary.addRow({
      kind: t(`ledger.kind.${kind}`),
      revenue: Number(s.revenue),
      vat: Number(s.vat),
      pit: Number(s.pit),
    });
  const sum = (k: 'revenue' | 'vat' | 'pit') => Number([...byKind.values()].reduce((a, s) => a + s[k], 0n));
  summary.addRow({
    kind: t('ledger.col.total'),
    revenue: sum('revenue'),
    vat: sum('vat'),
    pit: sum('pit'),
  }).font = {
    bold: true,
  };
  summary.addRow({});
  summary.addRow({ kind: t('ledger.tax.period', { month }) });
  headerRow(summary);

  const ws = wb.addWorksheet(t('ledger.tax.sheet.detail'));
  ws.columns = [
    { header: t('ledger.col.no'), key: 'no', width: 6 },
    { header: t('ledger.col.sellerName'), key: 'name', width: 32 },
    { header: t('ledger.col.repName'), key: 'rep', width: 26 },
    { header: t('ledger.col.taxCode'), key: 'taxCode', width: 16 },
    { header: t('ledger.col.personalId'), key: 'personalId', width: 16 },
    { header: t('ledger.col.legalForm'), key: 'legalForm', width: 20 },
    { header: t('ledger.col.supplyKind'), key: 'kind', width: 30 },
    { header: t('ledger.col.revenue'), key: 'revenue', width: 16, style: money },
    { header: t('ledger.col.revenueOffset'), key: 'revenueOffset', width: 16, style: money },
    { header: t('ledger.col.revenueNet'), key: 'revenueNet', width: 16, style: money },
    { header: t('ledger.col.vatRate'), key: 'vatRate', width: 10, style: percent },
    { header: t('ledger.col.vat'), key: 'vat', width: 14, style: money },
    { header: t('ledger.col.vatOffset'), key: 'vatOffset', width: 14, style: money },
    { header: t('ledger.col.vatNet'), key: 'vatNet', width: 14, style: money },
    { header: t('ledger.col.pitRate'), key: 'pitRate', width: 10, style: percent },
    { header: t('ledger.col.pit'), key: 'pit', width: 14, style: money },
    { header: t('ledger.col.pitOffset'), key: 'pitOffset', width: 14, style: money },
    { header: t('ledger.col.pitNet'), key: 'pitNet', width: 14, style: money },
  ];
  rows.forEach((r, i) => {
    const s = sellers.get(r.sellerId);
    const n = net(r);
    ws.addRow({
      no: i + 1,
      name: s?.shopName ?? r.sellerId,
      rep: s?.repName ?? '',
      taxCode: s?.taxCode ?? '',
      personalId: s?.repCitizenId ?? '',
      legalForm: s ? legalFormLabel(t, s.legalForm) : '',
      kind: t(`ledger.kind.${r.supplyKind}`),
      revenue: Number(r.revenue),
      revenueOffset: Number(r.revenueOffset),
      revenueNet: Number(n.revenue),
      vatRate: r.vatBp / 100,
      vat: Number(r.vat),
      vatOffset: Number(r.vatOffset),
      vatNet: Number(n.vat),
      pitRate: r.pitBp / 100,
      pit: Number(r.pit),
      pitOffset: Number(r.pitOffset),
      pitNet: Number(n.pit),
    });
  });
  for (const c of ['taxCode', 'personalId']) ws.getColumn(c).numFmt = '@';
  headerRow(ws);
  return workbookBytes(wb);
}

/** A seller's statement of a month: opening balance, each entry, closing balance, and the withholding by kind. */
export async function statementWorkbook(
  s: SellerStatement,
  seller: Seller,
  t: Translate,
  locale: Locale,
): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(t('ledger.statement.sheet'));
  ws.addRow([t('ledger.statement.title', { month: s.month })]).font = { bold: true, size: 14 };
  ws.addRow([seller.shopName, seller.taxCode ?? seller.repCitizenId ?? '']);
  ws.addRow([t('ledger.statement.opening'), Number(s.openingBalance)]);
  ws.addRow([]);
  const headerRow = ws.addRow([
    t('ledger.col.date'),
    t('ledger.col.kind'),
    t('ledger.col.memo'),
    t('ledger.col.gross'),
    t('ledger.col.fee'),
    t('ledger.col.vat'),
    t('ledger.col.pit'),
    t('ledger.col.change'),
  ]);
  headerRow.font = { bold: true };
  for (const l of s.lines)
    ws.addRow([
      formatDate(l.at, locale, true),
      t(`ledger.entry.${l.kind}`),
      l.memo,
      Number(l.gross),
      Number(l.fee),
      Number(l.vat),
      Number(l.pit),
      Number(l.change),
    ]);
  ws.addRow([t('ledger.statement.closing'), '', '', '', '', '', '', Number(s.closingBalance)]).font = {
    bold: true,
  };
  ws.addRow([]);
  ws.addRow([
    t('ledger.col.supplyKind'),
    t('ledger.col.revenueNet'),
    t('ledger.col.vatNet'),
    t('ledger.col.pitNet'),
  ]).font = { bold: true };
  for (const r of s.withholding) {
    const n = net(r);
    ws.addRow([t(`ledger.kind.${r.supplyKind}`), Number(n.revenue), Number(n.vat), Number(n.pit)]);
  }
  ws.getColumn(1).width = 20;
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 36;
  for (const c of [4, 5, 6, 7, 8]) {
    ws.getColumn(c).width = 14;
    ws.getColumn(c).numFmt = '#,##0';
  }
  ws.getCell('B3').numFmt = '#,##0';
  return workbookBytes(wb);
}
