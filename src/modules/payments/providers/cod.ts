import type { PaymentProvider } from './provider.js';

/** Cash on delivery: the seller collects the cash and confirms it (confirmCodCollected). */
export const codProvider: PaymentProvider = {
  method: 'cod',
  available: () => true,
  start: async () => ({ kind: 'on_delivery' }),
};
