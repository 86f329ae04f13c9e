import type { Module } from '../../platform/module.js';
import './messages.js';
import { configureLedger } from './release.js';

export {
  allocateSuspense,
  escrowHeld,
  recordPaymentReceived,
  recordRefundPaid,
  recordSuspenseReceipt,
  refundEscrow,
  refundOwed,
  refundSuspense,
  sellerBalance,
} from './escrow.js';
export type { Channel } from './journal.js';
export { recordCodCompleted, releaseEscrow, reverseRelease } from './release.js';

export const ledgerModule: Module = {
  name: 'ledger',
  routes(_app, deps) {
    configureLedger({ feePercent: deps.config.buying.feePercent });
  },
};
