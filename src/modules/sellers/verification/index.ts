/**
 * Identity verification of sellers (Law 122/2025/QH15): by an officer from the documents,
 * or by the representative through VNeID (OpenID Connect). What the rest of the sellers
 * module may use.
 */
import './messages.js';

export { verificationRoutes } from './routes.js';
export { SELLER_VERIFICATION_PATH, vneidStartUrl } from './routes-vneid.js';
export {
  loadVerification,
  resetVerification,
  revokeVerification,
  type VerificationColumns,
  type VerificationView,
  verificationOf,
  verifyByDocuments,
} from './service.js';
export type {
  DocumentsEvidence,
  IdentityVerifier,
  OidcEvidence,
  Revocation,
  VerificationMethod,
} from './verifier.js';
export { officerVerificationPath, VerificationPanel } from './views/panel.js';
export { VerificationStatus, verificationText } from './views/status.js';
