import type { Module } from '../../platform/module.js';
import './messages.js';
import { storefrontPages } from './routes.js';
import { storefrontApi } from './routes-api.js';

export { type ShopList, ShopProducts, shopProducts } from './shop.js';
export { ProductCards } from './views/parts.js';

/** The public marketplace: home, category pages, product pages, and their JSON twins. */
export const storefrontModule: Module = {
  name: 'storefront',
  routes(app, deps) {
    storefrontPages(app, deps);
    storefrontApi(app, deps);
  },
};
