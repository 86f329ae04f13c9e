import type { Deps, Module } from '../../platform/module.js';
import {
  ORDER_COMPLETED,
  ORDER_RETURNED,
  type OrderCompleted,
  type OrderReturned,
} from '../orders/events.js';
import { adjustForReturn, type Issuer, issueForCompletedOrder } from './issue.js';
import './messages.js';
import { type InvoiceProvider, localProvider } from './provider.js';
import { invoiceRoutes } from './routes.js';
import { invoiceSigningKey } from './signing.js';
import { retrySubmissions } from './submission.js';

export type { InvoiceProvider, ProviderInvoice, ProviderResult } from './provider.js';
export { type InvoiceLink, invoicesOfOrders } from './queries.js';

/** How the module issues: this app's database, signing key and public address, and the provider. */
export function issuerOf(deps: Deps, provider: InvoiceProvider = localProvider): Issuer {
  return {
    db: deps.db,
    key: () => invoiceSigningKey(deps.config),
    provider,
    publicUrl: deps.config.publicUrl,
  };
}

export const invoicesModule: Module = {
  name: 'invoices',
  routes(app, deps) {
    invoiceRoutes(app, deps, issuerOf(deps));
  },
  handlers(deps) {
    const issuer = issuerOf(deps);
    return {
      [ORDER_COMPLETED]: async (ev: OrderCompleted) => {
        await issueForCompletedOrder(issuer, ev);
      },
      [ORDER_RETURNED]: async (ev: OrderReturned) => {
        await adjustForReturn(issuer, ev);
      },
    };
  },
  tasks(deps) {
    const issuer = issuerOf(deps);
    return { 'invoices.submit': { everyMs: 60_000, run: () => retrySubmissions(issuer) } };
  },
};
