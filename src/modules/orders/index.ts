import type { Module } from '../../platform/module.js';
import { PAYMENT_SUCCEEDED, type PaymentSucceeded } from '../payments/index.js';
import './messages-checkout.js';
import './messages-lifecycle.js';
import './messages-order-pages.js';
import { cartTasks } from './cart-owner.js';
import { onPaymentSucceeded } from './payment-events.js';
import { cartRoutes } from './routes-cart.js';
import { checkoutRoutes } from './routes-checkout.js';
import { buyerOrderRoutes } from './routes-orders-buyer.js';
import { officerOrderRoutes } from './routes-orders-officer.js';
import { sellerOrderRoutes } from './routes-orders-seller.js';
import { shippingRoutes } from './routes-shipping.js';
import { orderTasks } from './tasks.js';

export { type Buyer, type PlacedCheckout, placeCheckout } from './checkout.js';
export {
  actionsFor,
  isOrderAction,
  type OrderAction,
  type OrderParty,
  type OrderStatus,
  orderLifecycle,
} from './lifecycle.js';
export { type Order, type OrderTransitionInput, orderHistory, transitionOrder } from './transitions.js';

/** Buying: carts, shipping rules, checkout, and the orders it makes. */
export const ordersModule: Module = {
  name: 'orders',
  routes(app, deps) {
    cartRoutes(app, deps);
    checkoutRoutes(app, deps);
    shippingRoutes(app, deps);
    buyerOrderRoutes(app, deps);
    sellerOrderRoutes(app, deps);
    officerOrderRoutes(app, deps);
  },
  handlers: (deps) => ({
    [PAYMENT_SUCCEEDED]: (e: PaymentSucceeded) => onPaymentSucceeded(deps, e),
  }),
  tasks: (deps) => ({ ...orderTasks(deps), ...cartTasks(deps) }),
};
