import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officerOnly } from '../../platform/http/context.js';
import type { Translate } from '../../platform/http/i18n.js';
import type { Deps } from '../../platform/module.js';
import { asUpload } from '../../platform/storage/storage.js';
import { type Item, itemDetail, listItems, queueQuery, remainingOf } from './reconciliation.js';
import { decide } from './routes-officer.js';
import { receiptChannel, reconciliationKind, type statementImports } from './schema.js';
import { importStatement, statementImport } from './statements.js';

const tags = ['payments'];
const security = [{ bearer: [] }];
const dong = z.number().int().meta({ description: 'Integer đồng' });
const when = z.string().meta({ description: 'ISO 8601 instant' });

const itemJson = z.object({
  id: z.string(),
  channel: z.enum(receiptChannel.enumValues),
  reference: z.string().meta({ description: "The bank's reference, or the gateway's transaction number" }),
  kind: z.enum(reconciliationKind.enumValues),
  amount: dong,
  allocated: dong,
  refunded: dong,
  left: dong,
  content: z.string(),
  orderCode: z.string().nullable().meta({ description: 'The order code read from the content, if any' }),
  receivedAt: when,
  resolvedAt: when.nullable(),
});
const toItemJson = (i: Item): z.infer<typeof itemJson> => ({
  id: i.id,
  channel: i.channel,
  reference: i.reference,
  kind: i.kind,
  amount: Number(i.amount),
  allocated: Number(i.allocated),
  refunded: Number(i.refunded),
  left: Number(remainingOf(i)),
  content: i.content,
  orderCode: i.orderCode,
  receivedAt: i.receivedAt.toISOString(),
  resolvedAt: i.resolvedAt?.toISOString() ?? null,
});
const detailJson = itemJson.extend({
  actions: z.array(
    z.object({
      action: z.enum(['allocate', 'refund']),
      amount: dong,
      orderId: z.string().nullable(),
      reason: z.string(),
      at: when,
    }),
  ),
  rawNotification: z
    .string()
    .nullable()
    .meta({ description: 'The provider message the money came in, verbatim' }),
});
const toDetailJson = (d: Awaited<ReturnType<typeof itemDetail>>): z.infer<typeof detailJson> => ({
  ...toItemJson(d.item),
  actions: d.actions.map((a) => ({
    action: a.action,
    amount: Number(a.amount),
    orderId: a.orderId,
    reason: a.reason,
    at: a.at.toISOString(),
  })),
  rawNotification: d.event?.rawBody ?? null,
});
const reportJson = z.object({
  id: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  importedAt: when,
  report: z.array(
    z.object({
      line: z.number().int(),
      reference: z.string().nullable(),
      amount: dong.nullable(),
      outcome: z
        .string()
        .meta({ description: 'matched, partial, excess, unmatched, closed, duplicate, ignored or invalid' }),
      orderCode: z.string().nullable(),
      problem: z.string().nullable(),
    }),
  ),
});
const toReportJson = (s: typeof statementImports.$inferSelect, t: Translate): z.infer<typeof reportJson> => ({
  id: s.id,
  fileName: s.fileName,
  rows: s.rows,
  importedAt: s.importedAt.toISOString(),
  report: s.report.map((r) => ({
    ...r,
    amount: r.amount === null ? null : Number(r.amount),
    problem: r.problem ? t(r.problem) : null,
  })),
});
const decisionBody = z.object({
  orderCode: z.string().optional().meta({ description: 'allocate: the order the money belongs to' }),
  amount: z.number().int().positive().optional().meta({ description: 'Default: all that can move' }),
  reason: z.string(),
});

/** JSON twins of the reconciliation queue, its decisions and the statement import. */
export function officerApiRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const idParams = z.object({ id: z.string() });

  r.get(
    '/api/v1/payments/reconciliation',
    {
      schema: {
        tags,
        security,
        summary: 'Money in suspense: open items (oldest first) or resolved ones',
        querystring: queueQuery,
        response: {
          200: z.object({
            items: z.array(itemJson),
            total: z.number().int(),
            page: z.number().int(),
            pages: z.number().int(),
          }),
        },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      const list = await listItems(db, req.query);
      return { items: list.rows.map(toItemJson), total: list.total, page: list.page, pages: list.pages };
    },
  );

  r.get(
    '/api/v1/payments/reconciliation/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One item in suspense with its history',
        params: idParams,
        response: { 200: detailJson },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      return toDetailJson(await itemDetail(db, req.params.id));
    },
  );

  for (const action of ['allocate', 'refund'] as const)
    r.post(
      `/api/v1/payments/reconciliation/:id/${action}`,
      {
        schema: {
          tags,
          security,
          summary:
            action === 'allocate'
              ? 'Match money in suspense to an order (it is paid once covered); reason required, audited'
              : 'Send money in suspense back to the payer; reason required, audited',
          params: idParams,
          body: decisionBody,
          response: { 200: detailJson },
        },
      },
      async (req, reply) => {
        const actor = officerOnly(req, reply, 'officer:write');
        await decide(deps, req, actor, req.params.id, action, req.body);
        return toDetailJson(await itemDetail(db, req.params.id));
      },
    );

  r.post(
    '/api/v1/payments/statements',
    {
      schema: {
        tags,
        security,
        summary: 'Import a bank statement of the collection account (multipart field `file`: CSV or XLSX)',
        consumes: ['multipart/form-data'],
        response: { 201: reportJson },
      },
    },
    async (req, reply) => {
      const actor = officerOnly(req, reply, 'officer:write');
      const body = req.body as { file?: unknown } | undefined;
      const { id } = await importStatement(db, {
        upload: asUpload(body?.file),
        actor,
        accountNo: deps.config.buying.collection.accountNo,
      });
      return reply.code(201).send(toReportJson(await statementImport(db, id), req.t));
    },
  );

  r.get(
    '/api/v1/payments/statements/:id',
    {
      schema: {
        tags,
        security,
        summary: 'The row-by-row report of a statement import',
        params: idParams,
        response: { 200: reportJson },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      return toReportJson(await statementImport(db, req.params.id), req.t);
    },
  );
}
