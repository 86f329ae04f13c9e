import { createHash } from 'node:crypto';
import { and, eq, gt, like, lt, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { isUuid } from '../../../platform/db/columns.js';
import type { Executor } from '../../../platform/db/pool.js';
import { files } from '../../../platform/storage/schema.js';
import type { Storage } from '../../../platform/storage/storage.js';

/**
 * Files an import keeps for an hour: the uploaded spreadsheet (so "import only the valid rows"
 * needs no second upload, and works without JavaScript) and the report shown after an import.
 * They live behind the storage interface like every file, under `imports/`, owned by the user.
 */
export const KEEP_MS = 60 * 60 * 1000;
const PREFIX = 'imports/';

export async function keep(
  db: Executor,
  storage: Storage,
  ownerId: string,
  f: { name: string; data: Buffer; mime: string; ext: string },
): Promise<string> {
  const id = uuidv7();
  const key = `${PREFIX}${id}.${f.ext}`;
  await storage.put(key, f.data, f.mime);
  await db.insert(files).values({
    id,
    key,
    originalName: f.name.slice(0, 200),
    mime: f.mime,
    size: f.data.length,
    sha256: createHash('sha256').update(f.data).digest('hex'),
    ownerId,
  });
  return id;
}

const fresh = (ownerId: string, id: string) =>
  and(
    eq(files.id, id),
    eq(files.ownerId, ownerId),
    like(files.key, `${PREFIX}%`),
    gt(files.createdAt, sql`now() - ${`${KEEP_MS} milliseconds`}::interval`),
  );

/**
 * A kept upload (or, with `report`, a kept report) of the user, younger than an hour;
 * undefined otherwise: someone else's, expired, already imported, or of the other kind.
 */
export async function kept(db: Executor, storage: Storage, ownerId: string, id: string, report = false) {
  if (!isUuid(id)) return undefined;
  const [f] = await db.select().from(files).where(fresh(ownerId, id));
  if (!f || f.key.endsWith('.json') !== report) return undefined;
  return { filename: f.originalName, data: await storage.get(f.key) };
}

/**
 * Takes a kept upload out of use inside the import's transaction: a second click on "import"
 * waits for the first and then finds nothing, so a file is never imported twice. Answers the
 * storage key, whose bytes the caller removes once the transaction has committed.
 */
export async function consume(tx: Executor, ownerId: string, id: string): Promise<string | undefined> {
  if (!isUuid(id)) return undefined;
  const [gone] = await tx.delete(files).where(fresh(ownerId, id)).returning({ key: files.key });
  return gone?.key;
}

/** Removes what imports kept more than an hour ago (run at each new import, by any instance). */
export async function sweep(db: Executor, storage: Storage): Promise<void> {
  const old = await db
    .delete(files)
    .where(
      and(
        like(files.key, `${PREFIX}%`),
        lt(files.createdAt, sql`now() - ${`${KEEP_MS} milliseconds`}::interval`),
      ),
    )
    .returning({ key: files.key });
  await Promise.all(old.map((f) => storage.delete(f.key)));
}
