import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed into a transfer memo stays right. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "DH" and eight characters: 40 random bits, over a trillion codes. */
export const ORDER_CODE = /^DH[0-9A-HJKMNP-TV-Z]{8}$/;

/** A new order code; uniqueness is the orders table's index' business (the caller retries a clash). */
export function newOrderCode(bytes: Buffer = randomBytes(5)): string {
  let bits = 0n;
  for (const b of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 7; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `DH${out}`;
}
