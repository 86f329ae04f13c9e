import { and, eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../platform/db/pool.js';
import { AppError } from '../../platform/http/errors.js';
import { type accountCode, type entryKind, ledgerAccounts, ledgerEntries, ledgerPostings } from './schema.js';

export type AccountCode = (typeof accountCode.enumValues)[number];
export type EntryKind = (typeof entryKind.enumValues)[number];
export type Channel = 'vietqr' | 'vnpay';

/** The subject of the platform-wide accounts (cash, suspense, fee, taxes). */
export const PLATFORM = '00000000-0000-0000-0000-000000000000';

/** Assets carry debit balances; everything the platform holds for someone carries credit ones. */
const debitNormal = new Set<AccountCode>(['cash:vietqr', 'cash:vnpay', 'seller_receivable']);
export const normalOf = (code: AccountCode) => (debitNormal.has(code) ? 'debit' : 'credit');

/** One posting: debit positive, credit negative. */
export interface Line {
  code: AccountCode;
  subject?: string;
  amount: bigint;
}
export const debit = (code: AccountCode, amount: bigint, subject?: string): Line => ({
  code,
  subject,
  amount,
});
export const credit = (code: AccountCode, amount: bigint, subject?: string): Line => ({
  code,
  subject,
  amount: -amount,
});

export interface EntryInput {
  kind: EntryKind;
  /** With the kind, what makes the entry unique: a second entry with both is not posted. */
  reference: string;
  orderId?: string;
  sellerId?: string;
  memo?: string;
  reversesEntryId?: string;
  at?: Date;
  lines: Line[];
}

/**
 * Posts one balanced entry in the caller's transaction and moves the running balances.
 * Returns the entry's id, or null when an entry with the same kind and reference exists (a
 * retry) or there is nothing to move. An account that would go below zero refuses with a
 * 409 and, the transaction being the caller's, nothing of the operation remains.
 */
export async function post(tx: Executor, e: EntryInput): Promise<string | null> {
  // Accounts are locked in one order by every entry, so that two entries never wait on each
  // other: an order's or a seller's accounts first (by code: escrow, refund payable, seller
  // payable, seller receivable, the order the operations that lock one beforehand follow),
  // the platform-wide ones (cash, fee, taxes, suspense) last.
  const merged = new Map<string, Line>();
  for (const l of e.lines) {
    const key = `${(l.subject ?? PLATFORM) === PLATFORM ? 1 : 0}|${l.code}|${l.subject ?? PLATFORM}`;
    const prev = merged.get(key);
    merged.set(key, {
      code: l.code,
      subject: l.subject ?? PLATFORM,
      amount: (prev?.amount ?? 0n) + l.amount,
    });
  }
  const lines = [...merged.entries()]
    .filter(([, l]) => l.amount !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, l]) => l);
  if (lines.reduce((s, l) => s + l.amount, 0n) !== 0n)
    throw new Error(`ledger entry ${e.kind} ${e.reference} does not balance`);
  if (!lines.length) return null;

  const [entry] = await tx
    .insert(ledgerEntries)
    .values({
      kind: e.kind,
      reference: e.reference,
      orderId: e.orderId,
      sellerId: e.sellerId,
      memo: e.memo ?? '',
      reversesEntryId: e.reversesEntryId,
      at: e.at ?? new Date(),
    })
    .onConflictDoNothing({ target: [ledgerEntries.kind, ledgerEntries.reference] })
    .returning({ id: ledgerEntries.id });
  if (!entry) return null;

  const postings: (typeof ledgerPostings.$inferInsert)[] = [];
  for (const l of lines) {
    const accountId = await move(tx, l);
    postings.push({ entryId: entry.id, accountId, amount: l.amount });
  }
  await tx.insert(ledgerPostings).values(postings);
  return entry.id;
}

/** Adds a posting to its account's balance (creating the account at zero the first time). */
async function move(tx: Executor, l: Line): Promise<string> {
  const subject = l.subject ?? PLATFORM;
  const delta = normalOf(l.code) === 'debit' ? l.amount : -l.amount;
  const update = () =>
    tx
      .update(ledgerAccounts)
      .set({ balance: sql`${ledgerAccounts.balance} + ${delta}` })
      .where(and(eq(ledgerAccounts.code, l.code), eq(ledgerAccounts.subjectId, subject)))
      .returning({ id: ledgerAccounts.id });
  try {
    let [row] = await update();
    if (!row) {
      await tx
        .insert(ledgerAccounts)
        .values({ id: uuidv7(), code: l.code, subjectId: subject, normal: normalOf(l.code) })
        .onConflictDoNothing();
      [row] = await update();
    }
    return row!.id;
  } catch (err) {
    if (checkViolation(err) === 'ledger_accounts_not_negative')
      throw new AppError(409, 'ledger_insufficient', 'ledger.insufficient', { account: l.code });
    throw err;
  }
}

function checkViolation(err: unknown): string | undefined {
  for (
    let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === '23514') return e.constraint;
  }
  return undefined;
}

/**
 * A correction: a new entry with every posting of `entryId` negated, pointing back at it.
 * Once per entry and kind (the reference is the reversed entry's id).
 */
export async function reverseEntry(
  tx: Executor,
  entryId: string,
  e: { kind: EntryKind; memo: string; at?: Date },
): Promise<string | null> {
  const [original] = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.id, entryId));
  if (!original) return null;
  const lines = await tx
    .select({ code: ledgerAccounts.code, subject: ledgerAccounts.subjectId, amount: ledgerPostings.amount })
    .from(ledgerPostings)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerPostings.accountId))
    .where(eq(ledgerPostings.entryId, entryId));
  return post(tx, {
    kind: e.kind,
    reference: entryId,
    orderId: original.orderId ?? undefined,
    sellerId: original.sellerId ?? undefined,
    memo: e.memo,
    reversesEntryId: entryId,
    at: e.at,
    lines: lines.map((l) => ({ ...l, amount: -l.amount })),
  });
}

/** The balance of one account on its normal side (0 when it was never used). */
export async function balanceOf(db: Executor, code: AccountCode, subject = PLATFORM): Promise<bigint> {
  const [row] = await db
    .select({ balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.code, code), eq(ledgerAccounts.subjectId, subject)));
  return row?.balance ?? 0n;
}

/**
 * Locks one account's row for the rest of the transaction and returns its balance (0 when it
 * does not exist yet): what an operation reads before deciding how much to move.
 */
export async function lockBalance(tx: Executor, code: AccountCode, subject = PLATFORM): Promise<bigint> {
  const [row] = await tx
    .select({ balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.code, code), eq(ledgerAccounts.subjectId, subject)))
    .for('update');
  return row?.balance ?? 0n;
}

/** Whole đồng from num / den, halves rounded up (num, den >= 0). */
export const roundHalfUp = (num: bigint, den: bigint): bigint => (2n * num + den) / (2n * den);

/** The smaller of two amounts (Math.min takes no bigint). */
export const minAmount = (a: bigint, b: bigint): bigint => (a < b ? a : b);
