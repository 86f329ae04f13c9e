import QRCode from 'qrcode';
import { Banks } from 'vietnam-qr-pay';

/**
 * VietQR (NAPAS) payloads: EMVCo Merchant-Presented QR with the transfer's beneficiary in
 * tag 38. Written here against the specification so that every field is ours to check;
 * the tests decode it with an independent reader as well.
 */

/** NAPAS's application identifier in tag 38/00. */
export const VIETQR_GUID = 'A000000727';
/** Fast transfer to an account number (QRIBFTTC would be to a card). */
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA';

export interface VietQrFields {
  bankBin: string;
  accountNo: string;
  /** Whole đồng; null: the payer types the amount (a static code). */
  amount: bigint | null;
  /** What the transfer's memo will say: the order code. */
  purpose: string;
}

export interface DecodedVietQr extends VietQrFields {
  /** 11 static, 12 dynamic (a code for one payment, with its amount). */
  initMethod: string;
  guid: string;
  service: string;
  currency: string;
  country: string;
  crc: string;
}

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), four upper-case hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** One data object: two-digit id, two-digit length, value (printable ASCII only, as banks' readers expect). */
function tlv(id: string, value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`VietQR field ${id}: only printable ASCII is allowed`);
  if (value.length > 99) throw new Error(`VietQR field ${id}: longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** The payload a banking app reads: transfer `amount` to the account, with `purpose` as the memo. */
export function buildVietQr(f: VietQrFields): string {
  if (!/^\d{6}$/.test(f.bankBin)) throw new Error('VietQR: the bank BIN has six digits');
  if (!/^[0-9A-Za-z]{1,19}$/.test(f.accountNo))
    throw new Error('VietQR: the account number has 1 to 19 letters or digits');
  if (f.amount !== null && (f.amount <= 0n || f.amount.toString().length > 13))
    throw new Error('VietQR: the amount is a positive whole number of at most 13 digits');
  const beneficiary = tlv('00', f.bankBin) + tlv('01', f.accountNo);
  const body =
    tlv('00', '01') +
    tlv('01', f.amount === null ? '11' : '12') +
    tlv('38', tlv('00', VIETQR_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_TO_ACCOUNT)) +
    tlv('53', '704') +
    (f.amount === null ? '' : tlv('54', f.amount.toString())) +
    tlv('58', 'VN') +
    (f.purpose ? tlv('62', tlv('08', f.purpose)) : '') +
    '6304';
  return body + crc16(body);
}

export class VietQrError extends Error {}

/** Splits a run of data objects into id -> value; throws on a length that runs past the end. */
function readTlv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const len = Number(text.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(text.slice(i + 2, i + 4)) || i + 4 + len > text.length)
      throw new VietQrError(`malformed data object at ${i}`);
    out.set(id, text.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

/** Reads a payload back; throws VietQrError when its CRC or structure is wrong. */
export function parseVietQr(payload: string): DecodedVietQr {
  const m = /^(.*6304)([0-9A-F]{4})$/s.exec(payload);
  if (!m) throw new VietQrError('no CRC at the end');
  if (crc16(m[1]!) !== m[2]) throw new VietQrError('CRC does not match');
  const root = readTlv(payload);
  const merchant = readTlv(root.get('38') ?? '');
  const beneficiary = readTlv(merchant.get('01') ?? '');
  const extra = readTlv(root.get('62') ?? '');
  const amount = root.get('54');
  if (amount !== undefined && !/^\d+$/.test(amount)) throw new VietQrError('amount is not whole đồng');
  return {
    initMethod: root.get('01') ?? '',
    guid: merchant.get('00') ?? '',
    bankBin: beneficiary.get('00') ?? '',
    accountNo: beneficiary.get('01') ?? '',
    service: merchant.get('02') ?? '',
    currency: root.get('53') ?? '',
    amount: amount === undefined ? null : BigInt(amount),
    country: root.get('58') ?? '',
    purpose: extra.get('08') ?? '',
    crc: m[2]!,
  };
}

/** The QR code of a payload as an SVG image (error correction M: survives a scratched screen). */
export function qrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The bank's short name for a NAPAS BIN ("Vietcombank"), or the BIN when unknown. */
export function bankName(bin: string): string {
  return Banks.find((b) => b.bin === bin)?.shortName ?? bin;
}
