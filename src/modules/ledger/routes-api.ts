import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officerOnly } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import type { Deps } from '../../platform/module.js';
import { sendXlsx } from '../../web/xlsx.js';
import { memberShops } from '../sellers/index.js';
import { payoutWorkbook } from './exports.js';
import { memberOnly, monthParam, sellerOr404, sellersOf, sendDeclarationXlsx, thisMonth } from './http.js';
import {
  batchLabel,
  createPayoutBatch,
  listPayoutBatches,
  payoutBatch,
  transitionPayout,
} from './payouts.js';
import { PAYOUT_ACTIONS, reasonInput } from './routes-officer.js';
import { entryKind, payoutStatus, taxSupplyKind } from './schema.js';
import {
  balanceView,
  type SellerLine,
  type SellerStatement,
  sellerStatement,
  withholdingRows,
} from './statements.js';

const dong = z
  .string()
  .regex(/^-?\d+$/)
  .describe('Whole đồng, as a decimal string');
const s = (v: bigint) => v.toString();

const batch = z.object({
  id: z.string(),
  number: z.string().describe('CT-000012'),
  status: z.enum(payoutStatus.enumValues),
  total: dong,
  sellerCount: z.number().int(),
  createdAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
});
type BatchRow = Awaited<ReturnType<typeof listPayoutBatches>>[number];
const presentBatch = (b: BatchRow) => ({
  id: b.id,
  number: batchLabel(b.number),
  status: b.status,
  total: s(b.total),
  sellerCount: b.sellerCount,
  createdAt: b.createdAt.toISOString(),
  paidAt: b.paidAt?.toISOString() ?? null,
});

const line = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  kind: z.enum(entryKind.enumValues),
  memo: z.string(),
  orderId: z.string().nullable(),
  gross: dong,
  fee: dong,
  vat: dong,
  pit: dong,
  change: dong.describe("Change to the seller's available balance"),
});
const presentLine = (l: SellerLine) => ({
  ...l,
  at: l.at.toISOString(),
  gross: s(l.gross),
  fee: s(l.fee),
  vat: s(l.vat),
  pit: s(l.pit),
  change: s(l.change),
});

const withholding = z.object({
  sellerId: z.string(),
  supplyKind: z.enum(taxSupplyKind.enumValues),
  vatBp: z.number().int().describe('Basis points: 100 = 1 %'),
  pitBp: z.number().int(),
  revenue: dong,
  vat: dong,
  pit: dong,
  revenueOffset: dong.describe('Revenue of orders reversed in the month'),
  vatOffset: dong,
  pitOffset: dong,
});
const presentWithholding = (r: Awaited<ReturnType<typeof withholdingRows>>[number]) => ({
  ...r,
  revenue: s(r.revenue),
  vat: s(r.vat),
  pit: s(r.pit),
  revenueOffset: s(r.revenueOffset),
  vatOffset: s(r.vatOffset),
  pitOffset: s(r.pitOffset),
});

const statement = z.object({
  sellerId: z.string(),
  month: z.string(),
  openingBalance: dong,
  closingBalance: dong,
  lines: z.array(line),
  withholding: z.array(withholding),
});
const presentStatement = (sellerId: string, st: SellerStatement) => ({
  sellerId,
  month: st.month,
  openingBalance: s(st.openingBalance),
  closingBalance: s(st.closingBalance),
  lines: st.lines.map(presentLine),
  withholding: st.withholding.map(presentWithholding),
});

