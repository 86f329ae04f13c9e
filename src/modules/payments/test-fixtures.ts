import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { TestApp } from '../../../test/helpers.js';
import { createPaymentIntent } from './intents.js';
import type { PaymentMethod } from './lifecycle.js';
import { sign } from './webhook.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh order code as the orders module makes them: DH and eight Crockford base32 characters. */
export const newOrderCode = () => `DH${[...randomBytes(8)].map((b) => CROCKFORD[b % 32]).join('')}`;

/** An intent for an order that need not exist (payments is tested on its own). */
export async function newIntent(
  t: TestApp,
  p: { buyerId: string; amount?: bigint; method?: PaymentMethod; payBy?: Date | null },
) {
  const orderId = uuidv7();
  const sellerId = uuidv7();
  const orderCode = newOrderCode();
  const amount = p.amount ?? 150_000n;
  const method = p.method ?? 'vietqr';
  const { id } = await createPaymentIntent(t.db, {
    orderId,
    orderCode,
    sellerId,
    buyerId: p.buyerId,
    amount,
    method,
    payBy: p.payBy === undefined ? (method === 'cod' ? null : new Date(Date.now() + 30 * 60_000)) : p.payBy,
  });
  return { id, orderId, sellerId, orderCode, amount, method };
}

let notifications = 0;

/** A SePay-style notification of money coming in to the collection account. */
export function transferIn(p: { amount: bigint | number; content: string; reference?: string; id?: number }) {
  const n = ++notifications;
  return {
    id: p.id ?? 90_000_000 + n * 7 + Math.floor(Math.random() * 5),
    gateway: 'Vietcombank',
    transactionDate: '2026-11-23 10:15:00',
    accountNumber: '0011004455667',
    code: null,
    content: p.content,
    transferType: 'in',
    transferAmount: Number(p.amount),
    accumulated: 25_000_000,
    subAccount: null,
    referenceCode:
      p.reference ?? `FT26327${String(n).padStart(5, '0')}${randomBytes(2).toString('hex').toUpperCase()}`,
    description: `BankAPINotify ${p.content}`,
  };
}

/** Posts a notification to the webhook, signed with the app's secret unless a signature is given. */
export function postWebhook(t: TestApp, body: unknown, signature?: string) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const secret = t.app.deps.config.buying.bankWebhookSecret!;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/payments/bank-webhook',
    headers: { 'content-type': 'application/json', 'x-signature': signature ?? sign(secret, raw) },
    payload: raw,
  });
}
