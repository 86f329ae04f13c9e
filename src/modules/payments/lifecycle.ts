import { stateMachine } from '../../platform/state-machine.js';
import type { paymentIntents } from './schema.js';

export type IntentStatus = (typeof paymentIntents.$inferSelect)['status'];
export type PaymentMethod = (typeof paymentIntents.$inferSelect)['method'];
export type IntentAction = 'pay_part' | 'pay' | 'cancel' | 'collect';
/**
 * Who moves an intent: a provider's verified notification (or a bank statement), an officer
 * allocating suspense money, the orders module (cancellation), the seller (cash collected).
 */
export type IntentParty = 'provider' | 'officer' | 'orders' | 'seller';

/** The actor recorded for moves nobody made by hand (a provider's notification, the orders module). */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The payment intent lifecycle, written once:
 * pending -> partially_paid -> paid (money counted towards the amount due);
 * pending | partially_paid -> cancelled (the order stopped waiting);
 * pending -> collected (cash on delivery, confirmed by the seller).
 */
export const intentLifecycle = stateMachine<IntentStatus, IntentAction, IntentParty>('payment_intent', [
  { action: 'pay_part', from: ['pending', 'partially_paid'], to: 'partially_paid', by: ['officer'] },
  { action: 'pay', from: ['pending', 'partially_paid'], to: 'paid', by: ['provider', 'officer'] },
  { action: 'cancel', from: ['pending', 'partially_paid'], to: 'cancelled', by: ['orders'] },
  { action: 'collect', from: ['pending'], to: 'collected', by: ['seller'] },
]);

/** States in which an intent still waits for money. */
export const openStates: readonly IntentStatus[] = ['pending', 'partially_paid'];
