import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor, officerOnly, seeOther } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import type { Deps } from '../../platform/module.js';
import { failedForm } from '../../web/form-post.js';
import type { FormState } from '../../web/forms.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { sendXlsx, XLSX_TYPE } from '../../web/xlsx.js';
import {
  markRefundedBody,
  refundDetailJson,
  refundListJson,
  toRefundDetailJson,
  toRefundListJson,
} from './refund-json.js';
import { refundQr, refundWorkbook } from './refund-transfer.js';
import {
  allOwedRefunds,
  listRefunds,
  markRefunded,
  markRefundedInput,
  refundDetail,
  refundQueueQuery,
} from './refunds.js';
import { RefundDetailPage, type RefundNotice, RefundQueuePage } from './views/refunds.js';

const tags = ['payments'];
const security = [{ bearer: [] }];
const codeParams = z.object({ code: z.string().max(40) });

/** The officers' refunds: the queue, one order's refund, recording it paid, the bank file; pages and JSON. */
export function refundRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  const mark = (req: FastifyRequest, actor: Actor, code: string, body: unknown) =>
    markRefunded(db, {
      ...parseInput(markRefundedInput, body),
      code,
      actor,
      ip: req.ip,
      publicUrl: deps.config.publicUrl,
    });

  async function detailPage(
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: { notice?: RefundNotice; state?: FormState } = {},
    status = 200,
  ) {
    const d = await refundDetail(db, code);
    const qr =
      d.channel === 'vietqr' && d.owed > 0n && d.account
        ? await refundQr(d.account, d.owed, d.intent.orderCode)
        : undefined;
    return sendHtml(reply, RefundDetailPage({ ctx: pageCtx(req, reply), d, qr, ...extra }), status);
  }

  const sendFile = async (req: FastifyRequest, reply: FastifyReply) =>
    sendXlsx(reply, 'hoan-tien.xlsx', await refundWorkbook(await allOwedRefunds(db), req.t));

  r.get(
    '/quan-ly/hoan-tien',
    { schema: { hide: true, querystring: refundQueueQuery } },
    async (req, reply) => {
      officerOnly(req, reply);
      const list = await listRefunds(db, req.query);
      return sendHtml(reply, RefundQueuePage({ ctx: pageCtx(req, reply), list }));
    },
  );

  r.get('/quan-ly/hoan-tien/tep.xlsx', { schema: { hide: true } }, async (req, reply) => {
    officerOnly(req, reply);
    return sendFile(req, reply);
  });

  r.get(
    '/quan-ly/hoan-tien/:code',
    {
      schema: {
        hide: true,
        params: codeParams,
        querystring: z.object({ done: z.enum(['done', 'repeated']).optional().catch(undefined) }),
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      return detailPage(req, reply, req.params.code, { notice: req.query.done });
    },
  );

  r.post('/quan-ly/hoan-tien/:code', { schema: { hide: true, params: codeParams } }, async (req, reply) => {
    const actor = officerOnly(req, reply, 'officer:write');
    const { code } = req.params;
    try {
      const { recorded } = await mark(req, actor, code, req.body);
      return seeOther(
        reply,
        `/quan-ly/hoan-tien/${encodeURIComponent(code)}?done=${recorded ? 'done' : 'repeated'}`,
      );
    } catch (err) {
      // Field errors on the form (422); nothing left to refund (someone just recorded it), as a notice (409).
      const { state, status } = failedForm(err, req.body, [409]);
      const errors = state.errors.map((e) => (e.field === '_' ? e : { ...e, field: `paid-${e.field}` }));
      return detailPage(req, reply, code, { state: { ...state, errors } }, status);
    }
  });

  r.get(
    '/api/v1/payments/refunds',
    {
      schema: {
        tags,
        security,
        summary:
          'Refunds owed to buyers (state=owed, the longest waiting first) or recorded as paid (state=paid)',
        querystring: refundQueueQuery,
        response: { 200: refundListJson },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      return toRefundListJson(await listRefunds(db, req.query));
    },
  );

  r.get(
    '/api/v1/payments/refunds/transfer-file',
    {
      schema: {
        tags,
        security,
        summary:
          'The bank transfer file (XLSX) of the refunds owed by bank transfer whose buyers gave an account',
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      return sendFile(req, reply);
    },
  );

  r.get(
    '/api/v1/payments/refunds/:code',
    {
      schema: {
        tags,
        security,
        summary: "One order's refund: owed, paid, the buyer's account and the transfer to make",
        params: codeParams,
        response: { 200: refundDetailJson },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      return toRefundDetailJson(await refundDetail(db, req.params.code));
    },
  );

  r.post(
    '/api/v1/payments/refunds/:code',
    {
      schema: {
        tags,
        security,
        summary:
          'Record that a refund owed to the buyer was paid (bank transfer, or through VNPAY for orders paid by VNPAY); reason required, audited; the same reference again records nothing',
        params: codeParams,
        body: markRefundedBody,
        response: { 200: refundDetailJson.extend({ recorded: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const actor = officerOnly(req, reply, 'officer:write');
      const { recorded } = await mark(req, actor, req.params.code, req.body);
      return { ...toRefundDetailJson(await refundDetail(db, req.params.code)), recorded };
    },
  );
}
