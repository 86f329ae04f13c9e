import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, officerOnly, seeOther } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import type { Deps } from '../../platform/module.js';
import { asUpload } from '../../platform/storage/storage.js';
import { failedForm } from '../../web/form-post.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import {
  allocate,
  allocateInput,
  itemDetail,
  listItems,
  queueQuery,
  refund,
  refundInput,
} from './reconciliation.js';
import { importStatement, statementImport } from './statements.js';
import { ItemPage, QueuePage, type ReconAction } from './views/reconciliation.js';
import { StatementForm, StatementReport } from './views/statement.js';

const isAction = (a: string): a is ReconAction => a === 'allocate' || a === 'refund';

/** An officer's decision on an item, as the page and the API send it. */
export function decide(
  deps: Deps,
  req: FastifyRequest,
  actor: Actor,
  itemId: string,
  action: ReconAction,
  body: unknown,
) {
  const common = { itemId, actor, ip: req.ip };
  return action === 'allocate'
    ? allocate(deps.db, { ...common, ...parseInput(allocateInput, body) })
    : refund(deps.db, { ...common, ...parseInput(refundInput, body) });
}

/** The officers' reconciliation queue, one item and its decisions, and the statement import. */
export function officerRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const idParams = z.object({ id: z.string() });

  r.get('/quan-ly/doi-soat', { schema: { hide: true, querystring: queueQuery } }, async (req, reply) => {
    officerOnly(req, reply);
    const list = await listItems(db, req.query);
    return sendHtml(reply, QueuePage({ ctx: pageCtx(req, reply), state: req.query.state, list }));
  });

  r.get('/quan-ly/doi-soat/sao-ke', { schema: { hide: true } }, async (req, reply) => {
    officerOnly(req, reply);
    return sendHtml(reply, StatementForm({ ctx: pageCtx(req, reply) }));
  });

  r.post('/quan-ly/doi-soat/sao-ke', { schema: { hide: true } }, async (req, reply) => {
    const actor = officerOnly(req, reply, 'officer:write');
    const body = req.body as { file?: unknown } | undefined;
    try {
      const { id } = await importStatement(db, {
        upload: asUpload(body?.file),
        actor,
        accountNo: deps.config.buying.collection.accountNo,
      });
      return seeOther(reply, `/quan-ly/doi-soat/sao-ke/${id}`);
    } catch (err) {
      const { state, status } = failedForm(err, {});
      return sendHtml(reply, StatementForm({ ctx: pageCtx(req, reply), state }), status);
    }
  });

  r.get('/quan-ly/doi-soat/sao-ke/:id', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    officerOnly(req, reply);
    const saved = await statementImport(db, req.params.id);
    return sendHtml(reply, StatementReport({ ctx: pageCtx(req, reply), saved }));
  });

  r.get(
    '/quan-ly/doi-soat/:id',
    { schema: { hide: true, params: idParams, querystring: z.object({ done: z.string().optional() }) } },
    async (req, reply) => {
      officerOnly(req, reply);
      const detail = await itemDetail(db, req.params.id);
      const done = req.query.done && isAction(req.query.done) ? req.query.done : undefined;
      return sendHtml(reply, ItemPage({ ctx: pageCtx(req, reply), detail, done }));
    },
  );

  r.post(
    '/quan-ly/doi-soat/:id/:action',
    { schema: { hide: true, params: z.object({ id: z.string(), action: z.string() }) } },
    async (req, reply) => {
      const actor = officerOnly(req, reply, 'officer:write');
      const { id, action } = req.params;
      if (!isAction(action)) throw notFound();
      try {
        await decide(deps, req, actor, id, action, req.body);
        return seeOther(reply, `/quan-ly/doi-soat/${id}?done=${action}`);
      } catch (err) {
        // Field errors come back on their form (422); an item someone else just settled, as a notice (409).
        const { state, status } = failedForm(err, req.body, [409]);
        const errors = state.errors.map((e) =>
          e.field === '_' ? e : { ...e, field: `${action}-${e.field}` },
        );
        const detail = await itemDetail(db, id);
        const sent = { action, state: { ...state, errors } };
        return sendHtml(reply, ItemPage({ ctx: pageCtx(req, reply), detail, sent }), status);
      }
    },
  );
}
