import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.js';
import { vietnamDay } from '../../platform/http/i18n.js';
import type { Deps } from '../../platform/module.js';
import { commune, province } from '../geo/index.js';
import { notModified, publicCache } from './http-cache.js';
import { categoryCounts, categoryData, homeData } from './page-data.js';
import { presentCard, presentCategories, presentProduct } from './presenters.js';
import { productValidators, renderVersion } from './product-page.js';
import { publicProduct } from './product-query.js';
import {
  cardListJson,
  categoryJson,
  categoryPageJson,
  categoryParams,
  categoryTop,
  cursorQuerystring,
  homeJson,
  listQuerystring,
  productJson,
  productParams,
  shopParams,
  toListQuery,
} from './schemas.js';
import { publicShopId, shopProducts } from './shop.js';

const tags = ['catalog'];

/** JSON twins of the public pages: the same data, the same caching. */
export function storefrontApi(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const version = renderVersion(app.instance);
  const national = app.instance.provinceCode === '00';
  const placeName = (code: string) => (national ? province(code)?.name : commune(code)?.name) ?? code;

  r.get(
    '/api/v1/home',
    {
      schema: {
        tags,
        summary: 'Featured OCOP and key products, categories, specialities by commune',
        response: { 200: homeJson },
      },
    },
    async (req, reply) => {
      const data = await homeData(db, app.instance.provinceCode);
      publicCache(req, reply);
      return {
        ocop: data.ocop.map((c) => presentCard(c, config.publicUrl)),
        keyProducts: data.key.map((c) => presentCard(c, config.publicUrl)),
        categories: presentCategories(data.counts, req.locale),
        specialties: data.specialties.map((s) => ({ ...s, name: placeName(s.code) })),
      };
    },
  );

  r.get(
    '/api/v1/categories',
    {
      schema: {
        tags,
        summary: 'Product categories (two levels) with their numbers of products',
        response: { 200: categoryJson.array() },
      },
    },
    async (req, reply) => {
      publicCache(req, reply);
      return presentCategories(await categoryCounts(db, app.instance.provinceCode), req.locale);
    },
  );

  r.get(
    '/api/v1/categories/:code/products',
    {
      schema: {
        tags,
        summary: 'Products of a category, sorted and filtered, one keyset page at a time',
        params: categoryParams,
        querystring: listQuerystring,
        response: { 200: categoryPageJson },
      },
    },
    async (req, reply) => {
      const { code } = req.params;
      if (!categoryTop(code)) throw notFound();
      const q = toListQuery(req.query, national);
      const data = await categoryData(db, code, q, app.instance.provinceCode);
      publicCache(req, reply);
      const tops = presentCategories(data.counts, req.locale);
      const leaf = tops.flatMap((c) => c.children).find((c) => c.code === code);
      const category = tops.find((c) => c.code === code) ?? { ...leaf!, children: [] };
      return {
        category,
        items: data.items.map((c) => presentCard(c, config.publicUrl)),
        nextCursor: data.next,
        facets: {
          stars: data.facets.stars.map((f) => ({ ...f, label: req.t('store.ocop_stars', { n: f.value }) })),
          origin: data.facets.origin.map((f) => ({ ...f, label: placeName(f.value) })),
        },
      };
    },
  );

  r.get(
    '/api/v1/products/:slug',
    {
      schema: {
        tags,
        summary: 'A published product with its variants, images and seller disclosure (by slug or id)',
        params: productParams,
        response: {
          200: productJson,
          304: z.null().meta({ description: 'Not modified: the copy held is current' }),
        },
      },
    },
    async (req, reply) => {
      // Any address of the product answers; `slug` and `url` say the canonical one.
      const found = await publicProduct(db, req.params.slug);
      if (!found) throw notFound();
      const { stars, etag, lastModified } = productValidators(
        found,
        `api-${req.locale}`,
        version,
        vietnamDay(),
      );
      if (notModified(req, reply, { etag, lastModified })) return reply.code(304).send(null);
      return presentProduct(found.product, stars, config.publicUrl);
    },
  );

  r.get(
    '/api/v1/shops/:slug/products',
    {
      schema: {
        tags: ['shops'],
        summary: 'A shop’s published products, newest first, one keyset page at a time',
        params: shopParams,
        querystring: cursorQuerystring,
        response: { 200: cardListJson },
      },
    },
    async (req, reply) => {
      const sellerId = await publicShopId(db, req.params.slug);
      if (!sellerId) throw notFound();
      const list = await shopProducts(db, sellerId, req.query.cursor);
      publicCache(req, reply);
      return { items: list.items.map((c) => presentCard(c, config.publicUrl)), nextCursor: list.next };
    },
  );
}
