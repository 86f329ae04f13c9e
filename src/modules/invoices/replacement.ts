import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditActor, recordAudit } from '../../platform/audit/service.js';
import { type Actor, requireScope } from '../../platform/http/context.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { f, parseInput } from '../../platform/http/validation.js';
import { isSellerMember } from '../sellers/index.js';
import type { InvoiceDocument } from './document.js';
import { type Invoice, type Issuer, storeReplacement } from './issue.js';
import { type InvoiceParty, invoiceLifecycle } from './lifecycle.js';
import { invoiceById } from './queries.js';
import { invoices, invoiceTransitions } from './schema.js';
import { submitInvoices } from './submission.js';

/**
 * The buyer's details as corrected, and why. A tax code is an enterprise's 10 digits (a
 * branch's 10-3) or a person's 12-digit identification number.
 */
export const replacementInput = z.object({
  buyerName: f.text(400),
  buyerTaxCode: f
    .optText(14)
    .refine((v) => v === undefined || /^(\d{10}(-\d{3})?|\d{12})$/.test(v), 'invoice.tax_code.invalid'),
  buyerAddress: f.text(400),
  buyerContact: f.optText(100),
  reason: f.text(255),
});

/** Whether the actor may act on the invoice, and as which party: its seller's members, or officers. */
export async function partyOf(
  db: Issuer['db'],
  actor: Actor,
  inv: Invoice,
): Promise<InvoiceParty | undefined> {
  if (actor.role === 'officer' || actor.role === 'admin') return 'officer';
  return (await isSellerMember(db, inv.sellerId, actor.id)) ? 'seller' : undefined;
}

/**
 * Replaces an invoice whose buyer details were wrong: a new invoice (TCHDon 1) with the same
 * lines and the corrected buyer, numbered in the seller's series; the old one becomes replaced.
 * One transaction, with the lifecycle step, its reason and the audit entry.
 */
export async function replaceInvoice(
  issuer: Issuer,
  input: { invoiceId: string; actor: Actor; body: unknown; ip?: string },
): Promise<Invoice> {
  const found = await invoiceById(issuer.db, input.invoiceId);
  if (!found) throw notFound();
  const party = await partyOf(issuer.db, input.actor, found);
  if (!party) throw forbidden();
  requireScope(input.actor, party === 'officer' ? 'officer:write' : 'seller:write');
  const v = parseInput(replacementInput, input.body);
  const made = await issuer.db.transaction(async (tx) => {
    // The order's lock first, as issuing and returns take it, then the invoice's row.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`invoice:${found.orderId}`}))`);
    const [inv] = await tx.select().from(invoices).where(eq(invoices.id, found.id)).for('update');
    if (inv.kind === 'adjustment')
      throw new AppError(409, 'invalid_transition', 'invoice.replace.adjustment');
    const to = invoiceLifecycle.next(inv.status, 'replace', party, v.reason);
    const buyer: InvoiceDocument['buyer'] = {
      ...inv.document.buyer,
      name: v.buyerName,
      taxCode: v.buyerTaxCode ?? null,
      address: v.buyerAddress,
      contact: v.buyerContact ?? inv.document.buyer.contact,
    };
    const replacement = await storeReplacement(tx, issuer, {
      invoice: inv,
      buyer,
      reason: v.reason,
      actorId: input.actor.id,
    });
    await tx.update(invoices).set({ status: to }).where(eq(invoices.id, inv.id));
    await tx.insert(invoiceTransitions).values({
      invoiceId: inv.id,
      fromStatus: inv.status,
      toStatus: to,
      actorId: input.actor.id,
      reason: v.reason,
    });
    await recordAudit(tx, {
      ...auditActor(input.actor),
      action: 'invoice.replace',
      subjectType: 'invoice',
      subjectId: inv.id,
      reason: v.reason,
      data: { party, replacement: replacement.id, symbol: replacement.symbol, number: replacement.number },
      ip: input.ip,
    });
    return replacement;
  });
  await submitInvoices(issuer, [made.id]);
  return made;
}
