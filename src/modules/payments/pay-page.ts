import { z } from 'zod';
import type { Actor } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { type Intent, intentByCode } from './intents.js';
import { openStates } from './lifecycle.js';
import { providers } from './providers/index.js';
import type { PaymentStart, StartContext } from './providers/provider.js';
import { paymentIntentMethod, paymentIntentStatus } from './schema.js';

export interface PaymentPage {
  intent: Intent;
  /** How to pay now; null once the intent no longer waits for money. */
  start: PaymentStart | null;
}

/** The buyer's own payment page of an order; anyone else gets 404 (the code says nothing to them). */
export async function paymentPage(
  deps: Deps,
  actor: Actor,
  code: string,
  ctx: Omit<StartContext, 'config'>,
): Promise<PaymentPage> {
  const intent = await intentByCode(deps.db, code.toUpperCase());
  if (!intent || intent.buyerId !== actor.id) throw notFound();
  const provider = providers[intent.method];
  const open = openStates.includes(intent.status) && provider.available(deps.config);
  return { intent, start: open ? await provider.start(intent, { ...ctx, config: deps.config }) : null };
}

const dong = z.number().int().meta({ description: 'Integer đồng' });
const when = z.string().meta({ description: 'ISO 8601 instant' });

export const paymentJson = z.object({
  orderCode: z.string(),
  method: z.enum(paymentIntentMethod.enumValues),
  status: z.enum(paymentIntentStatus.enumValues),
  amountDue: dong,
  amountPaid: dong,
  payBy: when.nullable(),
  paidAt: when.nullable(),
  transfer: z
    .object({
      payload: z.string().meta({ description: 'VietQR (EMVCo) payload a banking app reads' }),
      qrSvg: z.string().meta({ description: 'The payload as a QR code, SVG' }),
      bankBin: z.string(),
      bankName: z.string(),
      accountNo: z.string(),
      accountName: z.string(),
      amount: dong,
      memo: z.string().meta({ description: 'What to type as the transfer content' }),
    })
    .nullable()
    .meta({ description: 'Bank transfer details while a VietQR payment is awaited' }),
  redirectUrl: z
    .string()
    .nullable()
    .meta({ description: "The gateway's payment page while a VNPAY payment is awaited" }),
});

export function toPaymentJson({ intent: i, start }: PaymentPage): z.infer<typeof paymentJson> {
  return {
    orderCode: i.orderCode,
    method: i.method,
    status: i.status,
    amountDue: Number(i.amountDue),
    amountPaid: Number(i.amountPaid),
    payBy: i.payBy?.toISOString() ?? null,
    paidAt: i.paidAt?.toISOString() ?? null,
    transfer:
      start?.kind === 'transfer'
        ? {
            payload: start.payload,
            qrSvg: start.svg,
            bankBin: start.bankBin,
            bankName: start.bankName,
            accountNo: start.accountNo,
            accountName: start.accountName,
            amount: Number(start.amount),
            memo: start.memo,
          }
        : null,
    redirectUrl: start?.kind === 'redirect' ? start.url : null,
  };
}
