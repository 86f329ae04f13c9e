import { and, asc, eq } from 'drizzle-orm';
import { auditActor, recordAudit } from '../../../platform/audit/service.js';
import type { Db, Executor } from '../../../platform/db/pool.js';
import type { Actor } from '../../../platform/http/context.js';
import { type AppError, conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { userContacts } from '../../identity/index.js';
import { notify } from '../../notifications/index.js';
import type { SellerStatus } from '../lifecycle.js';
import { sellerMembers, sellers } from '../schema.js';
import { documentsVerifier } from './documents.js';
import type {
  DocumentsEvidence,
  OidcEvidence,
  Outcome,
  Revocation,
  SellerIdentity,
  VerificationMethod,
} from './verifier.js';

/** A seller's verification as pages and the API show it. */
export interface VerificationView {
  sellerId: string;
  method: VerificationMethod | null;
  verifiedAt: Date | null;
  documents?: DocumentsEvidence & { officerName?: string };
  oidc?: OidcEvidence;
  /** The last verification an officer withdrew, while none has replaced it. */
  revoked?: Revocation;
}

/** The columns of `sellers` a verification lives in. */
export type VerificationColumns = Pick<
  typeof sellers.$inferSelect,
  'id' | 'verificationMethod' | 'verifiedAt' | 'verification'
>;

/** Reads the stored columns into the view; no query, for callers that already hold the row. */
export function verificationOf(row: VerificationColumns): VerificationView {
  const v = (row.verification ?? {}) as Record<string, unknown>;
  const view: VerificationView = {
    sellerId: row.id,
    method: row.verificationMethod,
    verifiedAt: row.verifiedAt,
  };
  if (row.verificationMethod === 'documents') view.documents = v as unknown as DocumentsEvidence;
  else if (row.verificationMethod === 'oidc') view.oidc = v as unknown as OidcEvidence;
  else if (v.revoked) view.revoked = v.revoked as Revocation;
  return view;
}

/** States in which a seller's identity may be verified: not once it is rejected or terminated. */
const verifiableStates: readonly SellerStatus[] = [
  'draft',
  'submitted',
  'needs_changes',
  'approved',
  'suspended',
];

const subjectColumns = {
  id: sellers.id,
  status: sellers.status,
  shopName: sellers.shopName,
  repName: sellers.repName,
  repCitizenId: sellers.repCitizenId,
  verificationMethod: sellers.verificationMethod,
  verifiedAt: sellers.verifiedAt,
  verification: sellers.verification,
};

export type VerificationSubject = Awaited<ReturnType<typeof findSubject>>;

async function findSubject(db: Executor, sellerId: string, lock = false) {
  const q = db.select(subjectColumns).from(sellers).where(eq(sellers.id, sellerId));
  const [s] = lock ? await q.for('update') : await q;
  if (!s) throw notFound();
  return s;
}

/** A seller with its verification, the attesting officer's name filled in (officer pages, API). */
export async function loadVerification(db: Executor, sellerId: string) {
  const s = await findSubject(db, sellerId);
  const view = verificationOf(s);
  if (view.documents) {
    const [officer] = await userContacts(db, [view.documents.officerId]);
    view.documents = { ...view.documents, officerName: officer?.fullName };
  }
  return { seller: s, verification: view };
}

/**
 * The shop the user acts for: the one asked for if the user is a member of it, otherwise
 * the user's first shop. Refused for a user who is not a member.
 */
export async function memberSeller(db: Executor, userId: string, sellerId?: string) {
  const [s] = await db
    .select(subjectColumns)
    .from(sellerMembers)
    .innerJoin(sellers, eq(sellers.id, sellerMembers.sellerId))
    .where(and(eq(sellerMembers.userId, userId), sellerId ? eq(sellers.id, sellerId) : undefined))
    .orderBy(asc(sellerMembers.createdAt))
    .limit(1);
  if (!s) throw forbidden('verify.not_member');
  return s;
}

/** Why this seller cannot be verified now, or nothing when it can. */
export function cannotVerify(s: VerificationSubject, method: VerificationMethod): AppError | undefined {
  if (!verifiableStates.includes(s.status)) return conflict('verify.closed');
  if (!s.repName?.trim() || !s.repCitizenId?.trim()) return conflict('verify.need_rep');
  // VNeID may replace an officer's check (it is the stronger proof); nothing replaces VNeID.
  if (s.verificationMethod === 'oidc' || (s.verificationMethod === 'documents' && method === 'documents')) {
    return conflict('verify.already');
  }
  return undefined;
}

interface Acting {
  actor: Actor;
  ip?: string;
  publicUrl: string;
}

async function tellMembers(
  tx: Executor,
  s: VerificationSubject,
  key: string,
  publicUrl: string,
  reason = '',
) {
  const members = await tx
    .select({ userId: sellerMembers.userId })
    .from(sellerMembers)
    .where(eq(sellerMembers.sellerId, s.id));
  await notify(
    tx,
    members.map((m) => m.userId),
    {
      titleKey: `${key}.title`,
      bodyKey: `${key}.body`,
      params: { shop: s.shopName, reason },
      link: '/kenh-ban-hang/xac-thuc',
    },
    publicUrl,
  );
}

/**
 * Stores a successful verification, in one transaction with its audit entry. The row is
 * locked and checked again: the representative the verifier compared against must still
 * be the one on the application.
 */
async function store(
  db: Db,
  checked: SellerIdentity,
  method: VerificationMethod,
  outcome: Outcome,
  by: Acting,
  reason?: string,
) {
  if (!outcome.ok) throw new Error('only a successful outcome is stored');
  const evidence = outcome.evidence;
  return db.transaction(async (tx) => {
    const s = await findSubject(tx, checked.id, true);
    const refusal = cannotVerify(s, method);
    if (refusal) throw refusal;
    if (s.repName !== checked.repName || s.repCitizenId !== checked.repCitizenId)
      throw conflict('verify.changed');
    const verifiedAt = new Date();
    await tx
      .update(sellers)
      .set({ verificationMethod: method, verifiedAt, verification: evidence })
      .where(eq(sellers.id, s.id));
    await recordAudit(tx, {
      ...auditActor(by.actor),
      action: `seller.verification.${method}`,
      subjectType: 'seller',
      subjectId: s.id,
      reason: reason ?? null,
      data:
        method === 'oidc'
          ? { issuer: evidence.issuer, subject: evidence.subject }
          : { replaced: s.verificationMethod },
      ip: by.ip,
    });
    if (method === 'documents') await tellMembers(tx, s, 'verify.notice.documents', by.publicUrl);
    return verificationOf({ ...s, verificationMethod: method, verifiedAt, verification: evidence });
  });
}

/** An officer who checked the uploaded documents attests the representative's identity. */
export async function verifyByDocuments(db: Db, input: Acting & { sellerId: string; note: string }) {
  const s = await findSubject(db, input.sellerId);
  const refusal = cannotVerify(s, 'documents');
  if (refusal) throw refusal;
  const outcome = await documentsVerifier.verify(s, { officer: input.actor, note: input.note });
  return store(db, s, 'documents', outcome, input, input.note);
}

/** Stores what the VNeID check proved (the verifier has compared the person already). */
export async function storeOidcVerification(db: Db, checked: SellerIdentity, outcome: Outcome, by: Acting) {
  return store(db, checked, 'oidc', outcome, by);
}

/** A refused VNeID check changes nothing but is kept as a security event. */
export async function recordRefusal(
  db: Db,
  sellerId: string | undefined,
  outcome: Outcome,
  by: Omit<Acting, 'publicUrl'>,
) {
  if (outcome.ok) return;
  await recordAudit(db, {
    ...auditActor(by.actor),
    action: 'seller.verification.oidc_refused',
    subjectType: 'seller',
    subjectId: sellerId,
    reason: outcome.reason,
    data: outcome.detail,
    ip: by.ip,
  });
}

/** An officer withdraws a verification (documents found forged, wrong person, ...). */
export async function revokeVerification(db: Db, input: Acting & { sellerId: string; reason: string }) {
  return db.transaction(async (tx) => {
    const s = await findSubject(tx, input.sellerId, true);
    if (!s.verificationMethod) throw conflict('verify.not_verified');
    const revoked: Revocation = {
      at: new Date().toISOString(),
      by: input.actor.id,
      reason: input.reason,
      method: s.verificationMethod,
    };
    await tx
      .update(sellers)
      .set({ verificationMethod: null, verifiedAt: null, verification: { revoked } })
      .where(eq(sellers.id, s.id));
    await recordAudit(tx, {
      ...auditActor(input.actor),
      action: 'seller.verification.revoke',
      subjectType: 'seller',
      subjectId: s.id,
      reason: input.reason,
      data: { method: s.verificationMethod, previous: s.verification },
      ip: input.ip,
    });
    await tellMembers(tx, s, 'verify.notice.revoked', input.publicUrl, input.reason);
    return verificationOf({ ...s, verificationMethod: null, verifiedAt: null, verification: { revoked } });
  });
}

/**
 * Clears a verification because the representative on the application changed: what was
 * proved was someone else. For the application form's service to call when it saves
 * different repName or repCitizenId.
 */
export async function resetVerification(tx: Executor, sellerId: string): Promise<void> {
  await tx
    .update(sellers)
    .set({ verificationMethod: null, verifiedAt: null, verification: null })
    .where(eq(sellers.id, sellerId));
}
