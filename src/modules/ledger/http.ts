import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../platform/db/columns.js';
import type { Executor } from '../../platform/db/pool.js';
import { type Actor, requireActor, requireScope } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import { vietnamDay } from '../../platform/http/i18n.js';
import { sendXlsx } from '../../web/xlsx.js';
import { getSeller, type Seller } from '../sellers/index.js';
import { declarationWorkbook, statementWorkbook } from './exports.js';
import { sellerStatement, type WithholdingRow, withholdingRows } from './statements.js';

/** A signed-in member of some shop (any role: shops belong to accounts); a token needs `read`. */
export function memberOnly(req: FastifyRequest, reply: FastifyReply): Actor {
  const actor = requireActor(req);
  requireScope(actor, 'read');
  reply.header('cache-control', 'private, no-store');
  return actor;
}

/** "2026-11": a calendar month; the current one in Viet Nam when not given. */
export const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .optional()
  .describe('Calendar month, yyyy-mm (Asia/Ho_Chi_Minh); the current month when omitted');
export const thisMonth = () => vietnamDay().slice(0, 7);

/** The sellers named in withholding rows, read once each. */
export async function sellersOf(db: Executor, rows: WithholdingRow[]): Promise<Map<string, Seller>> {
  const out = new Map<string, Seller>();
  for (const id of new Set(rows.map((r) => r.sellerId))) {
    const s = await getSeller(db, id);
    if (s) out.set(id, s);
  }
  return out;
}

export async function sellerOr404(db: Executor, id: string): Promise<Seller> {
  const s = isUuid(id) ? await getSeller(db, id) : undefined;
  if (!s) throw notFound();
  return s;
}

/** A seller's statement of `month` as a spreadsheet download, sao-ke-<shop>-<month>.xlsx. */
export async function sendStatementXlsx(
  db: Executor,
  req: FastifyRequest,
  reply: FastifyReply,
  seller: Seller,
  month: string,
) {
  const statement = await sellerStatement(db, seller.id, month);
  const xlsx = await statementWorkbook(statement, seller, req.t, req.locale);
  return sendXlsx(reply, `sao-ke-${seller.slug}-${statement.month}.xlsx`, xlsx);
}

/** The month's withholding declaration data as a spreadsheet download, khau-tru-thue-<month>.xlsx. */
export async function sendDeclarationXlsx(
  db: Executor,
  req: FastifyRequest,
  reply: FastifyReply,
  month: string,
) {
  const rows = await withholdingRows(db, month);
  const xlsx = await declarationWorkbook(month, rows, await sellersOf(db, rows), req.t);
  return sendXlsx(reply, `khau-tru-thue-${month}.xlsx`, xlsx);
}
