import type { OrderLineSnapshot, OrderSnapshot, PaymentMethod } from '../orders/events.js';
import { ratePercent, SHIPPING_CATEGORY, type VatRate, vatRateOn } from './vat-rates.js';
import { amountInWords } from './words.js';

/**
 * The content of an invoice in the terms of the tax authority's e-invoice format (Decree
 * 123/2020/NĐ-CP, Circular 78/2021/TT-BTC, the technical standard of Decision 1450/QĐ-TCT as
 * updated): every field the XML (xml.ts), the page and the PDF show. Money is whole đồng as
 * decimal strings (the document is kept as JSON); a unit price may carry decimals.
 */
export type InvoiceForm = '1' | '2';

export interface InvoiceLine {
  /** STT */
  no: number;
  /** What the line is of (a variant, or the delivery): how an adjustment finds its line. */
  key: string;
  /** MHHDVu (the SKU), when the seller gave one. */
  code: string | null;
  /** THHDVu */
  name: string;
  /** DVTinh */
  unit: string;
  /** SLuong: negative on an adjustment that lowers the original. */
  quantity: number;
  /** DGia: before VAT on a VAT invoice. */
  unitPrice: string;
  /** ThTien: before VAT on a VAT invoice. */
  amount: string;
  /** TSuat: on VAT invoices only. */
  rate: VatRate | null;
  /** What the buyer pays for the line, tax included (not in the XML: how a return finds its value). */
  gross: string;
}

export interface RateTotal {
  rate: VatRate;
  /** ThTien of the rate's lines, before VAT. */
  amount: string;
  /** TThue */
  tax: string;
}

export interface Party {
  name: string;
  taxCode: string | null;
  address: string;
  phone: string | null;
  email: string | null;
}

export interface RelatedInvoice {
  /** TCHDon: 1 replacement, 2 adjustment. */
  nature: 1 | 2;
  form: InvoiceForm;
  symbol: string;
  number: number;
  issuedOn: string;
  note: string;
}

export interface InvoiceDocument {
  form: InvoiceForm;
  /** THDon */
  title: string;
  symbol: string;
  number: number;
  /** NLap, yyyy-mm-dd. */
  issuedOn: string;
  /** HTTToan */
  paymentMethod: string;
  related: RelatedInvoice | null;
  seller: Party;
  /** NMua; `contact` is HVTNMHang, the person who bought. */
  buyer: Party & { contact: string };
  lines: InvoiceLine[];
  /** THTTLTSuat: one row per rate (VAT invoices only). */
  byRate: RateTotal[];
  /** TgTCThue, TgTThue, TgTTTBSo (net + tax), TgTTTBChu. */
  net: string;
  tax: string;
  total: string;
  totalInWords: string;
  orderCode: string;
  lookupCode: string;
  lookupUrl: string;
}

/** What every new invoice needs besides its lines. */
export interface Header {
  form: InvoiceForm;
  symbol: string;
  number: number;
  issuedOn: string;
  lookupCode: string;
  lookupUrl: string;
}

/** A line before VAT is taken out of it: `gross` is what the buyer pays for it. */
export interface Item {
  key: string;
  code: string | null;
  name: string;
  unit: string;
  quantity: number;
  gross: bigint;
  rate: VatRate | null;
}

const titles: Record<InvoiceForm, string> = { '1': 'Hóa đơn giá trị gia tăng', '2': 'Hóa đơn bán hàng' };
const payments: Record<PaymentMethod, string> = {
  cod: 'Tiền mặt',
  vietqr: 'Chuyển khoản',
  vnpay: 'Thẻ, ví điện tử (VNPAY)',
};
/** HTTToan: how the buyer paid, in words. */
export const paymentLabel = (m: PaymentMethod) => payments[m];
export const SHIPPING_NAME = 'Phí vận chuyển';

/** Companies and cooperatives declare VAT by the credit method (form 1); households and individuals do not (form 2). */
export function formOf(legalForm: OrderSnapshot['seller']['legalForm']): InvoiceForm {
  return legalForm === 'company' || legalForm === 'cooperative' ? '1' : '2';
}

/** a / b rounded half away from zero. */
function divRound(a: bigint, b: bigint): bigint {
  const neg = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (2n * x + y) / (2n * y);
  return neg ? -q : q;
}

