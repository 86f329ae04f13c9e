import { asc, desc, eq, inArray, or } from 'drizzle-orm';
import { isUuid } from '../../platform/db/columns.js';
import type { Executor } from '../../platform/db/pool.js';
import { type Invoice, lookupPath, normalizeLookupCode } from './issue.js';
import { invoiceCertificates, invoices } from './schema.js';
import { verifyInvoiceXml } from './signing.js';

export async function invoiceByLookup(db: Executor, code: string): Promise<Invoice | undefined> {
  const c = normalizeLookupCode(code);
  if (!/^[0-9A-Z]{12}$/.test(c)) return undefined;
  const [inv] = await db.select().from(invoices).where(eq(invoices.lookupCode, c));
  return inv;
}

export async function invoiceById(db: Executor, id: string): Promise<Invoice | undefined> {
  if (!isUuid(id)) return undefined;
  const [inv] = await db.select().from(invoices).where(eq(invoices.id, id));
  return inv;
}

/**
 * Whether the stored XML still carries a valid signature by the certificate it was signed with,
 * and whose certificate that is.
 */
export async function signatureCheck(
  db: Executor,
  inv: Invoice,
): Promise<{ valid: boolean; signer: string }> {
  const [cert] = await db
    .select()
    .from(invoiceCertificates)
    .where(eq(invoiceCertificates.fingerprint, inv.certFingerprint));
  return { valid: !!cert && verifyInvoiceXml(inv.xml, cert.pem), signer: cert?.subject ?? '' };
}

/** The invoices an invoice is linked with: the one it adjusts or replaces, and those adjusting or replacing it. */
export async function relatedInvoices(db: Executor, inv: Invoice): Promise<Invoice[]> {
  return db
    .select()
    .from(invoices)
    .where(or(eq(invoices.relatedId, inv.id), ...(inv.relatedId ? [eq(invoices.id, inv.relatedId)] : [])))
    .orderBy(asc(invoices.createdAt));
}

/** An invoice as order pages and lists link to it. */
export interface InvoiceLink {
  id: string;
  orderId: string;
  kind: Invoice['kind'];
  status: Invoice['status'];
  form: string;
  symbol: string;
  number: number;
  issuedOn: string;
  total: bigint;
  lookupCode: string;
  /** The public look-up page, and the files. */
  url: string;
  xmlUrl: string;
  pdfUrl: string;
}

export const filePath = (code: string, ext: 'xml' | 'pdf') =>
  `/hoa-don/tra-cuu/${encodeURIComponent(code)}/${ext}`;

export const toLink = (inv: Invoice): InvoiceLink => ({
  id: inv.id,
  orderId: inv.orderId,
  kind: inv.kind,
  status: inv.status,
  form: inv.form,
  symbol: inv.symbol,
  number: inv.number,
  issuedOn: inv.issuedOn,
  total: inv.total,
  lookupCode: inv.lookupCode,
  url: lookupPath(inv.lookupCode),
  xmlUrl: filePath(inv.lookupCode, 'xml'),
  pdfUrl: filePath(inv.lookupCode, 'pdf'),
});

/**
 * The invoices of some orders, for the order pages of buyers and sellers: each order's
 * invoices in the order they were made (original, adjustments, replacement). Orders without
 * an invoice yet (the outbox is a second behind) are absent from the map.
 */
export async function invoicesOfOrders(
  db: Executor,
  orderIds: string[],
): Promise<Map<string, InvoiceLink[]>> {
  const ids = orderIds.filter(isUuid);
  const map = new Map<string, InvoiceLink[]>();
  if (!ids.length) return map;
  const rows = await db
    .select()
    .from(invoices)
    .where(inArray(invoices.orderId, ids))
    .orderBy(asc(invoices.createdAt), asc(invoices.number));
  for (const r of rows) map.set(r.orderId, [...(map.get(r.orderId) ?? []), toLink(r)]);
  return map;
}

/** A buyer's invoices, or a seller's: the newest `limit`, newest first. */
export async function invoicesOf(
  db: Executor,
  who: { buyerId: string } | { sellerId: string },
  limit = 100,
): Promise<Invoice[]> {
  const where = 'buyerId' in who ? eq(invoices.buyerId, who.buyerId) : eq(invoices.sellerId, who.sellerId);
  return db.select().from(invoices).where(where).orderBy(desc(invoices.createdAt)).limit(limit);
}
