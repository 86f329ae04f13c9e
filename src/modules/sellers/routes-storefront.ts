import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { commune, formatAddress } from '../geo/index.js';
import { ShopProducts, shopProducts } from '../storefront/index.js';
import './console-messages.js';
import { storefront } from './console-service.js';
import { ocopItem, presentOcop } from './routes-officer-api.js';
import { legalForm, verificationMethod } from './schema.js';
import { StorefrontPage } from './views/storefront.js';

/**
 * Anonymous visitors all see the same page, so shared caches may keep it for a minute; a
 * signed-in visitor's page names them and must not be stored.
 */
function cacheFor(req: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', req.actor ? 'private, no-store' : 'public, max-age=60');
  reply.header('vary', 'Cookie, Authorization, Accept-Language');
}

const shop = z.object({
  slug: z.string(),
  url: z.string(),
  status: z.enum(['approved', 'suspended']),
  canSell: z.boolean(),
  shopName: z.string(),
  legalForm: z.enum(legalForm.enumValues),
  ownerName: z.string().nullable(),
  address: z.string(),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  taxCode: z.string().nullable(),
  businessRegNo: z.string().nullable(),
  businessRegDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  description: z.string(),
  verification: z.object({
    method: z.enum(verificationMethod.enumValues).nullable(),
    verifiedAt: z.iso.datetime().nullable(),
  }),
  ocop: z.array(ocopItem),
});

/** The public shop page and its JSON twin: approved and suspended shops only. */
export function storefrontRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ slug: z.string().max(120) });
  const url = (slug: string) => `${deps.config.publicUrl}/cua-hang/${encodeURIComponent(slug)}`;

  const querystring = z.object({ cursor: z.string().max(100).optional().catch(undefined) });
  r.get('/cua-hang/:slug', { schema: { hide: true, params, querystring } }, async (req, reply) => {
    const s = await storefront(deps.db, req.params.slug);
    if (!s) throw notFound();
    const list = await shopProducts(deps.db, s.verification.sellerId, req.query.cursor);
    cacheFor(req, reply);
    const ctx = pageCtx(req, reply);
    const products = ShopProducts({ ctx, list, shopPath: `/cua-hang/${encodeURIComponent(s.slug)}` });
    return sendHtml(reply, StorefrontPage({ ctx, shop: s, canonical: url(s.slug), products }));
  });

  r.get(
    '/api/v1/shops/:slug',
    {
      schema: {
        tags: ['shops'],
        summary: 'A shop and the seller information it must disclose',
        params,
        response: { 200: shop },
      },
    },
    async (req, reply) => {
      const s = await storefront(deps.db, req.params.slug);
      if (!s) throw notFound();
      cacheFor(req, reply);
      // The page's facts as they are, with the address written out and dates as ISO strings.
      const { street: _, verification, ocop, ...facts } = s;
      return {
        ...facts,
        url: url(s.slug),
        status: s.status as 'approved' | 'suspended',
        canSell: s.status === 'approved',
        address: formatAddress(s),
        communeName: commune(s.communeCode)?.name ?? null,
        verification: {
          method: verification.method,
          verifiedAt: verification.verifiedAt?.toISOString() ?? null,
        },
        ocop: ocop.map(presentOcop),
      };
    },
  );
}
