import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.js';
import type { InvoiceProvider, ProviderInvoice, ProviderResult } from './provider.js';
import { invoices } from './schema.js';
import { withTaxAuthorityCode } from './xml.js';

interface Submitter {
  db: Db;
  provider: InvoiceProvider;
}

/**
 * Hands invoices to the provider after the transaction that issued them committed (a provider
 * call never holds a series' counter). An invoice the provider could not be reached for stays
 * pending; the periodic task submits it again, with the same number, series and seller.
 */
export async function submitInvoices(s: Submitter, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await s.db
    .select()
    .from(invoices)
    .where(and(inArray(invoices.id, ids), eq(invoices.submission, 'pending')));
  for (const inv of rows) await answer(s, inv, 'pending', (p) => s.provider.submit(p));
}

type Row = typeof invoices.$inferSelect;

const asProviderInvoice = (inv: Row): ProviderInvoice => ({
  id: inv.id,
  sellerTaxCode: inv.document.seller.taxCode,
  form: inv.form,
  symbol: inv.symbol,
  number: inv.number,
  issuedOn: inv.issuedOn,
  xml: inv.xml,
});

/** Records the provider's answer if the invoice is still where it was when asked. */
async function answer(
  s: Submitter,
  inv: Row,
  from: Row['submission'],
  ask: (p: ProviderInvoice) => Promise<ProviderResult>,
): Promise<void> {
  let result: ProviderResult;
  try {
    result = await ask(asProviderInvoice(inv));
  } catch (err) {
    await s.db
      .update(invoices)
      .set({ providerMessage: String(err) })
      .where(and(eq(invoices.id, inv.id), eq(invoices.submission, from)));
    return;
  }
  const code = result.status === 'accepted' ? result.taxAuthorityCode : undefined;
  await s.db
    .update(invoices)
    .set({
      submission: result.status,
      taxAuthorityCode: code ?? null,
      providerMessage: result.message ?? null,
      xml: code ? withTaxAuthorityCode(inv.xml, code) : inv.xml,
    })
    .where(and(eq(invoices.id, inv.id), eq(invoices.submission, from)));
}

/**
 * The periodic task: invoices left pending for a minute (the process stopped between issuing and
 * submitting, or the provider was down) are submitted again, and those the provider is still
 * working on are asked about. Returns how many were sent or asked.
 */
export async function retrySubmissions(s: Submitter): Promise<number> {
  const due = sql`now() - interval '1 minute'`;
  const pending = await s.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.submission, 'pending'), lt(invoices.createdAt, due)))
    .limit(100);
  for (const inv of pending) await answer(s, inv, 'pending', (p) => s.provider.submit(p));
  const poll = s.provider.poll?.bind(s.provider);
  if (!poll) return pending.length;
  const waiting = await s.db.select().from(invoices).where(eq(invoices.submission, 'submitted')).limit(100);
  for (const inv of waiting) await answer(s, inv, 'submitted', poll);
  return pending.length + waiting.length;
}
