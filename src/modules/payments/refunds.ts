import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { auditActor, recordAudit } from '../../platform/audit/service.js';
import type { Db, Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { formatMoney } from '../../platform/http/i18n.js';
import { f } from '../../platform/http/validation.js';
import { recordRefundPaid, refundOwed, refundsOwed } from '../ledger/index.js';
import { notify } from '../notifications/index.js';
import { type Intent, intentByCode, lockIntent } from './intents.js';
import { optionalAmount } from './reconciliation.js';
import { paymentIntents, paymentRefunds, refundAccounts } from './schema.js';

export type Refund = typeof paymentRefunds.$inferSelect;
export type RefundAccount = typeof refundAccounts.$inferSelect;
export type RefundChannel = Refund['channel'];

/** Where the buyer of an order follows its refund (and gives the account to send it to). */
export const refundPagePath = (orderCode: string) => `/hoan-tien/${encodeURIComponent(orderCode)}`;

/**
 * A refund goes back the way the money came: through the gateway for an order paid by VNPAY
 * (its merchant portal or refund API returns it to the card or wallet), by bank transfer from
 * the collection account otherwise.
 */
export const channelOf = (intent: Pick<Intent, 'method'>): RefundChannel =>
  intent.method === 'vnpay' ? 'vnpay' : 'vietqr';

/** A bank's or the gateway's transaction reference as typed: spaces dropped, capitals. */
const reference = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/\s+/g, '').toUpperCase() : v),
  z
    .string('v.required')
    .min(1, 'v.required')
    .max(60, 'v.too_long')
    .regex(/^[A-Z0-9._:/-]{4,60}$/, 'payment.refund.reference_shape'),
);

export const markRefundedInput = z.object({ reference, amount: optionalAmount, reason: f.text(500) });

