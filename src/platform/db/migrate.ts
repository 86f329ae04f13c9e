import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Db } from './pool.js';

export const migrationsFolder = path.resolve(import.meta.dirname, '../../../migrations');

/**
 * Applies the committed SQL migrations. An advisory lock keeps several app instances
 * starting at once from migrating concurrently.
 */
export async function runMigrations(db: Db): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727001)');
    await client.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await migrate(db, { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock(727001)').catch(() => {});
    client.release();
  }
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`SELECT 1`);
}
