import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { canonicalJson } from '../../platform/audit/service.js';
import type { Db, Tx } from '../../platform/db/pool.js';
import { vietnamDay } from '../../platform/http/i18n.js';
import type { OrderCompleted, OrderReturned, OrderSnapshot } from '../orders/events.js';
import {
  formOf,
  type Header,
  type InvoiceDocument,
  type InvoiceForm,
  type Item,
  invoiceDocument,
  orderItems,
  parties,
  paymentLabel,
  type RelatedInvoice,
  returnItems,
} from './document.js';
import type { InvoiceProvider } from './provider.js';
import {
  invoiceCertificates,
  invoiceReturns,
  invoiceSeries,
  invoices,
  invoiceTransitions,
} from './schema.js';
import { type SigningKey, signInvoiceXml } from './signing.js';
import { submitInvoices } from './submission.js';
import { invoiceXml } from './xml.js';

export type Invoice = typeof invoices.$inferSelect;

/** What issuing needs: the database, the signing key, the provider, and where the look-up page is. */
export interface Issuer {
  db: Db;
  key(): Promise<SigningKey>;
  provider: InvoiceProvider;
  publicUrl: string;
}

/** Transitions nobody made by hand (an invoice issued for an event) carry the nil UUID, as orders' do. */
export const SYSTEM_ACTOR = '00000000-0000-0000-0000-000000000000';
/** The two letters the seller's series end with (KHHDon = C|K, year, T, these): invoices made on the platform. */
export const SERIES_LETTERS = 'TM';

/** Look-up codes: 12 characters of Crockford's base32 (60 random bits; no I, L, O, U to misread). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newLookupCode(): string {
  return Array.from(randomBytes(12), (b) => ALPHABET[b & 31]).join('');
}
/** A code as someone typed it: case, spaces and dashes ignored, O read as 0 and I, L as 1. */
export function normalizeLookupCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
export const lookupPath = (code: string) => `/hoa-don/tra-cuu?ma=${encodeURIComponent(code)}`;

export const seriesSymbol = (provider: InvoiceProvider, day: string) =>
  `${provider.codeKind}${day.slice(2, 4)}T${SERIES_LETTERS}`;

