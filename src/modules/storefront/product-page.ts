import { createHash } from 'node:crypto';
import { asset } from '../../web/assets.js';
import type { Instance } from '../../web/page.js';
import { validOcopStars } from '../catalog/index.js';
import type { Loaded, PublicProduct } from './product-query.js';

/** Bumped when the product page's markup changes in a way its inputs do not show. */
const MARKUP = 'product-page-2';

/**
 * The version of everything a product page shows that is not product data: markup, the
 * stylesheet and script it links, and the instance named in its header and footer.
 */
export function renderVersion(instance: Instance): string {
  return createHash('sha1')
    .update([MARKUP, asset('app.css'), asset('app.js'), JSON.stringify(instance)].join('\n'))
    .digest('base64url')
    .slice(0, 12);
}

/** Start of the day after `day` (yyyy-mm-dd) in Vietnam (UTC+7, no daylight saving). */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000);

/**
 * How a product page is validated for HTTP caches. The ETag digests the data the page is
 * made of (product, variants' prices and stock state, images, seller), the language, the
 * render version and whether OCOP is shown; Last-Modified is the latest change of the
 * product, its seller or images, or the moment its OCOP certificate stopped being valid.
 */
export function productValidators(loaded: Loaded, locale: string, version: string, today: string) {
  const p: PublicProduct = loaded.product;
  const stars = validOcopStars(p, today);
  const times = [
    p.updatedAt.getTime(),
    p.seller.updatedAt.getTime(),
    ...p.images.map((i) => Date.parse(i.at)),
  ];
  if (p.ocopStars && p.ocopExpiresOn && !stars) times.push(dayAfter(p.ocopExpiresOn).getTime());
  const etag = createHash('sha1')
    .update(`${version}|${locale}|${stars ?? 0}|${loaded.digest}`)
    .digest('base64url')
    .slice(0, 27);
  return { stars, etag, lastModified: new Date(Math.max(...times)) };
}
