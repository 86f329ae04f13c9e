import type { Module } from '../../platform/module.js';
import './messages.js';
import './messages-pages.js';
import { configureLedger } from './release.js';
import { ledgerApiRoutes } from './routes-api.js';
import { officerLedgerRoutes } from './routes-officer.js';
import { sellerLedgerRoutes } from './routes-seller.js';

export {
  allocateSuspense,
  escrowHeld,
  type RefundOwed,
  recordPaymentReceived,
  recordRefundPaid,
  recordSuspenseReceipt,
  refundEscrow,
  refundOwed,
  refundSuspense,
  refundsOwed,
  sellerBalance,
} from './escrow.js';
export { type Transfer, transferWorkbook } from './exports.js';
export type { Channel } from './journal.js';
export { recordCodCompleted, releaseEscrow, reverseRelease } from './release.js';

export const ledgerModule: Module = {
  name: 'ledger',
  routes(app, deps) {
    configureLedger({ feePercent: deps.config.buying.feePercent });
    officerLedgerRoutes(app, deps);
    sellerLedgerRoutes(app, deps);
    ledgerApiRoutes(app, deps);
  },
};
