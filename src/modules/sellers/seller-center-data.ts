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

/** A shop's history as its members see it: each move marked as the Department's or the shop's. */
async function shopHistory(db: Executor, sellerId: string) {
  return (await sellerHistory(db, sellerId)).map((h) => ({ ...h, byOfficer: byOfficer(h) }));
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
    out.push({
      seller,
      role,
      history: await shopHistory(db, seller.id),
      documents: await listDocuments(db, seller.id),
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

/** A shop's history as the JSON API returns it. */
export async function shopHistoryJson(db: Executor, sellerId: string) {
  return (await shopHistory(db, sellerId)).map(historyJson);
}

function historyJson(h: ShopView['history'][number]) {
  return {
    from: h.fromStatus,
    to: h.toStatus,
    reason: h.reason,
    at: h.at.toISOString(),
    byOfficer: h.byOfficer,
  };
}