/** JSON twins of the payout, withholding and balance pages (bearer tokens: `read`, `officer:write` to act). */
export function ledgerApiRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const security = [{ bearer: [] }];
  const officer = { tags: ['officer'], security };
  const idParams = z.object({ id: z.string() });
  const monthQuery = z.object({ month: monthParam });

  r.get(
    '/api/v1/officer/payouts',
    {
      schema: {
        ...officer,
        summary: 'Payout batches, newest first',
        response: { 200: z.object({ items: z.array(batch) }) },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      return { items: (await listPayoutBatches(db)).map(presentBatch) };
    },
  );

  r.post(
    '/api/v1/officer/payouts',
    {
      schema: {
        ...officer,
        summary: 'Make a batch of every seller with a positive available balance and a bank account',
        body: z.object({ reason: z.string().max(500).optional() }).optional(),
        response: { 201: z.object({ id: z.string(), number: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = officerOnly(req, reply, 'officer:write');
      const made = await createPayoutBatch(db, { actor, reason: req.body?.reason, ip: req.ip });
      return reply.code(201).send({ id: made.id, number: batchLabel(made.number) });
    },
  );

  const item = z.object({
    sellerId: z.string(),
    amount: dong,
    bankBin: z.string(),
    bankAccountNo: z.string(),
    bankAccountName: z.string(),
    memo: z.string(),
  });
  r.get(
    '/api/v1/officer/payouts/:id',
    {
      schema: {
        ...officer,
        summary: 'One payout batch with its sellers and history',
        params: idParams,
        response: {
          200: batch.extend({
            items: z.array(item),
            history: z.array(
              z.object({
                at: z.iso.datetime(),
                from: z.string().nullable(),
                to: z.string(),
                reason: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      const v = await payoutBatch(db, req.params.id);
      return {
        ...presentBatch(v.batch),
        items: v.items.map((i) => ({ ...i, amount: s(i.amount) })),
        history: v.history.map((h) => ({
          at: h.at.toISOString(),
          from: h.fromStatus,
          to: h.toStatus,
          reason: h.reason,
        })),
      };
    },
  );

  r.get(
    '/api/v1/officer/payouts/:id/transfer-file',
    { schema: { ...officer, summary: 'The bank transfer file of a batch (XLSX)', params: idParams } },
    async (req, reply) => {
      officerOnly(req, reply);
      const v = await payoutBatch(db, req.params.id);
      return sendXlsx(reply, `chi-tra-${batchLabel(v.batch.number)}.xlsx`, await payoutWorkbook(v, req.t));
    },
  );

  r.post(
    '/api/v1/officer/payouts/:id/transitions',
    {
      schema: {
        ...officer,
        summary:
          'Mark a batch paid (the bank made the transfers) or cancel it (the money goes back to the sellers)',
        params: idParams,
        body: z.object({ action: z.enum(PAYOUT_ACTIONS), reason: z.string().max(500) }),
        response: { 200: z.object({ id: z.string(), status: z.enum(payoutStatus.enumValues) }) },
      },
    },
    async (req, reply) => {
      const actor = officerOnly(req, reply, 'officer:write');
      const { reason } = parseInput(reasonInput, req.body);
      const to = await transitionPayout(db, {
        batchId: req.params.id,
        action: req.body.action,
        actor,
        reason,
        ip: req.ip,
      });
      return { id: req.params.id, status: to };
    },
  );

  const sellerInfo = z.object({
    shopName: z.string(),
    legalForm: z.string(),
    taxCode: z.string().nullable(),
    personalId: z.string().nullable(),
  });
  r.get(
    '/api/v1/officer/withholding',
    {
      schema: {
        ...officer,
        summary: "A month's VAT and PIT withheld for household and individual sellers (Decree 117/2025)",
        querystring: monthQuery,
        response: {
          200: z.object({
            month: z.string(),
            items: z.array(withholding.extend({ seller: sellerInfo.nullable() })),
          }),
        },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      const month = req.query.month ?? thisMonth();
      const rows = await withholdingRows(db, month);
      const sellers = await sellersOf(db, rows);
      return {
        month,
        items: rows.map((row) => {
          const x = sellers.get(row.sellerId);
          return {
            ...presentWithholding(row),
            seller: x
              ? {
                  shopName: x.shopName,
                  legalForm: x.legalForm,
                  taxCode: x.taxCode,
                  personalId: x.repCitizenId,
                }
              : null,
          };
        }),
      };
    },
  );

  r.get(
    '/api/v1/officer/withholding.xlsx',
    {
      schema: {
        ...officer,
        summary: 'The month’s withholding declaration data (XLSX)',
        querystring: monthQuery,
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      return sendDeclarationXlsx(db, req, reply, req.query.month ?? thisMonth());
    },
  );

  r.get(
    '/api/v1/officer/withholding/:id',
    {
      schema: {
        ...officer,
        summary: "One seller's statement of a month",
        params: idParams,
        querystring: monthQuery,
        response: { 200: statement },
      },
    },
    async (req, reply) => {
      officerOnly(req, reply);
      const seller = await sellerOr404(db, req.params.id);
      return presentStatement(
        seller.id,
        await sellerStatement(db, seller.id, req.query.month ?? thisMonth()),
      );
    },
  );

  const sellerSide = { tags: ['seller'], security };
  const shop = z.string().optional().describe('Shop id; the first of the user’s shops when omitted');
  r.get(
    '/api/v1/seller/balance',
    {
      schema: {
        ...sellerSide,
        summary:
          "The shop's balance: payable, receivable (fees of cash-on-delivery orders), available, held in escrow; and its history",
        querystring: z.object({ shop, page: z.coerce.number().int().min(1).default(1) }),
        response: {
          200: z.object({
            sellerId: z.string(),
            payable: dong,
            receivable: dong,
            available: dong,
            escrow: dong,
            history: z.object({
              items: z.array(line),
              total: z.number().int(),
              page: z.number().int(),
              pageSize: z.number().int(),
              pages: z.number().int(),
            }),
          }),
        },
      },
    },
    async (req, reply) => {
      const actor = memberOnly(req, reply);
      const { seller } = await memberShops(db, actor.id, req.query.shop);
      if (!seller) throw notFound();
      const b = await balanceView(db, seller.id, req.query.page);
      return {
        sellerId: seller.id,
        payable: s(b.payable),
        receivable: s(b.receivable),
        available: s(b.available),
        escrow: s(b.escrow),
        history: { ...b.history, items: b.history.items.map(presentLine) },
      };
    },
  );

  r.get(
    '/api/v1/seller/statement',
    {
      schema: {
        ...sellerSide,
        summary: "The shop's statement of a month: opening and closing balance, entries, withholding",
        querystring: z.object({ shop, month: monthParam }),
        response: { 200: statement },
      },
    },
    async (req, reply) => {
      const actor = memberOnly(req, reply);
      const { seller } = await memberShops(db, actor.id, req.query.shop);
      if (!seller) throw notFound();
      return presentStatement(
        seller.id,
        await sellerStatement(db, seller.id, req.query.month ?? thisMonth()),
      );
    },
  );
}
