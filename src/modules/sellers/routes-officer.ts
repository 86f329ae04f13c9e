import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { seeOther } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { foldVietnamese } from '../../platform/text.js';
import { failedForm } from '../../web/form-post.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import './console-messages.js';
import { decideFromRequest, isOfficerAction, officerOnly, sendRegistryXlsx } from './console-http.js';
import {
  applicationDetail,
  consoleSummary,
  listQueue,
  listRegistry,
  queueQuery,
  registryQuery,
} from './console-service.js';
import { readSellerFile } from './documents.js';
import { officerApiRoutes } from './routes-officer-api.js';
import { reasonField } from './views/console-actions.js';
import { type DetailNotice, DetailPage } from './views/console-detail.js';
import { ConsoleHome } from './views/console-home.js';
import { QueuePage, RegistryPage } from './views/console-lists.js';

/** A file name for Content-Disposition: plain ASCII for old clients (no diacritics), UTF-8 for the rest (RFC 6266). */
function filenameParams(name: string): string {
  const ascii = foldVietnamese(name).replace(/[^\x20-\x7e]|["\\]/g, '_');
  const utf8 = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** The officer console: overview, queue of applications, one application, registry, files. */
export function officerRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const idParams = z.object({ id: z.string() });

  r.get('/quan-ly', { schema: { hide: true } }, async (req, reply) => {
    officerOnly(req, reply);
    return sendHtml(reply, ConsoleHome({ ctx: pageCtx(req, reply), summary: await consoleSummary(db) }));
  });

  r.get('/quan-ly/ho-so', { schema: { hide: true, querystring: queueQuery } }, async (req, reply) => {
    officerOnly(req, reply);
    const list = await listQueue(db, req.query);
    return sendHtml(reply, QueuePage({ ctx: pageCtx(req, reply), filters: req.query, list }));
  });

  r.get(
    '/quan-ly/ho-so/:id',
    { schema: { hide: true, params: idParams, querystring: z.object({ done: z.string().optional() }) } },
    async (req, reply) => {
      officerOnly(req, reply);
      const d = await applicationDetail(db, req.params.id);
      const done = req.query.done && isOfficerAction(req.query.done) ? req.query.done : undefined;
      return sendHtml(reply, DetailPage({ ctx: pageCtx(req, reply), d, notice: { done } }));
    },
  );

  r.post(
    '/quan-ly/ho-so/:id/:action',
    { schema: { hide: true, params: z.object({ id: z.string(), action: z.string() }) } },
    async (req, reply) => {
      const actor = officerOnly(req, reply, 'officer:write');
      const { id, action } = req.params;
      if (!isOfficerAction(action)) throw notFound();
      try {
        await decideFromRequest(deps, req, { actor, sellerId: id, action, body: req.body });
        return seeOther(reply, `/quan-ly/ho-so/${id}?done=${action}`);
      } catch (err) {
        // A missing reason comes back on its form (422); a decision someone else already took, as a notice (409).
        const { state, status } = failedForm(err, req.body, [409]);
        const d = await applicationDetail(db, id);
        const errors = state.errors.map((e) =>
          e.field === 'reason' ? { ...e, field: reasonField(action) } : e,
        );
        const notice: DetailNotice =
          status === 409 ? { conflict: action } : { sent: { action, state: { ...state, errors } } };
        return sendHtml(reply, DetailPage({ ctx: pageCtx(req, reply), d, notice }), status);
      }
    },
  );

  r.get('/quan-ly/nguoi-ban', { schema: { hide: true, querystring: registryQuery } }, async (req, reply) => {
    officerOnly(req, reply);
    const list = await listRegistry(db, req.query);
    return sendHtml(reply, RegistryPage({ ctx: pageCtx(req, reply), filters: req.query, list }));
  });

  r.get(
    '/quan-ly/nguoi-ban.xlsx',
    { schema: { hide: true, querystring: registryQuery } },
    async (req, reply) => {
      officerOnly(req, reply);
      return sendRegistryXlsx(deps, req, reply, req.query);
    },
  );

  /**
   * A document or OCOP certificate of an application, for officers. Served as an attachment unless it is an
   * image, with its stored type and nosniff, so an uploaded file can never run as a page.
   */
  r.get(
    '/quan-ly/tep/:fileId',
    { schema: { hide: true, params: z.object({ fileId: z.string() }) } },
    async (req, reply) => {
      // The same access rule as the seller centre's downloads: a file attached to a seller.
      const { meta, data: bytes } = await readSellerFile(deps, officerOnly(req, reply), req.params.fileId);
      const disposition = meta.mime.startsWith('image/') ? 'inline' : 'attachment';
      return reply
        .type(meta.mime)
        .header('content-disposition', `${disposition}; ${filenameParams(meta.originalName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-length', String(bytes.length))
        .send(bytes);
    },
  );

  officerApiRoutes(app, deps);
}
