import { vietnamDay } from '../../platform/http/i18n.js';

/** OCOP certificate dates (Decision 148/QĐ-TTg: a certificate is valid for 36 months). */
const VALIDITY_MONTHS = 36;

/** A calendar day typed as yyyy-mm-dd or dd/mm/yyyy, as yyyy-mm-dd; null when it is no real day. */
export function parseDay(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (!m) return null;
  const [y, mo, d] = raw.includes('/') ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Last day of validity: the day before the same date 36 months after issue (as the seller registry counts). */
export function ocopExpiresOn(issuedOn: string): string {
  const [y, m, d] = issuedOn.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + VALIDITY_MONTHS, d - 1)).toISOString().slice(0, 10);
}

/** The stars a product may show publicly: none once its certificate has expired. */
export function validOcopStars(
  p: { ocopStars: number | null; ocopExpiresOn: string | null },
  today = vietnamDay(),
): number | null {
  return p.ocopStars && p.ocopExpiresOn && p.ocopExpiresOn >= today ? p.ocopStars : null;
}
