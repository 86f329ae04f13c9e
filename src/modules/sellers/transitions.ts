import { asc, eq } from 'drizzle-orm';
import { auditActor, recordAudit } from '../../platform/audit/service.js';
import type { Db, Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import { publish } from '../../platform/jobs/outbox.js';
import { notify } from '../notifications/index.js';
import { type SellerAction, type SellerParty, type SellerStatus, sellerLifecycle } from './lifecycle.js';
import { sellerMembers, sellers, sellerTransitions } from './schema.js';

/** Outbox topic: payload { sellerId, from, to }. */
export const SELLER_STATUS_CHANGED = 'seller.status_changed';

export interface TransitionInput {
  sellerId: string;
  action: SellerAction;
  actor: Actor;
  party: SellerParty;
  reason?: string;
  ip?: string;
  publicUrl: string;
}

/**
 * Moves a seller along its lifecycle: checks the transition table, records who, when and
 * why, writes the audit log for officers, and notifies the shop's members, all in one
 * transaction. The row lock makes two officers acting at once see each other's decision.
 */
export async function transitionSeller(db: Db, input: TransitionInput): Promise<SellerStatus> {
  return db.transaction(async (tx) => {
    const [s] = await tx
      .select({ status: sellers.status, shopName: sellers.shopName })
      .from(sellers)
      .where(eq(sellers.id, input.sellerId))
      .for('update');
    if (!s) throw notFound();
    const reason = input.reason?.trim() || null;
    const to = sellerLifecycle.next(s.status, input.action, input.party, reason ?? undefined);
    const now = new Date();
    await tx
      .update(sellers)
      .set({
        status: to,
        ...(input.action === 'submit' ? { submittedAt: now } : {}),
        ...(['approve', 'reject', 'request_changes'].includes(input.action) ? { decidedAt: now } : {}),
      })
      .where(eq(sellers.id, input.sellerId));
    // Other modules follow the shop's status (the catalog takes its products out of search).
    await publish(tx, SELLER_STATUS_CHANGED, { sellerId: input.sellerId, from: s.status, to });
    await tx.insert(sellerTransitions).values({
      sellerId: input.sellerId,
      fromStatus: s.status,
      toStatus: to,
      actorId: input.actor.id,
      reason,
      at: now,
    });
    if (input.party === 'officer') {
      await recordAudit(tx, {
        ...auditActor(input.actor),
        action: `seller.${input.action}`,
        subjectType: 'seller',
        subjectId: input.sellerId,
        reason,
        data: { from: s.status, to },
        ip: input.ip,
      });
      const members = await tx
        .select({ userId: sellerMembers.userId })
        .from(sellerMembers)
        .where(eq(sellerMembers.sellerId, input.sellerId));
      await notify(
        tx,
        members.map((m) => m.userId),
        {
          titleKey: `seller.notice.${input.action}.title`,
          bodyKey: reason
            ? `seller.notice.${input.action}.body`
            : `seller.notice.${input.action}.body_noreason`,
          params: { shop: s.shopName, reason: reason ?? '' },
          link: '/kenh-ban-hang',
        },
        input.publicUrl,
      );
    }
    return to;
  });
}

export async function sellerHistory(db: Executor, sellerId: string) {
  return db
    .select()
    .from(sellerTransitions)
    .where(eq(sellerTransitions.sellerId, sellerId))
    .orderBy(asc(sellerTransitions.at), asc(sellerTransitions.id));
}
