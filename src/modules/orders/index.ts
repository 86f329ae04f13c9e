import type { Module } from '../../platform/module.js';
import './messages-checkout.js';
import { shippingRoutes } from './routes-shipping.js';

/** Buying: carts, shipping rules, checkout, and the orders it makes. */
export const ordersModule: Module = {
  name: 'orders',
  routes(app, deps) {
    shippingRoutes(app, deps);
  },
};
