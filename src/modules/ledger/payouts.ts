import { asc, desc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { auditActor, recordAudit } from '../../platform/audit/service.js';
import type { Db, Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { stateMachine } from '../../platform/state-machine.js';
import { getSeller } from '../sellers/index.js';
import { postPayout, postPayoutCancelled, postPayoutPaid } from './payout-postings.js';
import { payoutBatches, payoutItems, payoutTransitions } from './schema.js';

export type PayoutStatus = (typeof payoutBatches.$inferSelect)['status'];
export type PayoutAction = 'mark_paid' | 'cancel';

/** created -> paid (the bank made the transfers) | cancelled (it will not: the money goes back to the sellers). */
export const payoutLifecycle = stateMachine<PayoutStatus, PayoutAction, 'officer'>('payout', [
  { action: 'mark_paid', from: ['created'], to: 'paid', by: ['officer'], reason: true },
  { action: 'cancel', from: ['created'], to: 'cancelled', by: ['officer'], reason: true },
]);

/** The batch's number as officers and the bank file quote it: "CT-000012". */
export const batchLabel = (n: number) => `CT-${String(n).padStart(6, '0')}`;

/** Only one batch is made at a time, so two officers never put one balance in two batches. */
const PAYOUT_LOCK = 727_101;

/**
 * A batch of every seller whose available balance (payable less what it owes) is positive
 * and who has a bank account on file. Sellers without one are left for a later batch.
 */
export async function createPayoutBatch(
  db: Db,
  p: { actor: Actor; reason?: string; ip?: string },
): Promise<{ id: string; number: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PAYOUT_LOCK})`);
    const candidates = await tx.execute<{ seller_id: string }>(sql`
      SELECT p.subject_id AS seller_id
      FROM ledger_accounts p
      LEFT JOIN ledger_accounts r ON r.code = 'seller_receivable' AND r.subject_id = p.subject_id
      WHERE p.code = 'seller_payable' AND p.balance - coalesce(r.balance, 0) > 0
      ORDER BY p.subject_id`);
    const id = uuidv7();
    const [batch] = await tx
      .insert(payoutBatches)
      .values({ id, total: 0n, sellerCount: 0, createdBy: p.actor.id })
      .returning({ number: payoutBatches.number });
    const label = batchLabel(batch!.number);
    const items: (typeof payoutItems.$inferInsert)[] = [];
    for (const { seller_id: sellerId } of candidates.rows) {
      const s = await getSeller(tx, sellerId);
      if (!s?.bankBin || !s.bankAccountNo || !s.bankAccountName) continue;
      const amount = await postPayout(tx, id, sellerId, label);
      if (amount > 0n)
        items.push({
          batchId: id,
          sellerId,
          amount,
          bankBin: s.bankBin,
          bankAccountNo: s.bankAccountNo.replace(/\s+/g, ''),
          bankAccountName: s.bankAccountName,
          memo: `TMDT ${label} ${s.slug}`.slice(0, 80),
        });
    }
    if (!items.length) throw new AppError(409, 'payout_nothing', 'ledger.payout.nothing');
    await tx.insert(payoutItems).values(items);
    const total = items.reduce((s, i) => s + i.amount, 0n);
    await tx.update(payoutBatches).set({ total, sellerCount: items.length }).where(eq(payoutBatches.id, id));
    await tx
      .insert(payoutTransitions)
      .values({ batchId: id, toStatus: 'created', actorId: p.actor.id, reason: p.reason?.trim() || null });
    await recordAudit(tx, {
      ...auditActor(p.actor),
      action: 'ledger.payout.create',
      subjectType: 'payout_batch',
      subjectId: id,
      reason: p.reason?.trim() || null,
      data: { number: batch!.number, total: total.toString(), sellers: items.length },
      ip: p.ip,
    });
    return { id, number: batch!.number };
  });
}

/** An officer records that the bank made the batch's transfers (mark_paid) or that it will not (cancel). */
export async function transitionPayout(
  db: Db,
  p: { batchId: string; action: PayoutAction; actor: Actor; reason: string; ip?: string },
): Promise<PayoutStatus> {
  return db.transaction(async (tx) => {
    const [b] = await tx.select().from(payoutBatches).where(eq(payoutBatches.id, p.batchId)).for('update');
    if (!b) throw notFound();
    const reason = p.reason.trim();
    const to = payoutLifecycle.next(b.status, p.action, 'officer', reason);
    const at = new Date();
    if (p.action === 'mark_paid') await postPayoutPaid(tx, b.id, batchLabel(b.number));
    else {
      const items = await tx
        .select({ sellerId: payoutItems.sellerId })
        .from(payoutItems)
        .where(eq(payoutItems.batchId, b.id));
      await postPayoutCancelled(
        tx,
        b.id,
        items.map((i) => i.sellerId),
        reason,
      );
    }
    await tx
      .update(payoutBatches)
      .set({ status: to, ...(to === 'paid' ? { paidAt: at } : {}) })
      .where(eq(payoutBatches.id, b.id));
    await tx
      .insert(payoutTransitions)
      .values({ batchId: b.id, fromStatus: b.status, toStatus: to, actorId: p.actor.id, reason, at });
    await recordAudit(tx, {
      ...auditActor(p.actor),
      action: `ledger.payout.${p.action}`,
      subjectType: 'payout_batch',
      subjectId: b.id,
      reason,
      data: { number: b.number, total: b.total.toString() },
      ip: p.ip,
    });
    return to;
  });
}

export const listPayoutBatches = (db: Executor, limit = 50) =>
  db.select().from(payoutBatches).orderBy(desc(payoutBatches.number)).limit(limit);

export async function payoutBatch(db: Executor, id: string) {
  const [batch] = await db.select().from(payoutBatches).where(eq(payoutBatches.id, id));
  if (!batch) throw notFound();
  const items = await db
    .select()
    .from(payoutItems)
    .where(eq(payoutItems.batchId, id))
    .orderBy(asc(payoutItems.bankAccountName));
  const history = await db
    .select()
    .from(payoutTransitions)
    .where(eq(payoutTransitions.batchId, id))
    .orderBy(asc(payoutTransitions.at), asc(payoutTransitions.id));
  return { batch, items, history };
}
export type PayoutBatchView = Awaited<ReturnType<typeof payoutBatch>>;
