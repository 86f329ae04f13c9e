import { and, eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db, Executor } from '../../platform/db/pool.js';
import { recordPaymentReceived } from '../ledger/index.js';
import { countReceipt, type Intent, intentByCode, lockIntent } from './intents.js';
import { type IntentStatus, openStates } from './lifecycle.js';
import { paymentReceipts } from './schema.js';
import { holdInSuspense, recordEvent, setEventOutcome } from './transfers.js';
import {
  IPN,
  type IpnAnswer,
  orderCodeOfTxnRef,
  parseVnpDate,
  type VnpParams,
  verifyParams,
  vnpSucceeded,
} from './vnpay.js';

export interface GatewayCall {
  params: VnpParams;
  /** The query string as it arrived, kept verbatim. */
  rawQuery: string;
  headers: Record<string, string>;
}

async function hasReceipt(tx: Executor, intent: Intent, reference: string) {
  const [r] = await tx
    .select({ id: paymentReceipts.id })
    .from(paymentReceipts)
    .where(and(eq(paymentReceipts.intentId, intent.id), eq(paymentReceipts.reference, reference)));
  return r !== undefined;
}

/**
 * Settles a verified IPN in one transaction and answers with VNPAY's code. The gateway says
 * money was taken only when both its response and transaction status are 00; such money is
 * never dropped: if it cannot pay the order (another amount, an order no longer waiting) it
 * is held in suspense for the officers, once per VNPAY transaction number.
 */
async function settleIpn(tx: Executor, p: VnpParams): Promise<{ answer: IpnAnswer; intentId?: string }> {
  const intent = await lockIntent(tx, { code: orderCodeOfTxnRef(p.vnp_TxnRef ?? '') });
  if (!intent) return { answer: IPN.notFound };
  const raw = p.vnp_Amount ?? '';
  const amount = /^\d+$/.test(raw) && raw.endsWith('00') ? BigInt(raw) / 100n : null;
  const reference = p.vnp_TransactionNo ?? '';
  const succeeded = vnpSucceeded(p) && amount !== null && amount > 0n && reference !== '';
  const hold = (kind: 'partial' | 'excess' | 'closed') =>
    holdInSuspense(tx, {
      channel: 'vnpay',
      reference,
      kind,
      amount: amount!,
      content: p.vnp_OrderInfo ?? '',
      orderCode: intent.orderCode,
      transferId: null,
      receivedAt: parseVnpDate(p.vnp_PayDate) ?? new Date(),
    });
  const ids = { intentId: intent.id };

  if (intent.method !== 'vnpay' || !openStates.includes(intent.status)) {
    if (succeeded && !(await hasReceipt(tx, intent, reference))) await hold('closed');
    return { answer: IPN.alreadyConfirmed, ...ids };
  }
  const due = intent.amountDue - intent.amountPaid;
  if (amount !== due) {
    if (succeeded) await hold(amount! < due ? 'partial' : 'excess');
    return { answer: IPN.invalidAmount, ...ids };
  }
  // A failed or cancelled payment is acknowledged; the order still waits and the buyer may try again.
  if (!succeeded) return { answer: IPN.confirmed, ...ids };
  await countReceipt(tx, intent, { channel: 'vnpay', reference, amount, party: 'provider' });
  await recordPaymentReceived(tx, {
    orderId: intent.orderId,
    sellerId: intent.sellerId,
    amount,
    channel: 'vnpay',
    reference,
  });
  return { answer: IPN.confirmed, ...ids };
}

/** A call from VNPAY kept verbatim, with whether its signature holds (never, when VNPAY is not configured). */
async function keepCall(db: Db, config: Config, source: 'vnpay_ipn' | 'vnpay_return', call: GatewayCall) {
  const vnp = config.buying.vnpay;
  const verified = vnp ? verifyParams(vnp.hashSecret, call.params) : false;
  const eventId = await recordEvent(db, {
    source,
    rawBody: call.rawQuery,
    headers: call.headers,
    verified,
    verification: !vnp ? 'not_configured' : verified ? 'ok' : 'bad_signature',
    providerRef: call.params.vnp_TransactionNo ? `vnpay:${call.params.vnp_TransactionNo}` : null,
  });
  return { vnp, verified, eventId };
}

/**
 * VNPAY's server-to-server notification of a payment's result: kept verbatim, verified
 * (97 when the signature is wrong), then settled (00 confirmed, 01 order not found,
 * 02 already confirmed, 04 invalid amount, 99 anything else).
 */
export async function receiveIpn(db: Db, config: Config, call: GatewayCall): Promise<IpnAnswer> {
  const { vnp, verified, eventId } = await keepCall(db, config, 'vnpay_ipn', call);
  if (!vnp) return IPN.other;
  if (!verified) {
    await setEventOutcome(db, eventId, { outcome: IPN.invalidSignature.RspCode });
    return IPN.invalidSignature;
  }
  if (call.params.vnp_TmnCode !== vnp.tmnCode) {
    await setEventOutcome(db, eventId, { outcome: IPN.notFound.RspCode });
    return IPN.notFound;
  }
  try {
    return await db.transaction(async (tx) => {
      const r = await settleIpn(tx, call.params);
      await setEventOutcome(tx, eventId, { outcome: r.answer.RspCode, intentId: r.intentId });
      return r.answer;
    });
  } catch {
    await setEventOutcome(db, eventId, { outcome: IPN.other.RspCode });
    return IPN.other;
  }
}

export interface ReturnView {
  verdict: 'success' | 'failed' | 'invalid';
  code: string | null;
  status: IntentStatus | null;
}

/**
 * Where the gateway sends the buyer back. The parameters are kept and their signature
 * checked, but nothing is paid from them: the page shows what VNPAY says and what the
 * platform has actually recorded (from the IPN). Only the order's own buyer sees its status.
 */
export async function receiveReturn(
  db: Db,
  config: Config,
  call: GatewayCall,
  buyerId: string,
): Promise<ReturnView> {
  const { verified, eventId } = await keepCall(db, config, 'vnpay_return', call);
  const code = orderCodeOfTxnRef(call.params.vnp_TxnRef ?? '');
  const intent = verified && code ? await intentByCode(db, code) : undefined;
  const mine = intent && intent.buyerId === buyerId ? intent : undefined;
  const verdict = !verified ? 'invalid' : vnpSucceeded(call.params) ? 'success' : 'failed';
  await setEventOutcome(db, eventId, { outcome: verdict, intentId: intent?.id });
  return { verdict, code: mine ? mine.orderCode : null, status: mine?.status ?? null };
}
