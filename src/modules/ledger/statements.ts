import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import { sellerBalance } from './escrow.js';
import type { EntryKind } from './journal.js';
import type { TaxKind } from './tax.js';

/** A calendar month of Viet Nam ("2026-11") as the instants it spans. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: new Date(`${month}-01T00:00:00+07:00`), to: new Date(`${next}-01T00:00:00+07:00`) };
}

/**
 * One entry as a seller sees it: what it did to the available balance (`change`), and for
 * releases and their reversals the gross amount, the fee and the taxes withheld (negative
 * when given back).
 */
export interface SellerLine {
  id: string;
  at: Date;
  kind: EntryKind;
  memo: string;
  orderId: string | null;
  gross: bigint;
  fee: bigint;
  vat: bigint;
  pit: bigint;
  change: bigint;
}

const lineColumns = (sellerId: string) => sql`
  e.id, e.at, e.kind, e.memo, e.order_id AS "orderId",
  coalesce(sum(p.amount) FILTER (WHERE a.code = 'escrow'), 0)::bigint
    + coalesce(sum(p.amount) FILTER (WHERE a.code = 'refund_payable'), 0)::bigint AS gross,
  coalesce(-sum(p.amount) FILTER (WHERE a.code = 'platform_fee'), 0)::bigint AS fee,
  coalesce(-sum(p.amount) FILTER (WHERE a.code = 'tax_vat_payable'), 0)::bigint AS vat,
  coalesce(-sum(p.amount) FILTER (WHERE a.code = 'tax_pit_payable'), 0)::bigint AS pit,
  coalesce(-sum(p.amount) FILTER (
    WHERE a.code IN ('seller_payable', 'seller_receivable') AND a.subject_id = ${sellerId}), 0)::bigint AS change`;

/** Entries that touched the seller's payable or receivable balance, optionally within [from, to). */
const mine = (sellerId: string, from?: Date, to?: Date) => sql`
  SELECT DISTINCT p.entry_id FROM ledger_postings p
  JOIN ledger_accounts a ON a.id = p.account_id
  JOIN ledger_entries e ON e.id = p.entry_id
  WHERE a.subject_id = ${sellerId} AND a.code IN ('seller_payable', 'seller_receivable')
  ${from ? sql`AND e.at >= ${from}` : sql``} ${to ? sql`AND e.at < ${to}` : sql``}`;

/** The seller's entries, newest first, a page at a time. */
export async function sellerHistory(db: Executor, sellerId: string, page = 1, pageSize = 50) {
  const [{ n }] = (await db.execute(sql`SELECT count(*)::int AS n FROM (${mine(sellerId)}) m`)).rows as {
    n: number;
  }[];
  const rows = await db.execute(sql`
    SELECT ${lineColumns(sellerId)}
    FROM (${mine(sellerId)}) m
    JOIN ledger_entries e ON e.id = m.entry_id
    JOIN ledger_postings p ON p.entry_id = e.id
    JOIN ledger_accounts a ON a.id = p.account_id
    GROUP BY e.id ORDER BY e.at DESC, e.id DESC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  return {
    items: rows.rows.map(asLine),
    total: n!,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(n! / pageSize)),
  };
}

function asLine(r: Record<string, unknown>): SellerLine {
  return { ...(r as unknown as SellerLine), at: new Date(r.at as string) };
}

/** Money paid for the seller's orders and still held until they are completed. */
export async function sellerEscrow(db: Executor, sellerId: string): Promise<bigint> {
  const r = await db.execute(sql`
    SELECT coalesce(sum(a.balance), 0)::bigint AS held FROM ledger_accounts a
    WHERE a.code = 'escrow' AND a.subject_id IN (
      SELECT order_id FROM ledger_entries
      WHERE seller_id = ${sellerId} AND kind IN ('payment', 'suspense_allocation'))`);
  return (r.rows[0] as { held: bigint }).held;
}

/** What was withheld, by seller, kind of supply and rate, in a month: withheld, and offset by reversals. */
export interface WithholdingRow {
  sellerId: string;
  supplyKind: TaxKind;
  vatBp: number;
  pitBp: number;
  revenue: bigint;
  vat: bigint;
  pit: bigint;
  revenueOffset: bigint;
  vatOffset: bigint;
  pitOffset: bigint;
}

export async function withholdingRows(
  db: Executor,
  month: string,
  sellerId?: string,
): Promise<WithholdingRow[]> {
  const { from, to } = monthRange(month);
  const r = await db.execute(sql`
    SELECT w.seller_id AS "sellerId", w.supply_kind AS "supplyKind", w.vat_bp AS "vatBp", w.pit_bp AS "pitBp",
      coalesce(sum(w.revenue) FILTER (WHERE e.kind = 'release'), 0)::bigint AS revenue,
      coalesce(sum(w.vat) FILTER (WHERE e.kind = 'release'), 0)::bigint AS vat,
      coalesce(sum(w.pit) FILTER (WHERE e.kind = 'release'), 0)::bigint AS pit,
      coalesce(-sum(w.revenue) FILTER (WHERE e.kind <> 'release'), 0)::bigint AS "revenueOffset",
      coalesce(-sum(w.vat) FILTER (WHERE e.kind <> 'release'), 0)::bigint AS "vatOffset",
      coalesce(-sum(w.pit) FILTER (WHERE e.kind <> 'release'), 0)::bigint AS "pitOffset"
    FROM ledger_withholdings w JOIN ledger_entries e ON e.id = w.entry_id
    WHERE w.at >= ${from} AND w.at < ${to} ${sellerId ? sql`AND w.seller_id = ${sellerId}` : sql``}
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
  return r.rows as unknown as WithholdingRow[];
}

/** A seller's month: its balance at the start, every entry in the month, its balance at the end, the withholding. */
export async function sellerStatement(db: Executor, sellerId: string, month: string) {
  const { from, to } = monthRange(month);
  const opening = await db.execute(sql`
    SELECT coalesce(-sum(p.amount), 0)::bigint AS v FROM ledger_postings p
    JOIN ledger_accounts a ON a.id = p.account_id JOIN ledger_entries e ON e.id = p.entry_id
    WHERE a.subject_id = ${sellerId} AND a.code IN ('seller_payable', 'seller_receivable') AND e.at < ${from}`);
  const rows = await db.execute(sql`
    SELECT ${lineColumns(sellerId)}
    FROM (${mine(sellerId, from, to)}) m
    JOIN ledger_entries e ON e.id = m.entry_id
    JOIN ledger_postings p ON p.entry_id = e.id
    JOIN ledger_accounts a ON a.id = p.account_id
    GROUP BY e.id ORDER BY e.at, e.id`);
  const lines = rows.rows.map(asLine);
  const openingBalance = (opening.rows[0] as { v: bigint }).v;
  return {
    month,
    openingBalance,
    lines,
    closingBalance: lines.reduce((s, l) => s + l.change, openingBalance),
    withholding: await withholdingRows(db, month, sellerId),
  };
}
export type SellerStatement = Awaited<ReturnType<typeof sellerStatement>>;

/** What the seller centre shows: balances, money still held for its orders, and a page of history. */
export async function balanceView(db: Executor, sellerId: string, page = 1) {
  return {
    ...(await sellerBalance(db, sellerId)),
    escrow: await sellerEscrow(db, sellerId),
    history: await sellerHistory(db, sellerId, page),
  };
}
export type BalanceView = Awaited<ReturnType<typeof balanceView>>;
