import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The VAT rate of a line on a VAT invoice, as the invoice format writes it (TSuat): a percentage,
 * KCT (not subject to VAT) or KKKNT (no VAT to declare and pay).
 */
export const vatRates = ['0%', '5%', '8%', '10%', 'KCT', 'KKKNT'] as const;
export type VatRate = (typeof vatRates)[number];

interface RateRow {
  category: string;
  rate: VatRate;
  from: string;
  to: string | null;
  reducible: boolean;
  basis: string;
}
interface Reduction {
  rate: VatRate;
  from: string;
  to: string;
  basis: string;
}

const file = path.resolve(import.meta.dirname, '../../../data/reference/vat-rates.json');
const data = JSON.parse(readFileSync(file, 'utf8')) as { rates: RateRow[]; reductions: Reduction[] };

/** The category code the seller's own delivery is rated under. */
export const SHIPPING_CATEGORY = 'shipping';

const inForce = (r: { from: string; to: string | null }, day: string) =>
  r.from <= day && (r.to === null || day <= r.to);

/**
 * The rate of a product category on a day (yyyy-mm-dd, Vietnam time): the leaf's own row, else
 * its top level's ("food.meat" -> "food"), else "other"; a reducible 10% pays the reduced rate
 * of a reduction in force that day. Throws when the data has no rate for that day.
 */
export function vatRateOn(category: string, day: string): { rate: VatRate; basis: string } {
  const candidates = [category, category.split('.')[0], 'other'];
  for (const code of candidates) {
    const row = data.rates.find((r) => r.category === code && inForce(r, day));
    if (!row) continue;
    const reduction = row.reducible ? data.reductions.find((r) => inForce(r, day)) : undefined;
    return reduction
      ? { rate: reduction.rate, basis: `${row.basis}; ${reduction.basis}` }
      : { rate: row.rate, basis: row.basis };
  }
  throw new Error(`no VAT rate for ${category} on ${day}`);
}

/** The percentage of a rate, or null for KCT and KKKNT (no tax computed). */
export function ratePercent(rate: VatRate): bigint | null {
  return rate.endsWith('%') ? BigInt(rate.slice(0, -1)) : null;
}
