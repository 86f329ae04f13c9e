import type { Executor } from '../../platform/db/pool.js';
import { recordAudit } from '../../platform/audit/service.js';
import { hashPassword } from './passwords.js';
import { users } from './schema.js';

export type Role = (typeof users.$inferSelect)['role'];

export async function createUser(
  db: Executor,
  u: { email?: string; phone?: string; fullName: string; password: string; role?: Role },
) {
  const [row] = await db
    .insert(users)
    .values({
      email: u.email?.toLowerCase() ?? null,
      phone: u.phone ?? null,
      fullName: u.fullName,
      passwordHash: await hashPassword(u.password),
      role: u.role ?? 'buyer',
    })
    .returning();
  return row;
}

/** The first administrator is made from the command line (`npm run admin`). */
export async function createAdmin(db: Executor, u: { email?: string; phone?: string; fullName: string; password: string }) {
  return db.transaction(async (tx) => {
    const user = await createUser(tx, { ...u, role: 'admin' });
    await recordAudit(tx, { actorLabel: 'cli', action: 'user.create_admin', subjectType: 'user', subjectId: user.id });
    return user;
  });
}
