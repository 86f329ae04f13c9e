import type { Translate } from '../../platform/http/i18n.js';
import { transferWorkbook } from '../ledger/index.js';
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

/** The bank transfer file of the refunds to pay, in the layout of the payout file. */
export const refundWorkbook = (rows: OwedRow[], t: Translate) =>
  transferWorkbook(
    'HOAN-TIEN',
    transferable(rows).map((r) => ({ ...r.account, amount: r.amount, memo: refundMemo(r.orderCode) })),
    t,
  );