export const refundQueueQuery = z.object({
  state: z.enum(['owed', 'paid']).default('owed'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
const PAGE = 50;

export interface OwedRow {
  orderId: string;
  amount: bigint;
  since: Date;
  /** The order's payment (every order has one; absent only for money the ledger got otherwise). */
  intent?: Intent;
  account?: RefundAccount;
}

/** The bank accounts buyers gave for these intents. */
async function accountsOf(db: Executor, intentIds: string[]): Promise<Map<string, RefundAccount>> {
  if (!intentIds.length) return new Map();
  const rows = await db.select().from(refundAccounts).where(inArray(refundAccounts.intentId, intentIds));
  return new Map(rows.map((r) => [r.intentId, r]));
}

/** Refunds owed and not yet paid, the longest waiting first, with each order's payment and the buyer's account. */
export async function owedRefunds(db: Executor, page: { limit: number; offset: number }) {
  const { rows, total } = await refundsOwed(db, page);
  const intents = rows.length
    ? await db
        .select()
        .from(paymentIntents)
        .where(
          inArray(
            paymentIntents.orderId,
            rows.map((r) => r.orderId),
          ),
        )
    : [];
  const intentOf = new Map(intents.map((i) => [i.orderId, i]));
  const accounts = await accountsOf(
    db,
    intents.map((i) => i.id),
  );
  const owed: OwedRow[] = rows.map((r) => {
    const intent = intentOf.get(r.orderId);
    return { ...r, intent, account: intent && accounts.get(intent.id) };
  });
  return { rows: owed, total };
}

/** Every refund owed (the bank file), read a page at a time. */
export async function allOwedRefunds(db: Executor): Promise<OwedRow[]> {
  const all: OwedRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const { rows } = await owedRefunds(db, { limit: 500, offset });
    all.push(...rows);
    if (rows.length < 500) return all;
  }
}

/** The officers' queue: refunds to pay (oldest first), or those paid (newest first). */
export async function listRefunds(db: Executor, q: z.output<typeof refundQueueQuery>) {
  const offset = (q.page - 1) * PAGE;
  const pages = (total: number) => Math.max(1, Math.ceil(total / PAGE));
  if (q.state === 'owed') {
    const { rows, total } = await owedRefunds(db, { limit: PAGE, offset });
    return { state: 'owed' as const, owed: rows, paid: [], total, page: q.page, pages: pages(total) };
  }
  const [paid, [n]] = await Promise.all([
    db
      .select({ refund: paymentRefunds, orderCode: paymentIntents.orderCode })
      .from(paymentRefunds)
      .innerJoin(paymentIntents, eq(paymentIntents.id, paymentRefunds.intentId))
      .orderBy(desc(paymentRefunds.paidAt), desc(paymentRefunds.id))
      .limit(PAGE)
      .offset(offset),
    db.select({ n: count() }).from(paymentRefunds),
  ]);
  return { state: 'paid' as const, owed: [], paid, total: n!.n, page: q.page, pages: pages(n!.n) };
}
export type RefundList = Awaited<ReturnType<typeof listRefunds>>;

const refundsOfIntent = (db: Executor, intentId: string) =>
  db
    .select()
    .from(paymentRefunds)
    .where(eq(paymentRefunds.intentId, intentId))
    .orderBy(paymentRefunds.paidAt, paymentRefunds.id);

/** One order's refund: what is still owed, what was paid, the buyer's account. */
export async function refundDetail(db: Executor, code: string) {
  const intent = await intentByCode(db, code);
  if (!intent) throw notFound();
  const [owed, paid, [account]] = await Promise.all([
    refundOwed(db, intent.orderId),
    refundsOfIntent(db, intent.id),
    db.select().from(refundAccounts).where(eq(refundAccounts.intentId, intent.id)),
  ]);
  return { intent, channel: channelOf(intent), owed, paid, account };
}
export type RefundDetail = Awaited<ReturnType<typeof refundDetail>>;

/**
 * An officer records that a refund owed to an order's buyer was paid: the bank transfer's (or
 * the gateway refund's) reference, the amount (default: all that is owed) and why. In one
 * transaction, under the lock of the order's payment intent: the refund row, the ledger's
 * refund_paid entry (refund payable -> cash of the channel), the audit entry and the buyer's
 * notice. The same reference again for the same order records nothing (`recorded: false`), for
 * another order it is refused; two different references racing for one debt pay it once (the
 * second finds nothing owed: 409).
 */
export async function markRefunded(
  db: Db,
  p: z.output<typeof markRefundedInput> & { code: string; actor: Actor; ip?: string; publicUrl: string },
): Promise<{ recorded: boolean }> {
  return db.transaction(async (tx) => {
    const intent = await lockIntent(tx, { code: p.code });
    if (!intent) throw notFound();
    const channel = channelOf(intent);
    const [earlier] = await tx
      .select({ intentId: paymentRefunds.intentId })
      .from(paymentRefunds)
      .where(and(eq(paymentRefunds.channel, channel), eq(paymentRefunds.reference, p.reference)));
    if (earlier) {
      if (earlier.intentId !== intent.id) throw invalid('reference', 'payment.refund.reference_used');
      return { recorded: false };
    }
    const owed = await refundOwed(tx, intent.orderId);
    if (owed <= 0n) throw conflict('payment.refund.nothing_owed');
    const amount = p.amount ?? owed;
    if (amount > owed)
      throw invalid('amount', 'payment.refund.more_than_owed', { owed: formatMoney(owed, 'vi') });
    const [account] =
      channel === 'vietqr'
        ? await tx.select().from(refundAccounts).where(eq(refundAccounts.intentId, intent.id))
        : [];
    const [refund] = await tx
      .insert(paymentRefunds)
      .values({
        intentId: intent.id,
        channel,
        reference: p.reference,
        amount,
        bankBin: account?.bankBin,
        bankAccountNo: account?.bankAccountNo,
        bankAccountName: account?.bankAccountName,
        reason: p.reason,
        actorId: p.actor.id,
      })
      .returning({ id: paymentRefunds.id });
    await recordRefundPaid(tx, { orderId: intent.orderId, amount, channel, reference: p.reference });
    await recordAudit(tx, {
      ...auditActor(p.actor),
      action: 'payment.refund_paid',
      subjectType: 'order',
      subjectId: intent.orderId,
      reason: p.reason,
      data: {
        refundId: refund!.id,
        orderCode: intent.orderCode,
        amount: amount.toString(),
        owedBefore: owed.toString(),
        channel,
        reference: p.reference,
      },
      ip: p.ip,
    });
    await notify(
      tx,
      [intent.buyerId],
      {
        titleKey: 'payment.refund.notice.title',
        bodyKey: `payment.refund.notice.body_${channel}`,
        params: { code: intent.orderCode, amount: formatMoney(amount, 'vi'), reference: p.reference },
        link: refundPagePath(intent.orderCode),
      },
      p.publicUrl,
    );
    return { recorded: true };
  });
}

export interface RefundStatus {
  /** Owed to the buyer and not yet paid. */
  owed: bigint;
  /** Paid so far, and each payment. */
  paid: bigint;
  refunds: { amount: bigint; paidAt: Date; channel: RefundChannel }[];
  /** The buyer's page for it. */
  page: string;
}

/** What an order's buyer is owed and was paid back (null when no refund was ever owed). */
export async function refundOf(db: Executor, orderId: string): Promise<RefundStatus | null> {
  const [owed, rows] = await Promise.all([
    refundOwed(db, orderId),
    db
      .select({
        code: paymentIntents.orderCode,
        amount: paymentRefunds.amount,
        paidAt: paymentRefunds.paidAt,
        channel: paymentRefunds.channel,
      })
      .from(paymentRefunds)
      .innerJoin(paymentIntents, eq(paymentIntents.id, paymentRefunds.intentId))
      .where(eq(paymentIntents.orderId, orderId))
      .orderBy(paymentRefunds.paidAt, paymentRefunds.id),
  ]);
  if (owed === 0n && !rows.length) return null;
  const code = rows[0]?.code ?? (await paymentCode(db, orderId));
  return {
    owed,
    paid: rows.reduce((s, r) => s + r.amount, 0n),
    refunds: rows.map(({ code: _, ...r }) => r),
    page: refundPagePath(code),
  };
}

async function paymentCode(db: Executor, orderId: string): Promise<string> {
  const [row] = await db
    .select({ code: paymentIntents.orderCode })
    .from(paymentIntents)
    .where(eq(paymentIntents.orderId, orderId));
  return row?.code ?? '';
}
