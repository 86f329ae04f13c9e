import { loadExcel } from '../../platform/heavy.js';
import type { Translate } from '../../platform/http/i18n.js';
import { bank } from '../sellers/index.js';
import type { OwedRow, RefundAccount } from './refunds.js';
import { buildVietQr, qrSvg } from './vietqr.js';

/** What a refund transfer's memo says (plain ASCII, which every bank accepts). */
export const refundMemo = (orderCode: string) => `HOAN TIEN ${orderCode}`;

/** The bank and account as people read them ("Vietcombank · 0123456789 · NGUYEN VAN A"); null when not all given. */
export function accountText(a: {
  bankBin: string | null;
  bankAccountNo: string | null;
  bankAccountName: string | null;
}): string | null {
  if (!a.bankBin || !a.bankAccountNo || !a.bankAccountName) return null;
  return `${bank(a.bankBin)?.shortName ?? a.bankBin} · ${a.bankAccountNo} · ${a.bankAccountName}`;
}

/**
 * The VietQR code of a refund transfer to the buyer's account, which the officer scans with the
 * collection account's banking app: the amount and the memo are filled in.
 */
export async function refundQr(account: RefundAccount, amount: bigint, orderCode: string): Promise<string> {
  return qrSvg(
    buildVietQr({
      bankBin: account.bankBin,
      accountNo: account.bankAccountNo,
      amount,
      purpose: refundMemo(orderCode),
    }),
  );
}

/** The refunds a bank file can pay: by bank transfer, to an account the buyer gave. */
export const transferable = (rows: OwedRow[]) =>
  rows.flatMap((r) =>
    r.intent && r.account && r.intent.method !== 'vnpay'
      ? [{ orderCode: r.intent.orderCode, amount: r.amount, account: r.account }]
      : [],
  );

/**
 * The bank transfer file of the refunds to pay, in the layout of the payout file (beneficiary
 * bank BIN and name, account number as text, holder, amount, memo).
 */
export async function refundWorkbook(rows: OwedRow[], t: Translate): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.created = new Date();
  const ws = wb.addWorksheet('HOAN-TIEN');
  ws.columns = [
    { header: t('ledger.col.no'), key: 'no', width: 6 },
    { header: t('ledger.col.bankBin'), key: 'bin', width: 12 },
    { header: t('ledger.col.bankName'), key: 'bank', width: 36 },
    { header: t('ledger.col.accountNo'), key: 'account', width: 22 },
    { header: t('ledger.col.accountName'), key: 'holder', width: 32 },
    { header: t('ledger.col.amount'), key: 'amount', width: 16, style: { numFmt: '#,##0' } },
    { header: t('ledger.col.memo'), key: 'memo', width: 30 },
  ];
  const items = transferable(rows);
  items.forEach((r, n) => {
    const b = bank(r.account.bankBin);
    ws.addRow({
      no: n + 1,
      bin: r.account.bankBin,
      bank: b ? `${b.shortName} - ${b.name}` : '',
      account: r.account.bankAccountNo,
      holder: r.account.bankAccountName,
      amount: Number(r.amount),
      memo: refundMemo(r.orderCode),
    });
  });
  // Text, so that leading zeros stay.
  ws.getColumn('account').numFmt = '@';
  const total = items.reduce((s, r) => s + r.amount, 0n);
  ws.addRow({ holder: t('ledger.col.total'), amount: Number(total) }).font = { bold: true };
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
