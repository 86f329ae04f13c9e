import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { Client, type TestApp, testApp } from '../../test/helpers.js';
import { applicationSchema } from '../modules/sellers/index.js';
import { sellerMembers, sellers } from '../modules/sellers/schema.js';
import { foldVietnamese } from '../platform/text.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';
import { demoSellers } from './demo-sellers.js';

let t: TestApp;
before(async () => {
  t = await testApp({ TRUST_PROXY: 'true' });
  await seedDemo(t.db, t.app.deps.config, () => {});
});
after(() => t.close());

test('a dozen approved sellers of different legal forms and communes, and applications in every state', async () => {
  const rows = await t.db.execute<{ status: string; n: number }>(
    sql`SELECT status, count(*)::int AS n FROM sellers GROUP BY status`,
  );
  const byStatus = Object.fromEntries(rows.rows.map((r) => [r.status, r.n]));
  assert.ok(byStatus.approved >= 12, `approved: ${byStatus.approved}`);
  for (const s of ['draft', 'submitted', 'needs_changes', 'rejected', 'suspended'])
    assert.ok(byStatus[s] >= 1, s);
  const approved = await t.db.select().from(sellers).where(eq(sellers.status, 'approved'));
  assert.equal(new Set(approved.map((s) => s.legalForm)).size, 4);
  assert.ok(new Set(approved.map((s) => s.communeCode)).size >= 10);
});

test('every demo seller passes the same validation as a real application', () => {
  for (const d of demoSellers) {
    const input = {
      ...d,
      provinceCode: '56',
      phone: d.owner.phone,
      email: d.owner.email,
      bankAccountName: foldVietnamese(d.repName).toUpperCase(),
      ocop: d.ocop?.map((c) => ({ ...c, stars: String(c.stars), groupCode: String(c.groupCode) })),
    };
    const r = applicationSchema('submit').safeParse(input);
    assert.ok(r.success, `${d.shopName}: ${JSON.stringify(r.error?.issues)}`);
  }
});

test('histories carry the officers’ reasons, and a shop has a staff member', async () => {
  const reasons = await t.db.execute<{ reason: string }>(
    sql`SELECT reason FROM seller_transitions WHERE to_status = 'needs_changes'`,
  );
  assert.match(reasons.rows[0].reason, /Giấy chứng nhận/);
  const staff = await t.db.select().from(sellerMembers).where(eq(sellerMembers.role, 'staff'));
  assert.equal(staff.length, 1);
});

test('every account listed in the README signs in with the demo password', async () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Demo accounts'), readme.indexOf('## Configuration'));
  const emails = [...section.matchAll(/`([a-z0-9.-]+@demo\.tmdt\.vn)`/g)].map((m) => m[1]);
  assert.ok(emails.length >= 10);
  for (const [i, identifier] of emails.entries()) {
    const res = await new Client(t.app).json(
      'POST',
      '/api/v1/auth/signin',
      { identifier, password: DEMO_PASSWORD },
      { 'x-forwarded-for': `10.0.0.${i + 1}` },
    );
    assert.equal(res.statusCode, 200, `${identifier}: ${res.body}`);
  }
});
