import type { Module } from '../../platform/module.js';
import './messages.js';
import './messages-refunds.js';
import { officerRoutes } from './routes-officer.js';
import { officerApiRoutes } from './routes-officer-api.js';
import { payRoutes } from './routes-pay.js';
import { buyerRefundRoutes } from './routes-refund-buyer.js';
import { refundRoutes } from './routes-refunds.js';
import { vnpayRoutes } from './routes-vnpay.js';
import { webhookRoutes } from './routes-webhook.js';

export {
  cancelPaymentIntent,
  confirmCodCollected,
  createPaymentIntent,
  type NewPaymentIntent,
  PAYMENT_SUCCEEDED,
  type PaymentSucceeded,
  type PaymentSummary,
  paymentPagePath,
  paymentsOf,
} from './intents.js';
export type { IntentStatus as PaymentStatus, PaymentMethod } from './lifecycle.js';
export type { PaymentProvider, PaymentStart } from './providers/provider.js';
export { type RefundStatus, refundOf, refundPagePath } from './refunds.js';

export const paymentsModule: Module = {
  name: 'payments',
  routes(app, deps) {
    payRoutes(app, deps);
    webhookRoutes(app, deps);
    officerRoutes(app, deps);
    officerApiRoutes(app, deps);
    vnpayRoutes(app, deps);
    refundRoutes(app, deps);
    buyerRefundRoutes(app, deps);
  },
};
