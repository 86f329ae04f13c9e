import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../../platform/db/pool.js';
import { type Actor, requireRole, seeOther } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { getSeller } from '../sellers/index.js';
import type { ProductAction } from './lifecycle.js';
import { historyJson, productJson, toHistoryJson, toProductJson } from './presenters.js';
import { allProducts, listQuery } from './queries.js';
import { getProduct } from './service.js';
import { productHistory, transitionProduct } from './transitions.js';
import { OfficerListPage, OfficerProductPage, officerPaths } from './views/officer.js';

/** An officer or administrator (a token needs the scope); console answers are never cached. */
function officer(req: FastifyRequest, reply: FastifyReply, scope: 'read' | 'officer:write' = 'read'): Actor {
  const actor = requireRole(req, ['officer', 'admin'], scope);
  reply.header('cache-control', 'private, no-store');
  return actor;
}

async function shopNames(db: Executor, sellerIds: string[]) {
  const out = new Map<string, string>();
  for (const id of new Set(sellerIds)) out.set(id, (await getSeller(db, id))?.shopName ?? '');
  return out;
}

const tags = ['catalog'];
const idParams = z.object({ id: z.string() });

/** The officer console's products: a list to find them, one product, take down and restore. */
export function officerProductRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  async function detail(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: Omit<Parameters<typeof OfficerProductPage>[0], 'ctx' | 'view' | 'seller' | 'history'> = {},
    status = 200,
  ) {
    const view = await getProduct(db, id);
    if (!view) throw notFound();
    const page = OfficerProductPage({
      ctx: pageCtx(req, reply),
      view,
      seller: await getSeller(db, view.product.sellerId),
      history: await productHistory(db, id),
      ...extra,
    });
    return sendHtml(reply, page, status);
  }

  r.get('/quan-ly/san-pham', { schema: { hide: true, querystring: listQuery } }, async (req, reply) => {
    officer(req, reply);
    const list = await allProducts(db, req.query);
    const names = await shopNames(
      db,
      list.items.map((i) => i.sellerId),
    );
    return sendHtml(
      reply,
      OfficerListPage({ ctx: pageCtx(req, reply), filters: req.query, list, shopNames: names }),
    );
  });

  r.get(
    '/quan-ly/san-pham/:id',
    { schema: { hide: true, params: idParams, querystring: z.object({ done: z.string().optional() }) } },
    async (req, reply) => {
      officer(req, reply);
      const done = Object.entries(officerPaths).find(([, path]) => path === req.query.done)?.[0];
      return detail(req, reply, req.params.id, { done: done as ProductAction | undefined });
    },
  );

  for (const [action, path] of Object.entries(officerPaths) as ['take_down' | 'restore', string][]) {
    r.post(
      `/quan-ly/san-pham/:id/${path}`,
      { schema: { hide: true, params: idParams } },
      async (req, reply) => {
        const actor = officer(req, reply, 'officer:write');
        const body = (req.body ?? {}) as Record<string, unknown>;
        const reason = typeof body.reason === 'string' ? body.reason : '';
        try {
          await transitionProduct(db, {
            productId: req.params.id,
            action,
            actor,
            party: 'officer',
            reason,
            ip: req.ip,
            publicUrl: deps.config.publicUrl,
          });
        } catch (err) {
          // No reason: the form again (422); a product already moved by someone else: a notice (409).
          if (err instanceof AppError && err.code === 'reason_required') {
            const state = { values: { reason }, errors: [{ field: 'reason', key: err.key }] };
            return detail(req, reply, req.params.id, { sent: { action, state } }, 422);
          }
          if (err instanceof AppError && err.status === 409)
            return detail(req, reply, req.params.id, { conflict: true }, 409);
          throw err;
        }
        return seeOther(reply, `/quan-ly/san-pham/${req.params.id}?done=${path}`);
      },
    );
  }

  r.get(
    '/api/v1/officer/products',
    {
      schema: {
        tags,
        summary: 'Every product on the marketplace, by words of its name and status (officers)',
        querystring: listQuery,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                sellerId: z.string(),
                shopName: z.string(),
                name: z.string(),
                slug: z.string(),
                category: z.string(),
                status: productJson.shape.status,
                statusReason: z.string().nullable(),
                priceMin: productJson.shape.priceMin,
                stock: z.number(),
                updatedAt: z.string(),
              }),
            ),
            total: z.number(),
            page: z.number(),
            pages: z.number(),
          }),
        },
      },
    },
    async (req, reply) => {
      officer(req, reply);
      const list = await allProducts(db, req.query);
      const names = await shopNames(
        db,
        list.items.map((i) => i.sellerId),
      );
      return {
        ...list,
        items: list.items.map((i) => ({
          ...i,
          shopName: names.get(i.sellerId) ?? '',
          priceMin: i.priceMin === null ? null : Number(i.priceMin),
          updatedAt: i.updatedAt.toISOString(),
        })),
      };
    },
  );

  r.get(
    '/api/v1/officer/products/:id',
    {
      schema: {
        tags,
        summary: 'One product with its lifecycle history (officers)',
        params: idParams,
        response: { 200: productJson.extend({ history: z.array(historyJson) }) },
      },
    },
    async (req, reply) => {
      officer(req, reply);
      const view = await getProduct(db, req.params.id);
      if (!view) throw notFound();
      return {
        ...toProductJson(view),
        history: (await productHistory(db, req.params.id)).map(toHistoryJson),
      };
    },
  );

  r.post(
    '/api/v1/officer/products/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'Take a product down (published or hidden) or restore it as hidden (taken down), with the reason the shop will see; audited',
        params: idParams,
        body: z.object({ action: z.enum(['take_down', 'restore']), reason: z.string().optional() }),
        response: { 200: productJson },
      },
    },
    async (req, reply) => {
      const actor = officer(req, reply, 'officer:write');
      await transitionProduct(db, {
        productId: req.params.id,
        action: req.body.action,
        actor,
        party: 'officer',
        reason: req.body.reason,
        ip: req.ip,
        publicUrl: deps.config.publicUrl,
      });
      return toProductJson((await getProduct(db, req.params.id))!);
    },
  );
}
