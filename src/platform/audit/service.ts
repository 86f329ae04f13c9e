import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Executor } from '../db/pool.js';
import { auditLog } from './schema.js';

export interface AuditEntry {
  actorId?: string | null;
  actorLabel?: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  reason?: string | null;
  data?: Record<string, unknown>;
  ip?: string;
}

/**
 * Who acted, as an entry names them: the account, and the phone or e-mail it signs in with
 * (still readable if the account is gone).
 */
export const auditActor = (who: { id: string; email: string | null; phone: string | null }) => ({
  actorId: who.id,
  actorLabel: who.email ?? who.phone,
});

const GENESIS = '0'.repeat(64);
const AUDIT_LOCK = 727002;

/** JSON with keys sorted at every level, so a row hashes the same after a round trip through jsonb. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

type Row = typeof auditLog.$inferSelect;

function hashRow(prevHash: string, r: Omit<Row, 'id' | 'hash' | 'prevHash'>): string {
  const body = canonicalJson({
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    reason: r.reason,
    data: r.data,
    ip: r.ip,
  });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/**
 * Appends one entry. Call it inside the transaction that makes the change, so the change
 * and its record commit together. The lock serialises writers so the chain stays linear.
 */
export async function recordAudit(tx: Executor, e: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS;
  const row = {
    at: new Date(),
    actorId: e.actorId ?? null,
    actorLabel: e.actorLabel ?? null,
    action: e.action,
    subjectType: e.subjectType ?? null,
    subjectId: e.subjectId ?? null,
    reason: e.reason ?? null,
    data: e.data ?? null,
    ip: e.ip ?? null,
  };
  await tx.insert(auditLog).values({ ...row, prevHash, hash: hashRow(prevHash, row) });
}

export type ChainReport =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: number; why: string };

/** Walks the whole chain in order; names the first row whose link or content does not match. */
export async function verifyAuditChain(db: Executor): Promise<ChainReport> {
  let prev = GENESIS;
  let after = 0;
  let rows = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, after))
      .orderBy(asc(auditLog.id))
      .limit(5000);
    if (!batch.length) return { ok: true, rows };
    for (const r of batch) {
      if (r.prevHash !== prev)
        return {
          ok: false,
          rows,
          brokenAt: r.id,
          why: 'previous hash does not match (a row before it was removed or changed)',
        };
      if (hashRow(prev, r) !== r.hash)
        return {
          ok: false,
          rows,
          brokenAt: r.id,
          why: 'content does not match its hash (the row was altered)',
        };
      prev = r.hash;
      after = r.id;
      rows++;
    }
  }
}
