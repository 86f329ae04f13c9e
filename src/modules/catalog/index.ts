import type { Module } from '../../platform/module.js';
import './messages.js';

export { canPublish } from './access.js';
export { MAX_VARIANTS, type ProductInput, productInputSchema, type VariantInput } from './input.js';
export {
  isProductAction,
  type ProductAction,
  type ProductParty,
  type ProductStatus,
  productLifecycle,
} from './lifecycle.js';
export { markdownText, renderMarkdown } from './markdown.js';
export { MAX_DONG, parseWholeNumber } from './money.js';
export { ocopExpiresOn, todayInVietnam, validOcopStars } from './ocop.js';
export {
  categoryName,
  certificationName,
  certifications,
  isLeaf,
  leafCodes,
  productCategories,
  topOf,
  unitName,
  units,
} from './reference.js';
export { reindexAll, searchDocFor, toSearchDoc } from './search-doc.js';
export {
  type ByMember,
  createProduct,
  deleteProduct,
  getProduct,
  getProductBySlug,
  type Product,
  type ProductImage,
  type ProductView,
  updateProduct,
  type Variant,
} from './service.js';
export { productHistory, transitionProduct } from './transitions.js';

export const catalogModule: Module = { name: 'catalog' };
