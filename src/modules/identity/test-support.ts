import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Client, type TestApp } from '../../../test/helpers.js';
import type { App } from '../../app.js';
import type { Role } from './service.js';
import { createUser } from './service.js';

/**
 * A browser with its own address (X-Forwarded-For; the test app trusts the proxy), so
 * that the per-IP limits on sign-in count each simulated person separately.
 */
export class IpClient extends Client {
  constructor(
    app: App,
    readonly ip = `10.${[1, 2, 3].map(() => randomBytes(1)[0]).join('.')}`,
  ) {
    super(app);
  }

  override request(
    method: string,
    url: string,
    opts: { headers?: Record<string, string>; payload?: unknown } = {},
  ) {
    return super.request(method, url, { ...opts, headers: { 'x-forwarded-for': this.ip, ...opts.headers } });
  }
}

export const PASSWORD = 'mot-mat-khau-dai-2026';

let seq = 0;
/** A user with a unique e-mail (and phone), straight in the database. */
export async function makeUser(
  t: TestApp,
  role: Role = 'buyer',
  extra: { phone?: string; email?: string } = {},
) {
  seq += 1;
  const email = extra.email ?? `user${seq}-${randomBytes(3).toString('hex')}@example.vn`;
  const user = await createUser(t.db, {
    email,
    phone: extra.phone,
    fullName: `Người Dùng ${seq}`,
    password: PASSWORD,
    role,
  });
  return { ...user, password: PASSWORD };
}

/** A signed-in browser for a new user of the role, through the real sign-in form. */
export async function signedIn(t: TestApp, role: Role = 'buyer') {
  const user = await makeUser(t, role);
  const c = new IpClient(t.app);
  const res = await c.form('/dang-nhap', { identifier: user.email!, password: PASSWORD });
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
  return { c, user };
}

/** Audit rows of an action, oldest first. */
export async function auditRows(t: TestApp, action: string) {
  const r = await t.db.execute<{
    actor_id: string | null;
    subject_id: string | null;
    reason: string | null;
    data: unknown;
    ip: string | null;
  }>(sql`SELECT actor_id, subject_id, reason, data, ip FROM audit_log WHERE action = ${action} ORDER BY id`);
  return r.rows;
}
