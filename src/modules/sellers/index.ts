import type { Module } from '../../platform/module.js';
import './messages.js';
import './messages-pages.js';
import { officerRoutes } from './routes-officer.js';
import { sellerRoutes } from './routes-seller.js';
import { storefrontRoutes } from './routes-storefront.js';
import { verificationRoutes } from './verification/routes.js';

export { applicationSchema } from './application-schema.js';
export {
  checkSellerFileAccess,
  isSellerMember,
  listDocuments,
  listOcop,
  readSellerFile,
} from './documents.js';
export {
  editableStates,
  publicStates,
  type SellerAction,
  type SellerParty,
  type SellerStatus,
  sellerLifecycle,
} from './lifecycle.js';
export {
  bank,
  bankLabel,
  banks,
  categories,
  categoryLabel,
  documentKindLabel,
  documentKinds,
  type LegalForm,
  legalFormLabel,
  legalForms,
  ocopGroupLabel,
  ocopGroups,
  statusLabel,
} from './reference.js';
export { byOfficer } from './seller-center-data.js';
export { applicationData, getSeller, memberships, type Seller } from './service.js';
export { staffOf } from './staff.js';
export { SELLER_STATUS_CHANGED, sellerHistory, transitionSeller } from './transitions.js';

export const sellersModule: Module = {
  name: 'sellers',
  routes(app, deps) {
    sellerRoutes(app, deps);
    officerRoutes(app, deps);
    storefrontRoutes(app, deps);
    verificationRoutes(app, deps);
  },
};
