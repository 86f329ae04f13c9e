import { stateMachine } from '../../platform/state-machine.js';
import type { PaymentMethod } from './events.js';
import type { orders } from './schema.js';

export type OrderStatus = (typeof orders.$inferSelect)['status'];
export type OrderAction =
  | 'pay'
  | 'confirm'
  | 'ship'
  | 'deliver'
  | 'complete'
  | 'cancel'
  | 'expire'
  | 'request_return'
  | 'accept_return'
  | 'reject_return';
/**
 * Who moves an order: its buyer, a member of the seller's shop, an officer of the Department
 * (return disputes), or the system (payments arriving, deadlines, automatic completion).
 */
export type OrderParty = 'buyer' | 'seller' | 'officer' | 'system';

/**
 * The order lifecycle, written once.
 * Paid online: (placed ->) awaiting_payment -> paid -> confirmed -> shipped -> delivered -> completed;
 * the checkout places such an order straight into awaiting_payment, its payment intent open.
 * Cash on delivery: placed -> confirmed -> shipped -> delivered (cash collected) -> completed.
 * Cancellation: the buyer until the seller confirms, the seller until it ships (both with a
 * reason), the system when the payment deadline passes. Return: the buyer asks after delivery,
 * the seller or an officer accepts (returned) or rejects it (back to delivered).
 * Which method may take which path is `methodAllows` below.
 */
export const orderLifecycle = stateMachine<OrderStatus, OrderAction, OrderParty>('order', [
  { action: 'pay', from: ['awaiting_payment'], to: 'paid', by: ['system'] },
  { action: 'confirm', from: ['placed', 'paid'], to: 'confirmed', by: ['seller'] },
  { action: 'ship', from: ['confirmed'], to: 'shipped', by: ['seller'] },
  { action: 'deliver', from: ['shipped'], to: 'delivered', by: ['seller'] },
  { action: 'complete', from: ['delivered'], to: 'completed', by: ['buyer', 'system'] },
  {
    action: 'cancel',
    from: ['placed', 'awaiting_payment', 'paid'],
    to: 'cancelled',
    by: ['buyer', 'seller'],
    reason: true,
  },
  { action: 'cancel', from: ['confirmed'], to: 'cancelled', by: ['seller'], reason: true },
  { action: 'expire', from: ['awaiting_payment'], to: 'cancelled', by: ['system'] },
  { action: 'request_return', from: ['delivered'], to: 'return_requested', by: ['buyer'], reason: true },
  { action: 'accept_return', from: ['return_requested'], to: 'returned', by: ['seller', 'officer'] },
  {
    action: 'reject_return',
    from: ['return_requested'],
    to: 'delivered',
    by: ['seller', 'officer'],
    reason: true,
  },
]);

export const orderActions = [...new Set(orderLifecycle.table.map((t) => t.action))] as readonly OrderAction[];
export const isOrderAction = (a: unknown): a is OrderAction => orderActions.includes(a as OrderAction);

/**
 * The one rule the table cannot say: an order paid online waits for its money before the
 * seller confirms it (only a cash-on-delivery order is confirmed straight from placed).
 */
export function methodAllows(method: PaymentMethod, from: OrderStatus, action: OrderAction): boolean {
  return !(action === 'confirm' && from === 'placed' && method !== 'cod');
}

/** What a party may do with an order now (the buttons of its page). */
export function actionsFor(
  order: { status: OrderStatus; paymentMethod: PaymentMethod },
  party: OrderParty,
): OrderAction[] {
  return orderLifecycle
    .actionsFrom(order.status, party)
    .filter((a) => methodAllows(order.paymentMethod, order.status, a));
}

/** States in which the seller still has something to do (its list shows them first). */
export const toHandle: readonly OrderStatus[] = [
  'placed',
  'paid',
  'confirmed',
  'shipped',
  'return_requested',
];
/** States after which nothing changes any more. */
export const finalStates: readonly OrderStatus[] = ['completed', 'cancelled', 'returned'];
