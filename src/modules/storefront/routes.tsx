import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../platform/http/errors.js';
import { vietnamDay } from '../../platform/http/i18n.js';
import type { Deps } from '../../platform/module.js';
import { type PageCtx, pageCtx, sendHtml } from '../../web/page.js';
import { sharedPage } from '../../web/shared-page.js';
import { notModified, publicCache } from './http-cache.js';
import { categoryData, homeData } from './page-data.js';
import { productValidators, renderVersion } from './product-page.js';
import { publicProduct } from './product-query.js';
import { categoryParams, categoryTop, listQuerystring, productParams, toListQuery } from './schemas.js';
import { CategoryPage } from './views/category.js';
import { HomePage } from './views/home.js';
import { categoryPath, productPath } from './views/parts.js';
import { ProductPage } from './views/product.js';

/** The public pages: home, category pages and product pages. Routes read and render; views say how. */
export function storefrontPages(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const version = renderVersion(app.instance);

  r.get('/', { schema: { hide: true } }, async (req, reply) => {
    const data = await homeData(db, app.instance.provinceCode);
    publicCache(req, reply);
    return sendHtml(reply, HomePage({ ctx: pageCtx(req, reply), data }));
  });

  r.get(
    '/danh-muc/:code',
    { schema: { hide: true, params: categoryParams, querystring: listQuerystring } },
    async (req, reply) => {
      const { code } = req.params;
      const top = categoryTop(code);
      if (!top) throw notFound();
      const query = toListQuery(req.query, app.instance.provinceCode === '00');
      const data = await categoryData(db, code, query, app.instance.provinceCode);
      publicCache(req, reply);
      const canonical = `${config.publicUrl}${categoryPath(code)}`;
      const render = (ctx: PageCtx) => CategoryPage({ ctx, code, top, query, data, canonical });
      const ctx = pageCtx(req, reply);
      return sendHtml(reply, ctx.actor ? render(ctx) : sharedPage(ctx, data.sources, render));
    },
  );

  r.get('/san-pham/:slug', { schema: { hide: true, params: productParams } }, async (req, reply) => {
    const found = await publicProduct(db, req.params.slug);
    if (!found) throw notFound();
    const { product } = found;
    if (!found.canonical) {
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      return reply.redirect(`${productPath(product.slug)}${query}`, 301);
    }
    const day = vietnamDay();
    const { stars, etag, lastModified } = productValidators(found, req.locale, version, day);
    if (notModified(req, reply, { etag, lastModified })) return reply.code(304).send();
    const url = `${config.publicUrl}${productPath(product.slug)}`;
    const ctx = pageCtx(req, reply);
    return sendHtml(
      reply,
      ProductPage({ ctx, product, stars, url, publicUrl: config.publicUrl, today: day }),
    );
  });
}
