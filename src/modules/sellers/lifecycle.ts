import { stateMachine } from '../../platform/state-machine.js';
import type { sellers } from './schema.js';

export type SellerStatus = (typeof sellers.$inferSelect)['status'];
export type SellerAction =
  | 'submit'
  | 'request_changes'
  | 'approve'
  | 'reject'
  | 'suspend'
  | 'reinstate'
  | 'terminate';
/** Who acts on a seller: its own members, or the Department's officers. */
export type SellerParty = 'member' | 'officer';

/**
 * The seller lifecycle, written once:
 * draft -> submitted -> needs_changes -> submitted -> approved | rejected;
 * approved -> suspended -> approved | terminated.
 */
export const sellerLifecycle = stateMachine<SellerStatus, SellerAction, SellerParty>('seller', [
  { action: 'submit', from: ['draft', 'needs_changes'], to: 'submitted', by: ['member'] },
  { action: 'request_changes', from: ['submitted'], to: 'needs_changes', by: ['officer'], reason: true },
  { action: 'approve', from: ['submitted'], to: 'approved', by: ['officer'] },
  { action: 'reject', from: ['submitted'], to: 'rejected', by: ['officer'], reason: true },
  { action: 'suspend', from: ['approved'], to: 'suspended', by: ['officer'], reason: true },
  { action: 'reinstate', from: ['suspended'], to: 'approved', by: ['officer'], reason: true },
  { action: 'terminate', from: ['suspended'], to: 'terminated', by: ['officer'], reason: true },
]);

/** States in which the seller may still edit its application. */
export const editableStates: readonly SellerStatus[] = ['draft', 'needs_changes'];
/** States in which the shop is public. */
export const publicStates: readonly SellerStatus[] = ['approved', 'suspended'];
