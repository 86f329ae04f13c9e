import type { PaymentMethod } from '../lifecycle.js';
import { codProvider } from './cod.js';
import type { PaymentProvider } from './provider.js';
import { vietqrProvider } from './vietqr.js';
import { vnpayProvider } from './vnpay.js';

/** One provider per payment method. */
export const providers: Record<PaymentMethod, PaymentProvider> = {
  cod: codProvider,
  vietqr: vietqrProvider,
  vnpay: vnpayProvider,
};
