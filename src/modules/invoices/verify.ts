import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import type { Invoice } from './issue.js';
import { invoiceByLookup } from './queries.js';
import { invoiceCertificates } from './schema.js';
import { certificateFacts, verifyInvoiceXml } from './signing.js';

export interface CopyCheck {
  /** Signed by a certificate this platform signs invoices with, and unchanged since. */
  valid: boolean;
  signer: string | null;
  /** The stored invoice the copy names by its look-up code, when it is valid. */
  invoice: Invoice | null;
}

/**
 * Checks an invoice XML someone holds (a downloaded or forwarded copy): the certificate in its
 * signature must be one the platform signs with (known by fingerprint), and the signature must
 * verify with it over the unchanged data. A valid copy leads to the stored invoice.
 */
export async function checkInvoiceCopy(db: Executor, xml: string): Promise<CopyCheck> {
  const none: CopyCheck = { valid: false, signer: null, invoice: null };
  const b64 = /<(?:\w+:)?X509Certificate>([^<]+)<\/(?:\w+:)?X509Certificate>/
    .exec(xml)?.[1]
    ?.replace(/\s/g, '');
  if (!b64) return none;
  let fingerprint: string;
  try {
    fingerprint = certificateFacts(
      `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`,
    ).fingerprint;
  } catch {
    return none;
  }
  const [cert] = await db
    .select()
    .from(invoiceCertificates)
    .where(eq(invoiceCertificates.fingerprint, fingerprint));
  if (!cert || !verifyInvoiceXml(xml, cert.pem)) return { ...none, signer: cert?.subject ?? null };
  const code = /<TTruong>MaTraCuu<\/TTruong>\s*<KDLieu>string<\/KDLieu>\s*<DLieu>([0-9A-Z]+)<\/DLieu>/.exec(
    xml,
  )?.[1];
  return { valid: true, signer: cert.subject, invoice: (code && (await invoiceByLookup(db, code))) || null };
}
