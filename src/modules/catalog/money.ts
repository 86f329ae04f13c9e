/** The highest price or stock figure accepted: far above any local product, and exact as a JS number. */
export const MAX_DONG = 999_999_999_999n;

/**
 * A whole number as Vietnamese sellers type it: "250000", "250.000", "250 000", "1.250.000 đ".
 * Groups of three digits separated by dots, commas or spaces; no decimals (the đồng has no
 * subunit). Answers a bigint, never a float, or null when it is not such a number.
 */
export function parseWholeNumber(raw: string): bigint | null {
  const s = raw
    .trim()
    .replace(/\s*(₫|đồng|đ|vnđ|vnd)$/i, '')
    .trim();
  if (/^\d+$/.test(s)) return BigInt(s);
  const grouped = /^\d{1,3}(?:([.,\s\u00a0\u202f])\d{3})(?:\1\d{3})*$/.exec(s);
  return grouped ? BigInt(s.replace(/\D/g, '')) : null;
}
