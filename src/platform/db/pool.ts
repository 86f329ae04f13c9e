import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

// bigint (int8) columns come back as JS bigint: money is integer đồng and must stay exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => BigInt(v));

export type Db = NodePgDatabase<Record<string, never>> & { $client: pg.Pool };
/** A transaction handle; service functions accept either (`Db | Tx` is written `Executor`). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export function createDb(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'tmdt' });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  return drizzle(pool) as Db;
}

/** The constraint a PostgreSQL unique violation (23505) names, looking through driver wrappers. */
export function uniqueViolation(err: unknown): string | undefined {
  for (
    let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === '23505') return e.constraint;
  }
  return undefined;
}
