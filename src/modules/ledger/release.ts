import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../platform/db/pool.js';
import { AppError } from '../../platform/http/errors.js';
import type { OrderSnapshot } from '../orders/events.js';
import { type AccountCode, credit, debit, lockBalance, minAmount, post, roundHalfUp } from './journal.js';
import { ledgerAccounts, ledgerEntries, ledgerPostings, ledgerWithholdings } from './schema.js';
import { ratesOn, type TaxKind, withholdings } from './tax.js';

interface Tax {
  revenue: bigint;
  vat: bigint;
  pit: bigint;
}

let configuredFeePercent: number | undefined;

/** The platform fee of the running app (PLATFORM_FEE_PERCENT); set when the module is registered. */
export function configureLedger(c: { feePercent: number }) {
  configuredFeePercent = c.feePercent;
}

/** The fee on `amount` in whole đồng, half rounded up; the percent may have two decimals (2.5). */
function feeOn(amount: bigint, feePercent = configuredFeePercent): bigint {
  if (feePercent === undefined) throw new Error('ledger: the platform fee is not configured');
  return roundHalfUp(amount * BigInt(Math.round(feePercent * 100)), 10_000n);
}

export interface CompletionInput {
  order: OrderSnapshot;
  completedAt: Date;
  /** The fee to apply; the app's PLATFORM_FEE_PERCENT when omitted. */
  feePercent?: number;
}

/**
 * An order paid online is completed: its escrow goes to the seller's payable balance, less
 * the platform fee and, for household and individual sellers, the VAT and PIT withheld at the
 * rates in force on `completedAt` (Decree 117/2025/NĐ-CP). Once per order; nothing when nothing
 * is held.
 */
export async function releaseEscrow(tx: Executor, p: CompletionInput): Promise<void> {
  const { order } = p;
  const held = await lockBalance(tx, 'escrow', order.orderId);
  if (held <= 0n) return;
  const fee = feeOn(held, p.feePercent);
  const withheld = withholdings(order, held, await ratesOn(tx, p.completedAt));
  const vat = withheld.reduce((s, w) => s + w.vat, 0n);
  const pit = withheld.reduce((s, w) => s + w.pit, 0n);
  const entryId = await post(tx, {
    kind: 'release',
    reference: order.orderId,
    orderId: order.orderId,
    sellerId: order.seller.sellerId,
    memo: order.code,
    at: p.completedAt,
    lines: [
      debit('escrow', held, order.orderId),
      credit('seller_payable', held - fee - vat - pit, order.seller.sellerId),
      credit('platform_fee', fee),
      credit('tax_vat_payable', vat),
      credit('tax_pit_payable', pit),
    ],
  });
  if (!entryId || !withheld.length) return;
  await tx.insert(ledgerWithholdings).values(
    withheld.map((w) => ({
      entryId,
      orderId: order.orderId,
      sellerId: order.seller.sellerId,
      supplyKind: w.kind,
      revenue: w.revenue,
      vat: w.vat,
      pit: w.pit,
      vatBp: w.vatBp,
      pitBp: w.pitBp,
      at: p.completedAt,
    })),
  );
}

/**
 * A cash-on-delivery order is completed: the money never passed through the platform, so
 * nothing is withheld, and the fee becomes what the seller owes (offset against its payouts).
 */
export async function recordCodCompleted(tx: Executor, p: CompletionInput): Promise<void> {
  const fee = feeOn(BigInt(p.order.total), p.feePercent);
  await post(tx, {
    kind: 'cod_fee',
    reference: p.order.orderId,
    orderId: p.order.orderId,
    sellerId: p.order.seller.sellerId,
    memo: p.order.code,
    at: p.completedAt,
    lines: [debit('seller_receivable', fee, p.order.seller.sellerId), credit('platform_fee', fee)],
  });
}

/** What the release of an order and its reversals so far moved, per account and per kind of withholding. */
async function releasedSoFar(tx: Executor, orderId: string) {
  const rows = await tx
    .select({
      kind: ledgerEntries.kind,
      entryId: ledgerEntries.id,
      code: ledgerAccounts.code,
      amount: sql<bigint>`sum(${ledgerPostings.amount})`.mapWith(BigInt),
    })
    .from(ledgerEntries)
    .innerJoin(ledgerPostings, eq(ledgerPostings.entryId, ledgerEntries.id))
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerPostings.accountId))
    .where(
      and(eq(ledgerEntries.orderId, orderId), inArray(ledgerEntries.kind, ['release', 'release_reversal'])),
    )
    .groupBy(ledgerEntries.kind, ledgerEntries.id, ledgerAccounts.code);
  const released = new Map<AccountCode, bigint>();
  const reversed = new Map<AccountCode, bigint>();
  let releaseId: string | undefined;
  for (const r of rows) {
    const into = r.kind === 'release' ? released : reversed;
    if (r.kind === 'release') releaseId = r.entryId;
    into.set(r.code, (into.get(r.code) ?? 0n) + (r.amount < 0n ? -r.amount : r.amount));
  }
  const taxRows = await tx.select().from(ledgerWithholdings).where(eq(ledgerWithholdings.orderId, orderId));
  return { releaseId, released, reversed, taxRows };
}