/** a / b as a decimal string with at most six places (the format's precision for a unit price). */
function decimal(a: bigint, b: number): string {
  const scaled = divRound(a * 1_000_000n, BigInt(b));
  const sign = scaled < 0n ? '-' : '';
  const abs = scaled < 0n ? -scaled : scaled;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${abs / 1_000_000n}${frac ? `.${frac}` : ''}`;
}

/** The part of a VAT-inclusive amount before VAT at `percent`. */
const netOf = (gross: bigint, percent: bigint | null) =>
  percent === null ? gross : divRound(gross * 100n, 100n + percent);

/**
 * Lines and totals from what the buyer pays: VAT is taken out of the prices per rate (the tax
 * of a rate is its lines' total minus their total before tax, so the invoice's total is exactly
 * what was paid); a line's net is rounded, and the rate's largest line absorbs the rounding.
 */
export function compose(items: Item[]): Pick<InvoiceDocument, 'lines' | 'byRate' | 'net' | 'tax' | 'total'> {
  const nets = items.map((i) => netOf(i.gross, i.rate ? ratePercent(i.rate) : null));
  const byRate: RateTotal[] = [];
  for (const rate of [...new Set(items.flatMap((i) => (i.rate ? [i.rate] : [])))]) {
    const idx = items.flatMap((i, n) => (i.rate === rate ? [n] : []));
    const gross = idx.reduce((s, n) => s + items[n].gross, 0n);
    const net = netOf(gross, ratePercent(rate));
    const largest = idx.reduce((a, b) => (abs(items[b].gross) > abs(items[a].gross) ? b : a));
    nets[largest] += net - idx.reduce((s, n) => s + nets[n], 0n);
    byRate.push({ rate, amount: String(net), tax: String(gross - net) });
  }
  const lines = items.map((i, n) => ({
    no: n + 1,
    key: i.key,
    code: i.code,
    name: i.name,
    unit: i.unit,
    quantity: i.quantity,
    unitPrice: decimal(nets[n], i.quantity),
    amount: String(nets[n]),
    rate: i.rate,
    gross: String(i.gross),
  }));
  const total = items.reduce((s, i) => s + i.gross, 0n);
  const net = nets.reduce((s, x) => s + x, 0n);
  return { lines, byRate, net: String(net), tax: String(total - net), total: String(total) };
}

const abs = (x: bigint) => (x < 0n ? -x : x);

export function lineName(l: Pick<OrderLineSnapshot, 'name' | 'variantName'>): string {
  return l.variantName && !l.name.includes(l.variantName) ? `${l.name} – ${l.variantName}` : l.name;
}

/** The items of a completed order: its lines, and the delivery as a line of its own. */
export function orderItems(order: OrderSnapshot, form: InvoiceForm, day: string): Item[] {
  const rated = (category: string) => (form === '1' ? vatRateOn(category, day).rate : null);
  const items: Item[] = order.lines.map((l) => ({
    key: l.variantId,
    code: l.sku,
    name: lineName(l),
    unit: l.unit,
    quantity: l.quantity,
    gross: BigInt(l.amount),
    rate: rated(l.category),
  }));
  const shipping = BigInt(order.shippingFee);
  if (shipping > 0n)
    items.push({
      key: SHIPPING_CATEGORY,
      code: null,
      name: SHIPPING_NAME,
      unit: 'lần',
      quantity: 1,
      gross: shipping,
      rate: rated(SHIPPING_CATEGORY),
    });
  return items;
}

export function parties(order: OrderSnapshot): Pick<InvoiceDocument, 'seller' | 'buyer'> {
  const { seller, buyer } = order;
  return {
    seller: {
      name: seller.name,
      taxCode: seller.taxCode,
      address: seller.address,
      phone: seller.phone,
      email: seller.email,
    },
    buyer: {
      name: buyer.name,
      taxCode: buyer.taxCode,
      address: buyer.address,
      phone: buyer.phone,
      email: buyer.email,
      contact: buyer.name,
    },
  };
}

/** The whole document from its header, parties, related invoice and items. */
export function invoiceDocument(
  h: Header,
  rest: Pick<InvoiceDocument, 'seller' | 'buyer' | 'related' | 'orderCode' | 'paymentMethod'>,
  items: Item[],
): InvoiceDocument {
  const money = compose(items);
  return {
    form: h.form,
    title: titles[h.form],
    symbol: h.symbol,
    number: h.number,
    issuedOn: h.issuedOn,
    paymentMethod: rest.paymentMethod,
    related: rest.related,
    seller: rest.seller,
    buyer: rest.buyer,
    ...money,
    totalInWords: amountInWords(BigInt(money.total)),
    orderCode: rest.orderCode,
    lookupCode: h.lookupCode,
    lookupUrl: h.lookupUrl,
  };
}

/**
 * The items of an adjustment for a return: the returned lines with negative quantities and
 * amounts, at the rates of the invoice they adjust; money refunded beyond the lines' value is
 * delivery given back (at most the delivery charged).
 */
export function returnItems(
  original: InvoiceDocument,
  returned: OrderLineSnapshot[],
  refunded: bigint,
): Item[] {
  const rateOf = (key: string) => original.lines.find((l) => l.key === key)?.rate ?? null;
  const items: Item[] = returned.map((l) => ({
    key: l.variantId,
    code: l.sku,
    name: lineName(l),
    unit: l.unit,
    quantity: -l.quantity,
    gross: -BigInt(l.amount),
    rate: rateOf(l.variantId),
  }));
  const shippingLine = original.lines.find((l) => l.key === SHIPPING_CATEGORY);
  const linesValue = returned.reduce((s, l) => s + BigInt(l.amount), 0n);
  if (shippingLine && refunded > linesValue) {
    const charged = BigInt(shippingLine.gross);
    const back = refunded - linesValue < charged ? refunded - linesValue : charged;
    items.push({
      key: SHIPPING_CATEGORY,
      code: null,
      name: SHIPPING_NAME,
      unit: 'lần',
      quantity: -1,
      gross: -back,
      rate: shippingLine.rate,
    });
  }
  return items;
}
