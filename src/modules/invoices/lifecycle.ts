import { stateMachine } from '../../platform/state-machine.js';
import type { invoices } from './schema.js';

export type InvoiceStatus = (typeof invoices.$inferSelect)['status'];
export type InvoiceAction = 'replace';
/** Who may act on an invoice: the seller it was issued for (its members), or the Department's officers. */
export type InvoiceParty = 'seller' | 'officer';

/**
 * An invoice's lifecycle, written once: issued -> replaced, when a replacement invoice (with the
 * buyer's details corrected) takes its place. An adjustment for a return leaves it issued.
 */
export const invoiceLifecycle = stateMachine<InvoiceStatus, InvoiceAction, InvoiceParty>('invoice', [
  { action: 'replace', from: ['issued'], to: 'replaced', by: ['seller', 'officer'], reason: true },
]);
