import type { ProductKind } from './kind-types.js';
import { beverageAndHerbalKinds } from './kinds-beverages-herbal.js';
import { craftKinds } from './kinds-crafts.js';
import { foodKinds } from './kinds-food.js';
import { produceKinds } from './kinds-produce.js';
import { seafoodKinds } from './kinds-seafood.js';
import { specialityKinds } from './kinds-specialities.js';
import { tourismKinds } from './kinds-tourism.js';

export type { Place, ProductKind, Shape, VariantSpec } from './kind-types.js';

/** Every kind of the demo catalogue. */
export const productKinds: ProductKind[] = [
  ...foodKinds,
  ...specialityKinds,
  ...seafoodKinds,
  ...produceKinds,
  ...beverageAndHerbalKinds,
  ...craftKinds,
  ...tourismKinds,
];

export const kindByKey = new Map(productKinds.map((k) => [k.key, k]));
