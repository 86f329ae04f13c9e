import type { Actor } from '../../../platform/http/context.js';
import type { DocumentsEvidence, IdentityVerifier } from './verifier.js';

/**
 * Verification by documents: an officer has compared the uploaded registration
 * certificate and the representative's citizen ID card with the application. The proof
 * is the officer's word, so the evidence is who said it and what was checked.
 */
export const documentsVerifier: IdentityVerifier<{ officer: Actor; note: string }> = {
  method: 'documents',
  async verify(_seller, { officer, note }) {
    const evidence: DocumentsEvidence = { officerId: officer.id, note };
    return { ok: true, evidence: { ...evidence } };
  },
};
