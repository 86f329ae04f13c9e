import type { sellers } from '../schema.js';

export type VerificationMethod = NonNullable<(typeof sellers.$inferSelect)['verificationMethod']>;

/** Who the seller says its legal representative is (from the application). */
export interface SellerIdentity {
  id: string;
  repName: string | null;
  repCitizenId: string | null;
}

/**
 * Why a verification was refused. Each reason has a message `verify.result.<reason>`.
 * `mismatch` is the person not being the representative; the others are the flow failing.
 */
export type Refusal =
  | 'mismatch'
  | 'missing_claims'
  | 'denied'
  | 'provider_error'
  | 'state'
  | 'expired'
  | 'invalid'
  | 'unreachable';

export type Outcome =
  | { ok: true; evidence: Record<string, unknown> }
  | { ok: false; reason: Refusal; detail?: Record<string, unknown> };

/**
 * One way of establishing that the person behind a seller is its declared representative.
 * Both ways end the same: evidence to store with the method, or a refusal to explain.
 * Storing, auditing and revoking are the same for every method (see service.ts).
 */
export interface IdentityVerifier<Input> {
  readonly method: VerificationMethod;
  verify(seller: SellerIdentity, input: Input): Promise<Outcome>;
}

/** What is kept for a documents check: the officer who attests it and what was checked. */
export interface DocumentsEvidence {
  officerId: string;
  note: string;
}

/** What is kept for a VNeID check: who the provider said the person is; never the tokens. */
export interface OidcEvidence {
  issuer: string;
  subject: string;
  name: string;
  verifiedAt: string;
}

/** Left in `sellers.verification` when an officer withdraws a verification. */
export interface Revocation {
  at: string;
  by: string;
  reason: string;
  method: VerificationMethod;
}

/**
 * Names compared the way a person reads them: "NGUYỄN Văn  Đức" equals "nguyen van duc".
 * Identity records and application forms differ in case, accents and spacing, not in letters.
 */
export function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Citizen identification numbers compared without the spaces people type into them. */
export function normalizeCitizenId(s: string): string {
  return s.replace(/\s+/g, '');
}
