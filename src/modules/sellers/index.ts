import type { Module } from '../../platform/module.js';
import './messages.js';
import './messages-pages.js';
import { officerRoutes } from './routes-officer.js';
import { sellerRoutes } from './routes-seller.js';
import { storefrontRoutes } from './routes-storefront.js';
import { verificationRoutes } from './verification/routes.js';

export { applicationSchema } from './application-schema.js';
export { isSellerMember } from './documents.js';
export { publicStates, type SellerStatus, sellerLifecycle } from './lifecycle.js';
export { bank, banks, categories, type LegalForm, legalFormLabel, ocopGroupLabel } from './reference.js';
export { getSeller, memberShops, memberships, type Seller } from './service.js';
export { staffOf } from './staff.js';
export { SELLER_STATUS_CHANGED, transitionSeller } from './transitions.js';
export { normalizeTaxCode, taxCodeProblem, zAccountNo, zBankBin, zHolderName } from './validators.js';

export const sellersModule: Module = {
  name: 'sellers',
  routes(app, deps) {
    sellerRoutes(app, deps);
    officerRoutes(app, deps);
    storefrontRoutes(app, deps);
    verificationRoutes(app, deps);
  },
};
