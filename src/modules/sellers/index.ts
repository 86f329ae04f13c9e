import type { Module } from '../../platform/module.js';
import { officerRoutes } from './routes-officer.js';
import { sellerRoutes } from './routes-seller.js';
import { storefrontRoutes } from './routes-storefront.js';
import { verificationRoutes } from './verification/routes.js';

export { type SellerAction, type SellerStatus, sellerLifecycle } from './lifecycle.js';
export { transitionSeller } from './transitions.js';

export const sellersModule: Module = {
  name: 'sellers',
  routes(app, deps) {
    sellerRoutes(app, deps);
    officerRoutes(app, deps);
    storefrontRoutes(app, deps);
    verificationRoutes(app, deps);
  },
};
