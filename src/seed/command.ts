import path from 'node:path';
import type { Config } from '../config.js';
import { hashPassword } from '../modules/identity/passwords.js';
import type { Db } from '../platform/db/pool.js';
import { localStorage } from '../platform/storage/storage.js';
import { DEMO_PASSWORD, isEmpty, seedDemo } from './demo.js';
import { loadCatalog } from './load-catalog.js';

/** Most products one run may add (a guard against a mistyped count). */
export const MAX_PRODUCTS = 5_000_000;

/** "100000", "100_000", "100,000" -> 100000; null when it is not a whole number from 1 to MAX_PRODUCTS. */
export function parseProductCount(raw: string): number | null {
  const v = raw.replace(/[_,.\s]/g, '');
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 && n <= MAX_PRODUCTS ? n : null;
}

/**
 * `npm run seed [-- --products N]`: the demo data when the database is empty, then N more
 * generated products (a new run each time: other shops, other products, same password).
 */
export async function runSeed(
  db: Db,
  config: Config,
  products: number,
  say: (m: string) => void,
): Promise<void> {
  if (await isEmpty(db)) await seedDemo(db, config, say);
  else if (!products) say('The database is not empty: the demo data is loaded only into an empty database.');
  if (!products) return;
  const r = await loadCatalog(db, localStorage(path.join(config.dataDir, 'uploads')), {
    products,
    provinceCode: config.provinceCode,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    say,
  });
  say(
    `Seed run ${r.batch}: ${r.products} products of ${r.sellers} shops in ${(r.ms / 1000).toFixed(1)} s. ` +
      `Shop owners sign in as ban-hang-${r.batch}-<n>@demo.tmdt.vn with the demo password.`,
  );
}
