import type { Module } from '../../platform/module.js';
import { SELLER_STATUS_CHANGED } from '../sellers/index.js';
import { syncSellerProducts } from './search-doc.js';
import './messages.js';
import { importExportRoutes } from './import-export/routes.js';
import { mediaRoutes } from './routes-media.js';
import { officerProductRoutes } from './routes-officer.js';
import { sellerProductRoutes } from './routes-seller.js';
import { sellerProductApiRoutes } from './routes-seller-api.js';

export { canPublish } from './access.js';
export { addProductImage, RENDITION_WIDTHS, renditionWidths } from './images.js';
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
export { ocopExpiresOn, validOcopStars } from './ocop.js';
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
export { releaseStock, reserveStock, type VariantForSale, variantsForSale } from './reservations.js';
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
export { adjustStock } from './stock.js';
export { productHistory, transitionProduct } from './transitions.js';

export { imageUrl, type PictureSource, ProductPicture } from './views/image.js';

export const catalogModule: Module = {
  name: 'catalog',
  handlers: (deps) => ({
    [SELLER_STATUS_CHANGED]: (e: { sellerId: string }) => syncSellerProducts(deps.db, e.sellerId),
  }),
  routes(app, deps) {
    sellerProductRoutes(app, deps);
    sellerProductApiRoutes(app, deps);
    officerProductRoutes(app, deps);
    mediaRoutes(app, deps);
    importExportRoutes(app, deps);
  },
};
