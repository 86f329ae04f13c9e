import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, transitionsTable, updatedAt } from '../../platform/db/columns.js';
import type { OrderReturned } from '../orders/events.js';
import type { InvoiceDocument } from './document.js';

/** An invoice of a completed order, one that lowers it after a return, or one that replaces it. */
export const invoiceKind = pgEnum('invoice_kind', ['original', 'adjustment', 'replacement']);
/** The invoice's lifecycle (lifecycle.ts): issued, then possibly replaced by another. */
export const invoiceStatus = pgEnum('invoice_status', ['issued', 'replaced']);
/** Where the invoice is with the invoice provider (provider.ts). */
export const invoiceSubmission = pgEnum('invoice_submission', [
  'pending',
  'issued_locally',
  'submitted',
  'accepted',
  'rejected',
]);

/** The certificates invoices were signed with, so an invoice still verifies after the key changes. */
export const invoiceCertificates = pgTable('invoice_certificates', {
  /** SHA-256 of the DER certificate, hex. */
  fingerprint: text('fingerprint').primaryKey(),
  subject: text('subject').notNull(),
  pem: text('pem').notNull(),
  createdAt: createdAt(),
});

/**
 * The counter of a seller's series (form + symbol, the symbol carrying the year): its row is
 * locked by the UPDATE that takes the next number, in the transaction that stores the invoice,
 * so numbers have no gaps (a failed issue rolls the counter back) and no duplicates.
 */
export const invoiceSeries = pgTable(
  'invoice_series',
  {
    sellerId: uuid('seller_id').notNull(),
    form: text('form').notNull(),
    symbol: text('symbol').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.form, t.symbol] }),
    check('invoice_series_number_check', sql`${t.lastNumber} BETWEEN 0 AND 99999999`),
  ],
);

export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    orderId: uuid('order_id').notNull(),
    orderCode: text('order_code').notNull(),
    buyerId: uuid('buyer_id').notNull(),
    kind: invoiceKind('kind').notNull(),
    /** The invoice this one adjusts or replaces. */
    relatedId: uuid('related_id').references((): AnyPgColumn => invoices.id),
    status: invoiceStatus('status').notNull().default('issued'),
    /** KHMSHDon: 1 VAT invoice, 2 sales invoice. */
    form: text('form').notNull(),
    /** KHHDon, e.g. K26TTM. */
    symbol: text('symbol').notNull(),
    /** SHDon: 1, 2, 3... per seller and series. */
    number: integer('number').notNull(),
    issuedOn: date('issued_on').notNull(),
    /** Printed on the invoice; anyone holding it can look the invoice up. */
    lookupCode: text('lookup_code').notNull(),
    /** What the buyer pays (negative on an adjustment that lowers the original), tax included. */
    total: bigint('total', { mode: 'bigint' }).notNull(),
    tax: bigint('tax', { mode: 'bigint' }).notNull(),
    /** The invoice's content, from which the XML, the page and the PDF are made. */
    document: jsonb('document').$type<InvoiceDocument>().notNull(),
    /** The signed XML, byte for byte as issued (plus the tax authority's code when it gives one). */
    xml: text('xml').notNull(),
    certFingerprint: text('cert_fingerprint')
      .notNull()
      .references(() => invoiceCertificates.fingerprint),
    provider: text('provider').notNull(),
    submission: invoiceSubmission('submission').notNull().default('pending'),
    taxAuthorityCode: text('tax_authority_code'),
    providerMessage: text('provider_message'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('invoices_number_idx').on(t.sellerId, t.form, t.symbol, t.number),
    uniqueIndex('invoices_lookup_idx').on(t.lookupCode),
    // One invoice per completed order, and one replacement per replaced invoice.
    uniqueIndex('invoices_original_idx').on(t.orderId).where(sql`kind = 'original'`),
    uniqueIndex('invoices_replacement_idx').on(t.relatedId).where(sql`kind = 'replacement'`),
    index('invoices_order_idx').on(t.orderId),
    index('invoices_seller_idx').on(t.sellerId, t.createdAt),
    index('invoices_buyer_idx').on(t.buyerId, t.createdAt),
    index('invoices_pending_idx').on(t.createdAt).where(sql`submission = 'pending'`),
    check('invoices_number_check', sql`${t.number} BETWEEN 1 AND 99999999`),
  ],
);

/**
 * Returns as they arrive (order.returned), once each: the adjustment invoice is issued when the
 * order has an invoice, or right after its invoice when the return came first.
 */
export const invoiceReturns = pgTable(
  'invoice_returns',
  {
    /** SHA-256 of the return's order, time and lines: a redelivered event finds its row. */
    returnKey: text('return_key').primaryKey(),
    orderId: uuid('order_id').notNull(),
    payload: jsonb('payload').$type<OrderReturned>().notNull(),
    adjustmentId: uuid('adjustment_id').references(() => invoices.id),
    receivedAt: createdAt(),
  },
  (t) => [index('invoice_returns_order_idx').on(t.orderId)],
);

/** Every lifecycle transition of an invoice: who (a user, or the system), when, why. */
export const invoiceTransitions = transitionsTable(
  'invoice_transitions',
  'invoice',
  () => invoices.id,
  invoiceStatus,
);
