import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officerOnly, seeOther } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import type { Deps } from '../../platform/module.js';
import { failedForm } from '../../web/form-post.js';
import { pageCtx, sendHtml } from '../../web/page.js';
import { sendXlsx } from '../../web/xlsx.js';
import { payoutWorkbook } from './exports.js';
import {
  monthParam,
  sellerOr404,
  sellersOf,
  sendDeclarationXlsx,
  sendStatementXlsx,
  thisMonth,
} from './http.js';
import {
  batchLabel,
  createPayoutBatch,
  listPayoutBatches,
  type PayoutAction,
  payoutBatch,
  transitionPayout,
} from './payouts.js';
import { sellerStatement, withholdingRows } from './statements.js';
import { PayoutDetailPage, PayoutListPage, type PayoutNotice, payoutReasonField } from './views/payouts.js';
import { DeclarationPage, StatementPage } from './views/statements.js';

const noteInput = z.object({ reason: z.string().trim().max(500, 'v.too_long').optional() });
/** Marking paid or cancelling a batch says why (the bank's reference, or what went wrong). */
export const reasonInput = z.object({
  reason: z.string('error.reason_required').trim().min(1, 'error.reason_required').max(500, 'v.too_long'),
});
export const PAYOUT_ACTIONS = ['mark_paid', 'cancel'] as const satisfies readonly PayoutAction[];
const isPayoutAction = (a: string): a is PayoutAction => (PAYOUT_ACTIONS as readonly string[]).includes(a);

/** The console's money pages: payout batches and the monthly withholding declaration. */
export function officerLedgerRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const idParams = z.object({ id: z.string() });
  const monthQuery = z.object({ thang: monthParam });

  async function detail(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    notice: PayoutNotice,
    status = 200,
  ) {
    const view = await payoutBatch(db, id);
    return sendHtml(reply, PayoutDetailPage({ ctx: pageCtx(req, reply), view, notice }), status);
  }

  r.get('/quan-ly/chi-tra', { schema: { hide: true } }, async (req, reply) => {
    officerOnly(req, reply);
    return sendHtml(
      reply,
      PayoutListPage({ ctx: pageCtx(req, reply), batches: await listPayoutBatches(db) }),
    );
  });

  r.post('/quan-ly/chi-tra', { schema: { hide: true } }, async (req, reply) => {
    const actor = officerOnly(req, reply, 'officer:write');
    try {
      const { reason } = parseInput(noteInput, req.body);
      const batch = await createPayoutBatch(db, { actor, reason, ip: req.ip });
      return seeOther(reply, `/quan-ly/chi-tra/${batch.id}?done=created`);
    } catch (err) {
      const { state, status } = failedForm(err, req.body, [409]);
      const errors = state.errors.map((e) =>
        e.field === 'reason' ? { ...e, field: payoutReasonField('create') } : e,
      );
      const page = PayoutListPage({
        ctx: pageCtx(req, reply),
        batches: await listPayoutBatches(db),
        state: { ...state, errors },
      });
      return sendHtml(reply, page, status);
    }
  });

  r.get(
    '/quan-ly/chi-tra/:id',
    { schema: { hide: true, params: idParams, querystring: z.object({ done: z.string().optional() }) } },
    async (req, reply) => {
      officerOnly(req, reply);
      const done = req.query.done;
      return detail(req, reply, req.params.id, {
        done:
          done === 'created' || (done && isPayoutAction(done)) ? (done as PayoutNotice['done']) : undefined,
      });
    },
  );

  r.get('/quan-ly/chi-tra/:id/tep.xlsx', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    officerOnly(req, reply);
    const view = await payoutBatch(db, req.params.id);
    return sendXlsx(
      reply,
      `chi-tra-${batchLabel(view.batch.number)}.xlsx`,
      await payoutWorkbook(view, req.t),
    );
  });

  r.post(
    '/quan-ly/chi-tra/:id/:action',
    { schema: { hide: true, params: z.object({ id: z.string(), action: z.string() }) } },
    async (req, reply) => {
      const actor = officerOnly(req, reply, 'officer:write');
      const { id, action } = req.params;
      if (!isPayoutAction(action)) throw notFound();
      await payoutBatch(db, id);
      try {
        const { reason } = parseInput(reasonInput, req.body);
        await transitionPayout(db, { batchId: id, action, actor, reason, ip: req.ip });
        return seeOther(reply, `/quan-ly/chi-tra/${id}?done=${action}`);
      } catch (err) {
        const { state, status } = failedForm(err, req.body, [409]);
        if (status === 409) return detail(req, reply, id, { conflict: true }, 409);
        const errors = state.errors.map((e) => ({ ...e, field: payoutReasonField(action) }));
        return detail(req, reply, id, { sent: { action, state: { ...state, errors } } }, status);
      }
    },
  );

  r.get('/quan-ly/thue-khau-tru', { schema: { hide: true, querystring: monthQuery } }, async (req, reply) => {
    officerOnly(req, reply);
    const month = req.query.thang ?? thisMonth();
    const rows = await withholdingRows(db, month);
    const page = DeclarationPage({
      ctx: pageCtx(req, reply),
      month,
      rows,
      sellers: await sellersOf(db, rows),
    });
    return sendHtml(reply, page);
  });

  r.get(
    '/quan-ly/thue-khau-tru.xlsx',
    { schema: { hide: true, querystring: monthQuery } },
    async (req, reply) => {
      officerOnly(req, reply);
      return sendDeclarationXlsx(db, req, reply, req.query.thang ?? thisMonth());
    },
  );

  r.get(
    '/quan-ly/thue-khau-tru/:id',
    { schema: { hide: true, params: idParams, querystring: monthQuery } },
    async (req, reply) => {
      officerOnly(req, reply);
      const seller = await sellerOr404(db, req.params.id);
      const statement = await sellerStatement(db, seller.id, req.query.thang ?? thisMonth());
      const base = `/quan-ly/thue-khau-tru/${seller.id}`;
      const back = {
        href: `/quan-ly/thue-khau-tru?thang=${statement.month}`,
        label: req.t('ledger.tax.title'),
      };
      const download = `${base}/sao-ke.xlsx?thang=${statement.month}`;
      return sendHtml(
        reply,
        StatementPage({ ctx: pageCtx(req, reply), seller, statement, base, back, download }),
      );
    },
  );

  r.get(
    '/quan-ly/thue-khau-tru/:id/sao-ke.xlsx',
    { schema: { hide: true, params: idParams, querystring: monthQuery } },
    async (req, reply) => {
      officerOnly(req, reply);
      const seller = await sellerOr404(db, req.params.id);
      return sendStatementXlsx(db, req, reply, seller, req.query.thang ?? thisMonth());
    },
  );
}
