import type { Executor } from '../../platform/db/pool.js';
import type { FormState } from '../../web/forms.js';
import { listDocuments } from './documents.js';
import { sellerLifecycle } from './lifecycle.js';
import { memberships } from './service.js';
import { staffOf } from './staff.js';
import { sellerHistory } from './transitions.js';
import { verificationOf } from './verification/index.js';
import type { ShopView } from './views/seller-center.js';

/** Whether a recorded move was the Department's: every move but submitting is an officer's. */
export function byOfficer(h: { fromStatus: string | null; toStatus: string }): boolean {
  const t = sellerLifecycle.table.find((x) => x.to === h.toStatus && x.from.some((f) => f === h.fromStatus));
  return !!t?.by.includes('officer');
}

/** Everything the seller centre shows about each of the user's shops. */
export async function shopViews(
  db: Executor,
  userId: string,
  opts: {
    /** The invitation form as posted, to show again with its errors. */
    invite?: { sellerId: string; state: FormState };
    /** Where to start a VNeID check of a shop, when VNeID is configured. */
    vneidUrl?: (sellerId: string) => string | undefined;
  } = {},
): Promise<ShopView[]> {
  const out: ShopView[] = [];
  for (const { seller, role } of await memberships(db, userId)) {
    const history = (await sellerHistory(db, seller.id)).map((h) => ({ ...h, byOfficer: byOfficer(h) }));
    const documents = await listDocuments(db, seller.id);
    out.push({
      seller,
      role,
      history,
      documents,
      verification: verificationOf(seller),
      vneidUrl: opts.vneidUrl?.(seller.id),
      staff: role === 'owner' ? await staffOf(db, seller.id) : undefined,
      inviteState: opts.invite?.sellerId === seller.id ? opts.invite.state : undefined,
    });
  }
  return out;
}

/** The same, as the JSON API returns it. */
export function shopJson(v: ShopView) {
  const s = v.seller;
  return {
    id: s.id,
    shopName: s.shopName,
    slug: s.slug,
    status: s.status,
    legalForm: s.legalForm,
    role: v.role,
    storefrontUrl: s.status === 'approved' ? `/cua-hang/${s.slug}` : null,
    submittedAt: s.submittedAt?.toISOString() ?? null,
    history: v.history.map(historyJson),
    documents: v.documents.map((d) => ({
      kind: d.kind,
      fileId: d.fileId,
      name: d.name,
      url: `/tep/${d.fileId}`,
    })),
    verification: {
      method: v.verification.method,
      verifiedAt: v.verification.verifiedAt?.toISOString() ?? null,
    },
  };
}

export function historyJson(h: ShopView['history'][number]) {
  return {
    from: h.fromStatus,
    to: h.toStatus,
    reason: h.reason,
    at: h.at.toISOString(),
    byOfficer: h.byOfficer,
  };
}
