import { z } from 'zod';
import { bank } from '../sellers/index.js';
import { refundMemo } from './refund-transfer.js';
import type { OwedRow, Refund, RefundAccount, RefundDetail, RefundList } from './refunds.js';
import { receiptChannel } from './schema.js';
import { buildVietQr } from './vietqr.js';

const dong = z.number().int().meta({ description: 'Integer đồng' });
const when = z.string().meta({ description: 'ISO 8601 instant' });
const channel = z
  .enum(receiptChannel.enumValues)
  .meta({ description: 'vietqr: bank transfer from the collection account; vnpay: through the gateway' });

const accountJson = z
  .object({ bankBin: z.string(), bankName: z.string(), accountNo: z.string(), accountName: z.string() })
  .nullable()
  .meta({ description: 'Where the buyer asked the refund to be transferred (bank transfer refunds)' });
const toAccountJson = (
  a: Pick<RefundAccount, 'bankBin' | 'bankAccountNo' | 'bankAccountName'> | undefined,
): z.infer<typeof accountJson> =>
  a
    ? {
        bankBin: a.bankBin,
        bankName: bank(a.bankBin)?.shortName ?? a.bankBin,
        accountNo: a.bankAccountNo,
        accountName: a.bankAccountName,
      }
    : null;

const owedJson = z.object({
  orderId: z.string(),
  orderCode: z.string().nullable(),
  channel,
  owed: dong,
  since: when,
  account: accountJson,
});
const toOwedJson = (r: OwedRow): z.infer<typeof owedJson> => ({
  orderId: r.orderId,
  orderCode: r.intent?.orderCode ?? null,
  channel: r.intent?.method === 'vnpay' ? 'vnpay' : 'vietqr',
  owed: Number(r.amount),
  since: r.since.toISOString(),
  account: r.intent?.method === 'vnpay' ? null : toAccountJson(r.account),
});

const paidJson = z.object({
  id: z.string(),
  channel,
  amount: dong,
  reference: z.string().meta({ description: "The bank transfer's or VNPAY refund's reference" }),
  reason: z.string(),
  paidAt: when,
  account: accountJson,
});
const toPaidJson = (r: Refund): z.infer<typeof paidJson> => ({
  id: r.id,
  channel: r.channel,
  amount: Number(r.amount),
  reference: r.reference,
  reason: r.reason,
  paidAt: r.paidAt.toISOString(),
  account:
    r.bankBin && r.bankAccountNo && r.bankAccountName
      ? toAccountJson({
          bankBin: r.bankBin,
          bankAccountNo: r.bankAccountNo,
          bankAccountName: r.bankAccountName,
        })
      : null,
});

export const refundListJson = z.object({
  state: z.enum(['owed', 'paid']),
  owed: z.array(owedJson).meta({ description: 'state=owed: refunds to pay, the longest waiting first' }),
  paid: z
    .array(paidJson.extend({ orderCode: z.string() }))
    .meta({ description: 'state=paid: refunds recorded, newest first' }),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
});
export const toRefundListJson = (l: RefundList): z.infer<typeof refundListJson> => ({
  state: l.state,
  owed: l.owed.map(toOwedJson),
  paid: l.paid.map((p) => ({ ...toPaidJson(p.refund), orderCode: p.orderCode })),
  total: l.total,
  page: l.page,
  pages: l.pages,
});

export const refundDetailJson = z.object({
  orderId: z.string(),
  orderCode: z.string(),
  channel,
  paidByBuyer: dong,
  owed: dong.meta({ description: 'Still owed to the buyer' }),
  refunded: dong,
  account: accountJson,
  transfer: z
    .object({
      memo: z.string(),
      qrPayload: z
        .string()
        .meta({ description: 'VietQR payload of the transfer to the buyer, amount included' }),
    })
    .nullable()
    .meta({ description: 'Bank transfer refunds whose buyer gave an account, while something is owed' }),
  refunds: z.array(paidJson),
});
export function toRefundDetailJson(d: RefundDetail): z.infer<typeof refundDetailJson> {
  const transfer =
    d.channel === 'vietqr' && d.owed > 0n && d.account
      ? {
          memo: refundMemo(d.intent.orderCode),
          qrPayload: buildVietQr({
            bankBin: d.account.bankBin,
            accountNo: d.account.bankAccountNo,
            amount: d.owed,
            purpose: refundMemo(d.intent.orderCode),
          }),
        }
      : null;
  return {
    orderId: d.intent.orderId,
    orderCode: d.intent.orderCode,
    channel: d.channel,
    paidByBuyer: Number(d.intent.amountPaid),
    owed: Number(d.owed),
    refunded: Number(d.paid.reduce((s, r) => s + r.amount, 0n)),
    account: d.channel === 'vietqr' ? toAccountJson(d.account) : null,
    transfer,
    refunds: d.paid.map(toPaidJson),
  };
}

export const markRefundedBody = z.object({
  reference: z
    .string()
    .meta({ description: "The bank transfer's reference, or VNPAY's refund transaction number" }),
  amount: z.number().int().positive().optional().meta({ description: 'Default: all that is owed' }),
  reason: z.string(),
});

/** The buyer's view: no officer's notes, the account they gave. */
export const buyerRefundJson = z.object({
  orderCode: z.string(),
  channel,
  owed: dong,
  refunded: dong,
  refunds: z.array(z.object({ amount: dong, paidAt: when })),
  account: accountJson,
  accountNeeded: z
    .boolean()
    .meta({ description: 'A refund by bank transfer is owed: the buyer gives (or changes) the account' }),
});
export const toBuyerRefundJson = (d: RefundDetail): z.infer<typeof buyerRefundJson> => ({
  orderCode: d.intent.orderCode,
  channel: d.channel,
  owed: Number(d.owed),
  refunded: Number(d.paid.reduce((s, r) => s + r.amount, 0n)),
  refunds: d.paid.map((r) => ({ amount: Number(r.amount), paidAt: r.paidAt.toISOString() })),
  account: d.channel === 'vietqr' ? toAccountJson(d.account) : null,
  accountNeeded: d.channel === 'vietqr' && d.owed > 0n,
});

export const refundAccountBody = z.object({
  bankBin: z.string().meta({ description: 'NAPAS BIN of the bank (six digits)' }),
  bankAccountNo: z.string(),
  bankAccountName: z.string().meta({ description: 'The holder as the bank prints it' }),
});
