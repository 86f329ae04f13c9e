import { sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../platform/db/pool.js';
import { createUser } from '../modules/identity/index.js';

export async function isEmpty(db: Db): Promise<boolean> {
  const r = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
  return r.rows[0].n === 0;
}

/** Demo accounts (all with the password in DEMO_PASSWORD), listed in the README. */
export const DEMO_PASSWORD = 'matkhau-demo-2026';

export async function seedDemo(db: Db, _config: Config, say: (m: string) => void): Promise<void> {
  const t0 = Date.now();
  await db.transaction(async (tx) => {
    await createUser(tx, { email: 'admin@demo.tmdt.vn', fullName: 'Quản trị viên', password: DEMO_PASSWORD, role: 'admin' });
    await createUser(tx, { email: 'canbo@demo.tmdt.vn', fullName: 'Trần Thị Cán Bộ', password: DEMO_PASSWORD, role: 'officer' });
    await createUser(tx, { email: 'nguoimua@demo.tmdt.vn', phone: '0912345678', fullName: 'Lê Văn Mua', password: DEMO_PASSWORD });
  });
  say(`Demo data loaded in ${Date.now() - t0} ms.`);
}
