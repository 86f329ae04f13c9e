import { z } from 'zod';
import type { Executor } from '../../platform/db/pool.js';
import { normalizeCode } from './document.js';
import { verifySignature } from './keys.js';
import { type ContractRow, canonicalBytes, findContract, publicKeyPem, sha256Hex } from './service.js';

/**
 * What checking a contract found. `authentic`: the signature is the platform's over the
 * canonical bytes, the hash matches, and the document is the one on record. Otherwise the
 * first thing that failed: the file cannot be read, no contract has its code, its content
 * was changed (hash or record), or the signature is not the platform's.
 */
export type Verdict = 'authentic' | 'unreadable' | 'unknown_code' | 'altered' | 'bad_signature';

export interface Verification {
  verdict: Verdict;
  code: string | null;
  checks: {
    hash: 'ok' | 'mismatch' | 'not_checked';
    signature: 'ok' | 'invalid' | 'unknown_key' | 'not_checked';
    record: 'ok' | 'differs' | 'missing' | 'not_checked';
  };
  /** Where the checked document differs from the one on record (JSON paths, at most 20). */
  differences: string[];
  /** The contract on record, when there is one: enough to compare with a printed copy. */
  contract: {
    code: string;
    orderCode: string;
    sellerName: string;
    total: string;
    signedAt: Date;
    hash: string;
    keyId: string;
  } | null;
}

const notChecked: Verification['checks'] = {
  hash: 'not_checked',
  signature: 'not_checked',
  record: 'not_checked',
};

/** Only what verification needs; the document itself is checked by its bytes, not its shape. */
const fileShape = z.object({
  document: z.looseObject({ code: z.string() }),
  hash: z.object({ value: z.string() }),
  signature: z.object({ keyId: z.string(), value: z.string() }),
});

function summary(row: ContractRow): NonNullable<Verification['contract']> {
  const doc = JSON.parse(row.document);
  return {
    code: row.code,
    orderCode: String(doc.order?.code ?? ''),
    sellerName: String(doc.seller?.name ?? ''),
    total: String(doc.total ?? ''),
    signedAt: row.signedAt,
    hash: row.hash,
    keyId: row.keyId,
  };
}

async function signatureCheck(db: Executor, keyId: string, bytes: Buffer, signature: string) {
  const pem = await publicKeyPem(db, keyId);
  if (!pem) return 'unknown_key' as const;
  return verifySignature(pem, bytes, signature) ? ('ok' as const) : ('invalid' as const);
}

/**
 * A contract by its code (or its order's): the stored document is checked against its own
 * hash and signature, so a record changed in the database is caught too.
 */
export async function verifyCode(db: Executor, typed: string): Promise<Verification> {
  const code = normalizeCode(typed);
  const row = code ? await findContract(db, code) : undefined;
  if (!row) {
    return {
      verdict: 'unknown_code',
      code: code ?? null,
      checks: { ...notChecked, record: 'missing' },
      differences: [],
      contract: null,
    };
  }
  const bytes = Buffer.from(row.document, 'utf8');
  const checks: Verification['checks'] = {
    hash: sha256Hex(bytes) === row.hash ? 'ok' : 'mismatch',
    signature: await signatureCheck(db, row.keyId, bytes, row.signature),
    record: 'ok',
  };
  const verdict =
    checks.hash !== 'ok' ? 'altered' : checks.signature !== 'ok' ? 'bad_signature' : 'authentic';
  return { verdict, code: row.code, checks, differences: [], contract: summary(row) };
}

/** A downloaded contract file (its text, or the parsed JSON), checked against the record. */
export async function verifyFile(db: Executor, file: unknown): Promise<Verification> {
  let json: unknown = file;
  if (typeof file === 'string') {
    try {
      json = JSON.parse(file);
    } catch {
      json = undefined;
    }
  }
  const parsed = fileShape.safeParse(json);
  if (!parsed.success) {
    return { verdict: 'unreadable', code: null, checks: notChecked, differences: [], contract: null };
  }
  const { document, hash, signature } = parsed.data;
  const bytes = canonicalBytes(document);
  const row = await findContract(db, normalizeCode(document.code) ?? document.code);
  const stored = row ? JSON.parse(row.document) : undefined;
  const checks: Verification['checks'] = {
    hash: sha256Hex(bytes) === hash.value.toLowerCase() ? 'ok' : 'mismatch',
    signature: await signatureCheck(db, signature.keyId, bytes, signature.value),
    record: !row ? 'missing' : row.document === bytes.toString('utf8') ? 'ok' : 'differs',
  };
  const verdict: Verdict =
    checks.record === 'missing'
      ? 'unknown_code'
      : checks.hash !== 'ok' || checks.record !== 'ok'
        ? 'altered'
        : checks.signature !== 'ok'
          ? 'bad_signature'
          : 'authentic';
  return {
    verdict,
    code: row?.code ?? document.code,
    checks,
    differences: stored ? differences(stored, document) : [],
    contract: row ? summary(row) : null,
  };
}

/** The JSON paths where two values differ, depth first, at most `max`. */
export function differences(a: unknown, b: unknown, path = '', out: string[] = [], max = 20): string[] {
  if (out.length >= max) return out;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) differences(a[i], b[i], `${path}[${i}]`, out, max);
  } else if (isObj(a) && isObj(b) && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) differences(a[k], b[k], path ? `${path}.${k}` : k, out, max);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(path || '(document)');
  }
  return out.slice(0, max);
}
