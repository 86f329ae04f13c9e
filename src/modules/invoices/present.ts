import { z } from 'zod';
import type { Invoice } from './issue.js';
import { toLink } from './queries.js';
import { invoiceKind, invoiceStatus, invoiceSubmission } from './schema.js';
import { vatRates } from './vat-rates.js';

const money = z
  .string()
  .meta({ description: 'Whole đồng as a decimal string (negative on an adjustment that lowers)' });
const party = z.object({
  name: z.string(),
  taxCode: z.string().nullable(),
  address: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

/** The invoice's content, field by field as in the XML (names in English, XML tags in the descriptions). */
export const invoiceDocumentSchema = z.object({
  form: z.enum(['1', '2']).meta({ description: 'KHMSHDon: 1 VAT invoice, 2 sales invoice' }),
  title: z.string().meta({ description: 'THDon' }),
  symbol: z.string().meta({ description: 'KHHDon' }),
  number: z.number().int().meta({ description: 'SHDon' }),
  issuedOn: z.string().meta({ description: 'NLap' }),
  paymentMethod: z.string().meta({ description: 'HTTToan' }),
  related: z
    .object({
      nature: z
        .union([z.literal(1), z.literal(2)])
        .meta({ description: 'TCHDon: 1 replacement, 2 adjustment' }),
      form: z.enum(['1', '2']),
      symbol: z.string(),
      number: z.number().int(),
      issuedOn: z.string(),
      note: z.string(),
    })
    .nullable()
    .meta({ description: 'TTHDLQuan' }),
  seller: party.meta({ description: 'NBan' }),
  buyer: party.extend({ contact: z.string() }).meta({ description: 'NMua' }),
  lines: z.array(
    z.object({
      no: z.number().int(),
      key: z.string(),
      code: z.string().nullable(),
      name: z.string(),
      unit: z.string(),
      quantity: z.number().int(),
      unitPrice: z.string(),
      amount: money,
      rate: z.enum(vatRates).nullable(),
      gross: money,
    }),
  ),
  byRate: z.array(z.object({ rate: z.enum(vatRates), amount: money, tax: money })),
  net: money,
  tax: money,
  total: money,
  totalInWords: z.string(),
  orderCode: z.string(),
  lookupCode: z.string(),
  lookupUrl: z.string(),
});

export const invoiceLinkSchema = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  kind: z.enum(invoiceKind.enumValues),
  status: z.enum(invoiceStatus.enumValues),
  form: z.string(),
  symbol: z.string(),
  number: z.number().int(),
  issuedOn: z.string(),
  total: money,
  lookupCode: z.string(),
  url: z.string(),
  xmlUrl: z.string(),
  pdfUrl: z.string(),
});

export const invoiceSchema = invoiceLinkSchema.extend({
  orderCode: z.string(),
  submission: z.enum(invoiceSubmission.enumValues),
  taxAuthorityCode: z.string().nullable(),
  signatureValid: z
    .boolean()
    .meta({ description: 'The stored XML verifies against the certificate it was signed with' }),
  signer: z.string().meta({ description: "The signing certificate's subject" }),
  document: invoiceDocumentSchema,
  related: z
    .array(invoiceLinkSchema)
    .meta({ description: 'The invoice it adjusts or replaces, and those adjusting or replacing it' }),
});

export const presentLink = (inv: Invoice) => ({ ...toLink(inv), total: String(inv.total) });

export function presentInvoice(
  inv: Invoice,
  extra: { signatureValid: boolean; signer: string; related: Invoice[] },
) {
  return {
    ...presentLink(inv),
    orderCode: inv.orderCode,
    submission: inv.submission,
    taxAuthorityCode: inv.taxAuthorityCode,
    signatureValid: extra.signatureValid,
    signer: extra.signer,
    document: inv.document,
    related: extra.related.map(presentLink),
  };
}
