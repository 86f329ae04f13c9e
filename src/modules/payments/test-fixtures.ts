import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { TestApp } from '../../../test/helpers.js';
import { createPaymentIntent } from './intents.js';
import type { PaymentMethod } from './lifecycle.js';

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
