/**
 * The way to a tax-connected invoice provider (a licensed e-invoice service that forwards
 * invoices to the tax authority and returns its code). The platform signs every invoice with
 * the seller's signature (signing.ts) and hands the signed XML to the provider; an adapter for a
 * real provider maps this call to the provider's API (docs/invoices.md).
 */
export interface ProviderInvoice {
  id: string;
  sellerTaxCode: string | null;
  /** KHMSHDon, KHHDon, SHDon: what identifies the invoice for the provider (submit is retried with the same). */
  form: string;
  symbol: string;
  number: number;
  issuedOn: string;
  /** The signed invoice XML. */
  xml: string;
}

export interface ProviderResult {
  /**
   * issued_locally: kept and signed by the platform only (the built-in adapter); submitted: the
   * provider took it and will answer later (poll); accepted: the tax authority's code is given;
   * rejected: the provider refused it (message says why).
   */
  status: 'issued_locally' | 'submitted' | 'accepted' | 'rejected';
  /** MCCQT, when the tax authority has coded the invoice. */
  taxAuthorityCode?: string;
  message?: string;
}

export interface InvoiceProvider {
  name: string;
  /**
   * The first letter of the series symbol: C when invoices go through the provider to get the tax
   * authority's code, K when they are issued without one.
   */
  codeKind: 'C' | 'K';
  submit(invoice: ProviderInvoice): Promise<ProviderResult>;
  /** Asks again about an invoice the provider answered `submitted` for. */
  poll?(invoice: ProviderInvoice): Promise<ProviderResult>;
}

/** The built-in adapter: the invoice is stored and signed by the platform, and goes nowhere else. */
export const localProvider: InvoiceProvider = {
  name: 'local',
  codeKind: 'K',
  async submit() {
    return { status: 'issued_locally' };
  },
};
