import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientIp, requireRole, seeOther } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import type { Deps } from '../../platform/module.js';
import { failedForm } from '../../web/form-post.js';
import { emptyForm } from '../../web/forms.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { errorJson } from './presenters.js';
import {
  createSynonym,
  deleteInput,
  deleteSynonym,
  getSynonym,
  listSynonyms,
  type Synonym,
  synonymInput,
  updateSynonym,
} from './synonyms.js';
import {
  SYNONYMS_PATH,
  SynonymDeletePage,
  SynonymEditPage,
  SynonymsPage,
  synonymFormValues,
} from './views/synonyms.js';

/** Officers and administrators; a bearer token needs `officer:write` to change, `read` to list. */
const officer = (req: FastifyRequest, scope: 'read' | 'officer:write') =>
  requireRole(req, ['officer', 'admin'], scope);

const idParams = z.object({ id: z.uuid('v.invalid') });

const synonymJson = z.object({
  id: z.string(),
  term: z.string(),
  synonyms: z.array(z.string()),
  updatedAt: z.string(),
});
const present = (s: Synonym) => ({
  id: s.id,
  term: s.term,
  synonyms: s.synonyms,
  updatedAt: s.updatedAt.toISOString(),
});

export function synonymRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const done = z.object({ done: z.enum(['saved', 'deleted']).optional().catch(undefined) });

  r.get(SYNONYMS_PATH, { schema: { hide: true, querystring: done } }, async (req, reply) => {
    officer(req, 'read');
    const items = await listSynonyms(db);
    return sendHtml(
      reply,
      SynonymsPage({ ctx: pageCtx(req, reply), items, state: emptyForm(), done: req.query.done }),
    );
  });
  r.post(SYNONYMS_PATH, { schema: { hide: true } }, async (req, reply) => {
    const actor = officer(req, 'officer:write');
    const body = req.body as Record<string, unknown>;
    try {
      await createSynonym(db, actor, parseInput(synonymInput, body), clientIp(req));
      return seeOther(reply, `${SYNONYMS_PATH}?done=saved`);
    } catch (err) {
      const { state, status } = failedForm(err, body);
      const items = await listSynonyms(db);
      return sendHtml(reply, SynonymsPage({ ctx: pageCtx(req, reply), items, state }), status);
    }
  });
  r.get(`${SYNONYMS_PATH}/:id`, { schema: { hide: true, params: idParams } }, async (req, reply) => {
    officer(req, 'read');
    const item = await getSynonym(db, req.params.id);
    return sendHtml(
      reply,
      SynonymEditPage({ ctx: pageCtx(req, reply), item, state: emptyForm(synonymFormValues(item)) }),
    );
  });
  r.post(`${SYNONYMS_PATH}/:id`, { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const actor = officer(req, 'officer:write');
    const item = await getSynonym(db, req.params.id);
    const body = req.body as Record<string, unknown>;
    try {
      await updateSynonym(db, actor, item.id, parseInput(synonymInput, body), clientIp(req));
      return seeOther(reply, `${SYNONYMS_PATH}?done=saved`);
    } catch (err) {
      const { state, status } = failedForm(err, body);
      return sendHtml(reply, SynonymEditPage({ ctx: pageCtx(req, reply), item, state }), status);
    }
  });
  r.get(`${SYNONYMS_PATH}/:id/xoa`, { schema: { hide: true, params: idParams } }, async (req, reply) => {
    officer(req, 'read');
    const item = await getSynonym(db, req.params.id);
    return sendHtml(reply, SynonymDeletePage({ ctx: pageCtx(req, reply), item, state: emptyForm() }));
  });
  r.post(`${SYNONYMS_PATH}/:id/xoa`, { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const actor = officer(req, 'officer:write');
    const item = await getSynonym(db, req.params.id);
    const body = req.body as Record<string, unknown>;
    try {
      const { reason } = parseInput(deleteInput, body);
      await deleteSynonym(db, actor, item.id, reason, clientIp(req));
      return seeOther(reply, `${SYNONYMS_PATH}?done=deleted`);
    } catch (err) {
      const { state, status } = failedForm(err, body);
      return sendHtml(reply, SynonymDeletePage({ ctx: pageCtx(req, reply), item, state }), status);
    }
  });

  // JSON twins
  const api = '/api/v1/officer/synonyms';
  const security = [{ bearer: [] }];
  r.get(
    api,
    {
      schema: {
        tags: ['search'],
        summary: 'Synonym groups that widen searches',
        security,
        response: { 200: z.object({ items: z.array(synonymJson) }), 401: errorJson, 403: errorJson },
      },
    },
    async (req) => {
      officer(req, 'read');
      return { items: (await listSynonyms(db)).map(present) };
    },
  );
  r.get(
    `${api}/:id`,
    {
      schema: {
        tags: ['search'],
        summary: 'One synonym group',
        security,
        params: idParams,
        response: { 200: synonymJson, 401: errorJson, 403: errorJson, 404: errorJson },
      },
    },
    async (req) => {
      officer(req, 'read');
      return present(await getSynonym(db, req.params.id));
    },
  );
  r.post(
    api,
    {
      schema: {
        tags: ['search'],
        summary: 'Add a synonym group (audited)',
        security,
        body: synonymInput,
        response: { 201: synonymJson, 401: errorJson, 403: errorJson, 422: errorJson },
      },
    },
    async (req, reply) => {
      const row = await createSynonym(db, officer(req, 'officer:write'), req.body, clientIp(req));
      return reply.code(201).send(present(row));
    },
  );
  r.put(
    `${api}/:id`,
    {
      schema: {
        tags: ['search'],
        summary: 'Change a synonym group (audited)',
        security,
        params: idParams,
        body: synonymInput,
        response: { 200: synonymJson, 401: errorJson, 403: errorJson, 404: errorJson, 422: errorJson },
      },
    },
    async (req) =>
      present(await updateSynonym(db, officer(req, 'officer:write'), req.params.id, req.body, clientIp(req))),
  );
  r.delete(
    `${api}/:id`,
    {
      schema: {
        tags: ['search'],
        summary: 'Delete a synonym group (audited; the reason is optional)',
        security,
        params: idParams,
        body: deleteInput,
        response: { 204: z.null(), 401: errorJson, 403: errorJson, 404: errorJson },
      },
    },
    async (req, reply) => {
      await deleteSynonym(db, officer(req, 'officer:write'), req.params.id, req.body.reason, clientIp(req));
      return reply.code(204).send(null);
    },
  );
}
