import { and, desc, gte, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import { vietnamDay } from '../../platform/http/i18n.js';
import type { OrderSnapshot } from '../orders/events.js';
import { roundHalfUp } from './journal.js';
import { ledgerTaxRates, type taxSupplyKind } from './schema.js';

export type TaxKind = (typeof taxSupplyKind.enumValues)[number];
export interface Rate {
  vatBp: number;
  pitBp: number;
}

/** Household businesses and individuals are withheld; companies and cooperatives declare themselves. */
export const withheldForms: readonly string[] = ['household', 'individual'];

/**
 * The rates in force on a day (Viet Nam calendar), by kind of supply. A kind with no row that
 * day has nothing withheld: before 1 July 2025 platforms withheld nothing.
 */
export async function ratesOn(db: Executor, at: Date): Promise<Map<TaxKind, Rate>> {
  const day = vietnamDay(at);
  const rows = await db
    .select()
    .from(ledgerTaxRates)
    .where(
      and(
        lte(ledgerTaxRates.effectiveFrom, day),
        or(isNull(ledgerTaxRates.effectiveTo), gte(ledgerTaxRates.effectiveTo, day)),
      ),
    )
    .orderBy(desc(ledgerTaxRates.effectiveFrom));
  const rates = new Map<TaxKind, Rate>();
  // Overlapping rows: the one that started last wins.
  for (const r of rows)
    if (!rates.has(r.supplyKind)) rates.set(r.supplyKind, { vatBp: r.vatBp, pitBp: r.pitBp });
  return rates;
}

const known = new Set<string>(['goods', 'services', 'transport']);

/** What the buyer paid for, by kind of supply: the lines by their kind, the shipping fee as transport. */
export function amountsByKind(order: OrderSnapshot): Map<TaxKind, bigint> {
  const by = new Map<TaxKind, bigint>();
  const add = (k: TaxKind, a: bigint) => a > 0n && by.set(k, (by.get(k) ?? 0n) + a);
  for (const l of order.lines)
    add(known.has(l.supplyKind) ? (l.supplyKind as TaxKind) : 'unknown', BigInt(l.amount));
  add('transport', BigInt(order.shippingFee));
  return by;
}

/**
 * Shares `total` out in proportion to `weights`, in whole đồng that add up to `total`: each
 * share rounded down, what is left to the largest weight.
 */
export function share<K>(total: bigint, weights: Map<K, bigint>): Map<K, bigint> {
  const sum = [...weights.values()].reduce((s, w) => s + w, 0n);
  const out = new Map<K, bigint>();
  if (sum === 0n) return out;
  let left = total;
  let largest: K | undefined;
  for (const [k, w] of weights) {
    const part = (total * w) / sum;
    out.set(k, part);
    left -= part;
    if (largest === undefined || w > weights.get(largest)!) largest = k;
  }
  out.set(largest!, out.get(largest!)! + left);
  return out;
}

export interface Withholding {
  kind: TaxKind;
  revenue: bigint;
  vat: bigint;
  pit: bigint;
  vatBp: number;
  pitBp: number;
}

/**
 * VAT and PIT withheld on `paid` (what the platform received for the order), by kind of supply.
 * Rounding rule: each tax is rounded to whole đồng, half up, once per order and kind of supply
 * (revenue × rate ÷ 10,000). The declaration sums these rows, so its totals match the postings.
 */
export function withholdings(order: OrderSnapshot, paid: bigint, rates: Map<TaxKind, Rate>): Withholding[] {
  if (!withheldForms.includes(order.seller.legalForm)) return [];
  const revenue = share(paid, amountsByKind(order));
  return [...revenue].flatMap(([kind, r]) => {
    const rate = rates.get(kind);
    if (!rate || r === 0n) return [];
    return [
      {
        kind,
        revenue: r,
        vat: roundHalfUp(r * BigInt(rate.vatBp), 10_000n),
        pit: roundHalfUp(r * BigInt(rate.pitBp), 10_000n),
        vatBp: rate.vatBp,
        pitBp: rate.pitBp,
      },
    ];
  });
}