/**
 * After a release, `amount` goes back to the buyer (refund payable), taken from the seller's
 * payable balance, the fee and the withheld taxes in the shares the release gave them. Each
 * share is computed on the running total reversed (rounded half up), so that reversing the
 * whole order gives back exactly what the release moved. The seller's part comes out of its
 * payable balance, and what that balance lacks (already paid out) becomes a receivable. The
 * taxes are offset in the period of `at`.
 */
export async function reverseRelease(
  tx: Executor,
  p: { order: OrderSnapshot; amount: bigint; at: Date; reason: string; reference?: string },
): Promise<void> {
  const { order } = p;
  if (p.amount <= 0n) throw new Error(`ledger: a reversal must be a positive amount, got ${p.amount}`);
  // The escrow row serialises everything that moves this order's money.
  await lockBalance(tx, 'escrow', order.orderId);
  const { releaseId, released, reversed, taxRows } = await releasedSoFar(tx, order.orderId);
  if (!releaseId) throw new AppError(409, 'ledger_not_released', 'ledger.not_released');
  const gross = released.get('escrow') ?? 0n;
  const before = reversed.get('refund_payable') ?? 0n;
  if (before + p.amount > gross)
    throw new AppError(409, 'ledger_reversal_exceeds', 'ledger.reversal_exceeds', {
      left: (gross - before).toString(),
    });
  const after = before + p.amount;
  const part = (code: AccountCode) =>
    roundHalfUp(after * (released.get(code) ?? 0n), gross) - (reversed.get(code) ?? 0n);
  const fee = part('platform_fee');

  // Per kind of supply: what the release withheld, less what reversals already offset.
  const offsets = new Map<TaxKind, Tax & { vatBp: number; pitBp: number }>();
  for (const r of taxRows) {
    const o = offsets.get(r.supplyKind) ?? { revenue: 0n, vat: 0n, pit: 0n, vatBp: r.vatBp, pitBp: r.pitBp };
    const released = r.entryId === releaseId;
    const share = (v: bigint) => (released ? roundHalfUp(after * v, gross) : v);
    o.revenue += share(r.revenue);
    o.vat += share(r.vat);
    o.pit += share(r.pit);
    offsets.set(r.supplyKind, o);
  }
  const vat = [...offsets.values()].reduce((s, o) => s + o.vat, 0n);
  const pit = [...offsets.values()].reduce((s, o) => s + o.pit, 0n);
  const seller = p.amount - fee - vat - pit;
  const payable = await lockBalance(tx, 'seller_payable', order.seller.sellerId);
  const fromPayable = minAmount(seller, payable);
  const entryId = await post(tx, {
    kind: 'release_reversal',
    reference: p.reference ?? uuidv7(),
    orderId: order.orderId,
    sellerId: order.seller.sellerId,
    memo: `${order.code}: ${p.reason}`,
    reversesEntryId: releaseId,
    at: p.at,
    lines: [
      debit('seller_payable', fromPayable, order.seller.sellerId),
      debit('seller_receivable', seller - fromPayable, order.seller.sellerId),
      debit('platform_fee', fee),
      debit('tax_vat_payable', vat),
      debit('tax_pit_payable', pit),
      credit('refund_payable', p.amount, order.orderId),
    ],
  });
  if (!entryId) return;
  const rows = [...offsets]
    .filter(([, o]) => o.revenue !== 0n || o.vat !== 0n || o.pit !== 0n)
    .map(([kind, o]) => ({
      entryId,
      orderId: order.orderId,
      sellerId: order.seller.sellerId,
      supplyKind: kind,
      revenue: -o.revenue,
      vat: -o.vat,
      pit: -o.pit,
      vatBp: o.vatBp,
      pitBp: o.pitBp,
      at: p.at,
    }));
  if (rows.length) await tx.insert(ledgerWithholdings).values(rows);
}
