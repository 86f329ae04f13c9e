import { z } from 'zod';
import { f } from '../../../platform/http/validation.js';
import type { VerificationView } from './service.js';

/** Request and response shapes of the verification API (also used to read the page forms). */
export const sellerIdParams = z.object({ id: z.uuid() });
export const noteBody = z.object({ note: f.text(1000) });
export const reasonBody = z.object({ reason: f.text(1000) });

const method = z.enum(['documents', 'oidc']).nullable();
const revoked = z.object({ at: z.string(), reason: z.string(), method: z.enum(['documents', 'oidc']) });

export const officerVerificationJson = z.object({
  sellerId: z.string(),
  method,
  verifiedAt: z.string().nullable(),
  documents: z
    .object({ officerId: z.string(), officerName: z.string().optional(), note: z.string() })
    .optional(),
  oidc: z
    .object({ issuer: z.string(), subject: z.string(), name: z.string(), verifiedAt: z.string() })
    .optional(),
  revoked: revoked.extend({ by: z.string() }).optional(),
});

export const sellerVerificationJson = z.object({
  sellerId: z.string(),
  method,
  verifiedAt: z.string().nullable(),
  revoked: revoked.optional(),
  /** Whether the shop can verify itself through VNeID on this instance. */
  vneid: z.boolean(),
});

/** Everything an officer may see, including who attested and what they checked. */
export function officerJson(v: VerificationView): z.infer<typeof officerVerificationJson> {
  return {
    sellerId: v.sellerId,
    method: v.method,
    verifiedAt: v.verifiedAt?.toISOString() ?? null,
    documents: v.documents
      ? { officerId: v.documents.officerId, officerName: v.documents.officerName, note: v.documents.note }
      : undefined,
    oidc: v.oidc
      ? { issuer: v.oidc.issuer, subject: v.oidc.subject, name: v.oidc.name, verifiedAt: v.oidc.verifiedAt }
      : undefined,
    revoked: v.revoked,
  };
}

/** What the shop's members see: how and when, and why a verification was withdrawn. */
export function sellerJson(v: VerificationView, vneid: boolean): z.infer<typeof sellerVerificationJson> {
  return {
    sellerId: v.sellerId,
    method: v.method,
    verifiedAt: v.verifiedAt?.toISOString() ?? null,
    revoked: v.revoked ? { at: v.revoked.at, reason: v.revoked.reason, method: v.revoked.method } : undefined,
    vneid,
  };
}