/** One order's invoices are made one at a time (its completion, its returns, a replacement). */
async function lockOrder(tx: Tx, orderId: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`invoice:${orderId}`}))`);
}

/**
 * The next number of a seller's series. The counter row is created or updated, and so locked,
 * in the invoice's own transaction: concurrent issues wait for each other, and an issue that
 * fails rolls its number back, so numbers run 1, 2, 3... without gaps or duplicates.
 */
export async function nextNumber(
  tx: Tx,
  sellerId: string,
  form: InvoiceForm,
  symbol: string,
): Promise<number> {
  const [row] = await tx
    .insert(invoiceSeries)
    .values({ sellerId, form, symbol, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [invoiceSeries.sellerId, invoiceSeries.form, invoiceSeries.symbol],
      set: { lastNumber: sql`${invoiceSeries.lastNumber} + 1`, updatedAt: sql`now()` },
    })
    .returning({ number: invoiceSeries.lastNumber });
  return row.number;
}

/** Which order an invoice belongs to, and whose it is. */
interface OrderRef {
  sellerId: string;
  orderId: string;
  orderCode: string;
  buyerId: string;
}
const refOf = (o: OrderSnapshot): OrderRef => ({
  sellerId: o.seller.sellerId,
  orderId: o.orderId,
  orderCode: o.code,
  buyerId: o.buyer.userId,
});

interface NewInvoice {
  ref: OrderRef;
  kind: Invoice['kind'];
  form: InvoiceForm;
  parties: Pick<InvoiceDocument, 'seller' | 'buyer'>;
  paymentMethod: string;
  items: Item[];
  related: Invoice | null;
  relatedNote?: string;
  actorId: string;
  reason?: string;
}

/** Numbers, composes, signs and stores one invoice, with the first step of its history. */
async function store(tx: Tx, issuer: Issuer, key: SigningKey, n: NewInvoice): Promise<Invoice> {
  const day = vietnamDay();
  const symbol = seriesSymbol(issuer.provider, day);
  const number = await nextNumber(tx, n.ref.sellerId, n.form, symbol);
  const lookupCode = newLookupCode();
  const header: Header = {
    form: n.form,
    symbol,
    number,
    issuedOn: day,
    lookupCode,
    lookupUrl: `${issuer.publicUrl}${lookupPath(lookupCode)}`,
  };
  const r = n.related;
  const related: RelatedInvoice | null = r
    ? {
        nature: n.kind === 'replacement' ? 1 : 2,
        form: r.form as InvoiceForm,
        symbol: r.symbol,
        number: r.number,
        issuedOn: r.issuedOn,
        note: n.relatedNote ?? '',
      }
    : null;
  const doc = invoiceDocument(
    header,
    { ...n.parties, related, orderCode: n.ref.orderCode, paymentMethod: n.paymentMethod },
    n.items,
  );
  const xml = signInvoiceXml(invoiceXml(doc), key);
  await tx
    .insert(invoiceCertificates)
    .values({ fingerprint: key.fingerprint, subject: key.subject, pem: key.certPem })
    .onConflictDoNothing();
  const [inv] = await tx
    .insert(invoices)
    .values({
      ...n.ref,
      kind: n.kind,
      relatedId: r?.id ?? null,
      form: n.form,
      symbol,
      number,
      issuedOn: day,
      lookupCode,
      total: BigInt(doc.total),
      tax: BigInt(doc.tax),
      document: doc,
      xml,
      certFingerprint: key.fingerprint,
      provider: issuer.provider.name,
    })
    .returning();
  await tx
    .insert(invoiceTransitions)
    .values({ invoiceId: inv.id, toStatus: 'issued', actorId: n.actorId, reason: n.reason ?? null });
  return inv;
}

const refOfInvoice = (inv: Invoice): OrderRef => ({
  sellerId: inv.sellerId,
  orderId: inv.orderId,
  orderCode: inv.orderCode,
  buyerId: inv.buyerId,
});

/** The invoice of the order that is in force: its original, or the replacement that took its place. */
export async function currentInvoice(tx: Tx, orderId: string): Promise<Invoice | undefined> {
  const [inv] = await tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.orderId, orderId),
        eq(invoices.status, 'issued'),
        inArray(invoices.kind, ['original', 'replacement']),
      ),
    );
  return inv;
}

/** Adjustment invoices for the order's returns that have none yet, oldest return first. */
async function adjustForReturns(
  tx: Tx,
  issuer: Issuer,
  key: SigningKey,
  current: Invoice,
): Promise<string[]> {
  const open = await tx
    .select()
    .from(invoiceReturns)
    .where(and(eq(invoiceReturns.orderId, current.orderId), isNull(invoiceReturns.adjustmentId)))
    .orderBy(asc(invoiceReturns.receivedAt))
    .for('update');
  const ids: string[] = [];
  for (const ret of open) {
    const ev = ret.payload;
    const adjustment = await store(tx, issuer, key, {
      ref: refOfInvoice(current),
      kind: 'adjustment',
      form: current.form as InvoiceForm,
      parties: current.document,
      paymentMethod: current.document.paymentMethod,
      items: returnItems(current.document, ev.lines, BigInt(ev.amount)),
      related: current,
      relatedNote: `Điều chỉnh giảm do trả hàng ngày ${vietnamDay(new Date(ev.returnedAt))}`,
      actorId: SYSTEM_ACTOR,
    });
    await tx
      .update(invoiceReturns)
      .set({ adjustmentId: adjustment.id })
      .where(eq(invoiceReturns.returnKey, ret.returnKey));
    ids.push(adjustment.id);
  }
  return ids;
}

/**
 * order.completed: the order's invoice in the seller's name (VAT invoice for companies and
 * cooperatives, sales invoice for households and individuals), once per order whatever the
 * number of deliveries of the event; returns recorded before it are adjusted right after.
 */
export async function issueForCompletedOrder(
  issuer: Issuer,
  ev: OrderCompleted,
): Promise<string | undefined> {
  const { order } = ev;
  const key = await issuer.key();
  const made = await issuer.db.transaction(async (tx) => {
    await lockOrder(tx, order.orderId);
    const [existing] = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.orderId, order.orderId), eq(invoices.kind, 'original')));
    if (existing) return { id: existing.id, ids: [] };
    const form = formOf(order.seller.legalForm);
    const inv = await store(tx, issuer, key, {
      ref: refOf(order),
      kind: 'original',
      form,
      parties: parties(order),
      paymentMethod: paymentLabel(order.paymentMethod),
      items: orderItems(order, form, vietnamDay()),
      related: null,
      actorId: SYSTEM_ACTOR,
    });
    return { id: inv.id, ids: [inv.id, ...(await adjustForReturns(tx, issuer, key, inv))] };
  });
  await submitInvoices(issuer, made.ids);
  return made.id;
}

/** The identity of a return: a redelivered event has the same. */
export function returnKey(ev: OrderReturned): string {
  const lines = ev.lines.map((l) => [l.variantId, l.quantity, l.amount]);
  const body = canonicalJson({ order: ev.order.orderId, at: ev.returnedAt, lines, amount: ev.amount });
  return createHash('sha256').update(body).digest('hex');
}

/**
 * order.returned: recorded once; when the order has its invoice, an adjustment invoice lowers
 * it by the returned lines (and any delivery given back). A return that comes before the
 * invoice is adjusted when the invoice is issued.
 */
export async function adjustForReturn(issuer: Issuer, ev: OrderReturned): Promise<string[]> {
  const key = await issuer.key();
  const ids = await issuer.db.transaction(async (tx) => {
    await lockOrder(tx, ev.order.orderId);
    await tx
      .insert(invoiceReturns)
      .values({ returnKey: returnKey(ev), orderId: ev.order.orderId, payload: ev })
      .onConflictDoNothing();
    const current = await currentInvoice(tx, ev.order.orderId);
    return current ? adjustForReturns(tx, issuer, key, current) : [];
  });
  await submitInvoices(issuer, ids);
  return ids;
}

export interface Replacement {
  invoice: Invoice;
  buyer: InvoiceDocument['buyer'];
  reason: string;
  actorId: string;
}

/**
 * A replacement invoice (TCHDon 1) for one with wrong buyer details: the same lines and amounts,
 * the buyer as corrected, a new number; the replaced invoice's state changes with it. The caller
 * holds the order's lock and has checked the transition (replacement.ts).
 */
export async function storeReplacement(tx: Tx, issuer: Issuer, r: Replacement): Promise<Invoice> {
  const { invoice: inv } = r;
  const items: Item[] = inv.document.lines.map((l) => ({
    key: l.key,
    code: l.code,
    name: l.name,
    unit: l.unit,
    quantity: l.quantity,
    gross: BigInt(l.gross),
    rate: l.rate,
  }));
  return store(tx, issuer, await issuer.key(), {
    ref: refOfInvoice(inv),
    kind: 'replacement',
    form: inv.form as InvoiceForm,
    parties: { seller: inv.document.seller, buyer: r.buyer },
    paymentMethod: inv.document.paymentMethod,
    items,
    related: inv,
    relatedNote: r.reason,
    actorId: r.actorId,
    reason: r.reason,
  });
}
