import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The VNPAY payment gateway protocol, version 2.1.0: parameters named `vnp_*`, sorted by
 * name, URL-encoded (spaces as `+`), joined as a query string and signed with HMAC-SHA512 of
 * the merchant's secret (`vnp_SecureHash`). Amounts are đồng × 100. Times are Vietnam time
 * written yyyyMMddHHmmss.
 */

export const VNPAY_VERSION = '2.1.0';

export type VnpParams = Record<string, string>;

/**
 * VNPAY's encoding of a name or value, as its gateway (Java's URLEncoder) does it: letters,
 * digits and `.-*_` stay, a space becomes `+`, everything else is %XX of its UTF-8 bytes.
 */
const encode = (v: string) =>
  encodeURIComponent(v)
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The signed string: every vnp_ parameter but the hash itself, sorted, encoded, joined. */
export function signData(params: VnpParams): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType')
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k]!)}`)
    .join('&');
}

export const vnpHash = (secret: string, params: VnpParams) =>
  createHmac('sha512', secret).update(signData(params), 'utf8').digest('hex');

/** The parameters with their signature added. */
export function signParams(secret: string, params: VnpParams): VnpParams {
  return { ...params, vnp_SecureHash: vnpHash(secret, params) };
}

/** Whether the parameters carry a valid signature (compared in constant time). */
export function verifyParams(secret: string, params: VnpParams): boolean {
  const given = params.vnp_SecureHash;
  if (!given || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  return timingSafeEqual(
    Buffer.from(given.toLowerCase(), 'hex'),
    Buffer.from(vnpHash(secret, params), 'hex'),
  );
}

/** A URL with the signed parameters as its query string, in the order VNPAY signs them. */
export function signedUrl(base: string, secret: string, params: VnpParams): string {
  return `${base}?${signData(params)}&vnp_SecureHash=${vnpHash(secret, params)}`;
}

/** yyyyMMddHHmmss in Vietnam time (UTC+7, no daylight saving). */
export function vnpDate(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** The instant a VNPAY date names, or null when it is not one. */
export function parseVnpDate(s: string | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s ?? '');
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The merchant's reference of one payment attempt: the order code and a suffix, since VNPAY
 * refuses a reference used before the same day and a buyer may try again after a failure.
 */
export const txnRef = (orderCode: string) => `${orderCode}-${randomBytes(3).toString('hex').toUpperCase()}`;
export const orderCodeOfTxnRef = (ref: string) => ref.split('-')[0] ?? '';

export interface PayRequest {
  tmnCode: string;
  amount: bigint;
  orderCode: string;
  orderInfo: string;
  returnUrl: string;
  clientIp: string;
  locale: 'vi' | 'en';
  now: Date;
  expireAt: Date;
}

/** The `pay` command's parameters (unsigned). */
export function payParams(r: PayRequest): VnpParams {
  return {
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'pay',
    vnp_TmnCode: r.tmnCode,
    vnp_Amount: (r.amount * 100n).toString(),
    vnp_CurrCode: 'VND',
    vnp_TxnRef: txnRef(r.orderCode),
    vnp_OrderInfo: r.orderInfo,
    vnp_OrderType: 'other',
    vnp_Locale: r.locale === 'en' ? 'en' : 'vn',
    vnp_ReturnUrl: r.returnUrl,
    vnp_IpAddr: r.clientIp,
    vnp_CreateDate: vnpDate(r.now),
    vnp_ExpireDate: vnpDate(r.expireAt),
  };
}

/** The merchant's answers to an IPN call, as VNPAY defines them. */
export const IPN = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  notFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  other: { RspCode: '99', Message: 'Unknown error' },
} as const;
export type IpnAnswer = (typeof IPN)[keyof typeof IPN];

/** Whether the gateway says the money was taken (both the response and the transaction status are 00). */
export const vnpSucceeded = (p: VnpParams) => p.vnp_ResponseCode === '00' && p.vnp_TransactionStatus === '00';
