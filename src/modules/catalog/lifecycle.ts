import { stateMachine } from '../../platform/state-machine.js';
import type { products } from './schema.js';

export type ProductStatus = (typeof products.$inferSelect)['status'];
export type ProductAction = 'publish' | 'hide' | 'take_down' | 'restore';
/** Who acts on a product: the shop's members, or the Department's officers. */
export type ProductParty = 'seller' | 'officer';

/**
 * The product lifecycle, written once:
 * draft -> published <-> hidden (the shop); published | hidden -> taken_down (an officer, with a
 * reason the shop sees); taken_down -> hidden (an officer restores it, with a reason).
 * Publishing also needs an approved seller (checked by the service).
 */
export const productLifecycle = stateMachine<ProductStatus, ProductAction, ProductParty>('product', [
  { action: 'publish', from: ['draft', 'hidden'], to: 'published', by: ['seller'] },
  { action: 'hide', from: ['published'], to: 'hidden', by: ['seller'] },
  { action: 'take_down', from: ['published', 'hidden'], to: 'taken_down', by: ['officer'], reason: true },
  { action: 'restore', from: ['taken_down'], to: 'hidden', by: ['officer'], reason: true },
]);

export const productActions: readonly ProductAction[] = ['publish', 'hide', 'take_down', 'restore'];
export const isProductAction = (a: string): a is ProductAction => productActions.includes(a as ProductAction);
