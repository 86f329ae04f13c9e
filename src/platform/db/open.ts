import path from 'node:path';
import type { Config } from '../../config.js';
import { startEmbeddedPostgres } from './embedded.js';
import { runMigrations } from './migrate.js';
import { createDb, type Db } from './pool.js';

export interface OpenDb {
  db: Db;
  embedded: boolean;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL; then applies migrations. */
export async function openDatabase(config: Config, log: (msg: string) => void): Promise<OpenDb> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const t0 = Date.now();
    const pg = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'));
    url = pg.url;
    stopEmbedded = pg.stop;
    log(
      `Embedded PostgreSQL ready on ${new URL(url).host} in ${Date.now() - t0} ms (data in ${path.join(config.dataDir, 'pg')})`,
    );
  }
  const db = createDb(url);
  try {
    await runMigrations(db);
  } catch (err) {
    await db.$client.end();
    await stopEmbedded?.();
    throw err;
  }
  return {
    db,
    embedded: !!stopEmbedded,
    async close() {
      await db.$client.end();
      await stopEmbedded?.();
    },
  };
}
