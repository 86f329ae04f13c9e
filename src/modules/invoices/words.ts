/**
 * An amount of đồng in Vietnamese words, as an invoice writes its total (TgTTTBChu):
 * 1 250 000 -> "Một triệu hai trăm năm mươi nghìn đồng chẵn".
 *
 * Digits are read in groups of three (trăm, mươi, units) with the scale words nghìn, triệu,
 * tỷ, and tỷ again for every further nine digits (nghìn tỷ, triệu tỷ, tỷ tỷ). Inside a group:
 * - a zero ten before a unit reads "linh" (or "lẻ" in the south): 105 -> "một trăm linh năm";
 * - ten itself is "mười", other tens "mươi": 15 -> "mười lăm", 50 -> "năm mươi";
 * - after "mươi" a 1 is "mốt" and a 4 is "tư": 21 -> "hai mươi mốt", 24 -> "hai mươi tư";
 * - after "mười" or "mươi" a 5 is "lăm" (15, 25), but after "linh" it stays "năm" (105);
 * - a group after a larger one is read in full, its zero hundreds as "không trăm":
 *   1 005 000 -> "một triệu không trăm linh năm nghìn"; groups that are all zero are skipped.
 * Whole đồng carry "chẵn" (no hào or xu left over); a negative amount (an adjustment
 * invoice that lowers the original) starts with "Âm".
 */
const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

export interface WordsStyle {
  /** How a zero ten before a unit reads: "linh" (north, the default) or "lẻ" (south). */
  zeroTen?: 'linh' | 'lẻ';
}

function group(n: number, full: boolean, zeroTen: string): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const out: string[] = [];
  if (full || h > 0) out.push(digits[h], 'trăm');
  if (t === 0) {
    if (u > 0) out.push(...(out.length ? [zeroTen] : []), digits[u]);
    return out;
  }
  out.push(t === 1 ? 'mười' : `${digits[t]} mươi`);
  if (u === 1) out.push(t === 1 ? 'một' : 'mốt');
  else if (u === 4) out.push(t === 1 ? 'bốn' : 'tư');
  else if (u === 5) out.push('lăm');
  else if (u > 0) out.push(digits[u]);
  return out;
}

const BILLION = 1_000_000_000n;

/** The words of a positive number below 10^9, in front of nothing (`lead`) or after larger groups. */
function belowBillion(n: bigint, lead: boolean, zeroTen: string): string[] {
  const groups = [Number(n / 1_000_000n), Number((n / 1000n) % 1000n), Number(n % 1000n)];
  const scales = ['triệu', 'nghìn', ''];
  const out: string[] = [];
  groups.forEach((g, i) => {
    if (g === 0) return;
    out.push(...group(g, !(lead && out.length === 0), zeroTen));
    if (scales[i]) out.push(scales[i]);
  });
  return out;
}

/** A positive number in words; every nine digits above the first nine add one more "tỷ". */
function positive(n: bigint, lead: boolean, zeroTen: string): string[] {
  if (n < BILLION) return belowBillion(n, lead, zeroTen);
  const high = positive(n / BILLION, lead, zeroTen);
  const low = n % BILLION;
  return [...high, 'tỷ', ...(low > 0n ? belowBillion(low, false, zeroTen) : [])];
}

/** A whole number in Vietnamese words, lower case ("một trăm linh năm"). */
export function numberToWords(n: bigint, style: WordsStyle = {}): string {
  if (n === 0n) return digits[0];
  const words = positive(n < 0n ? -n : n, true, style.zeroTen ?? 'linh').join(' ');
  return n < 0n ? `âm ${words}` : words;
}

/** An amount of đồng as an invoice writes it: capitalised, "đồng chẵn" at the end. */
export function amountInWords(dong: bigint, style: WordsStyle = {}): string {
  const words = `${numberToWords(dong, style)} đồng chẵn`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
