import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { asc, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { runMain } from '../../../test/platform/proc.js';
import { createDb } from '../db/pool.js';
import { auditLog } from './schema.js';
import { recordAudit, verifyAuditChain } from './service.js';

let t: TestApp;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tmdt-audit-'));
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const rows = () => t.db.select().from(auditLog).orderBy(asc(auditLog.id));

/** What a superuser could do: switch the append-only trigger off, change the table, switch it on. */
async function asSuperuser(statement: ReturnType<typeof sql>) {
  await t.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  });
}

/** `npm run audit:verify` against the test's database. */
async function cli() {
  const p = runMain(['audit-verify'], { DATABASE_URL: t.dbUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const code = await p.waitExit(60_000);
  return { code, out: p.output() };
}

test('entries form a hash chain and the intact chain verifies', async () => {
  for (const [i, reason] of [
    'Hồ sơ đủ điều kiện',
    'Thiếu giấy phép ĐKKD',
    'Khóa tài khoản vi phạm',
    'Mở lại',
    'Duyệt lại',
  ].entries()) {
    await t.db.transaction((tx) =>
      recordAudit(tx, {
        actorLabel: 'canbo@demo.tmdt.vn',
        action: 'seller.review',
        subjectType: 'seller',
        subjectId: `s-${i}`,
        reason,
        data: { step: i, nested: { b: 2, a: 1 } },
        ip: '203.0.113.7',
      }),
    );
  }
  const all = await rows();
  assert.equal(all.length, 5);
  assert.equal(all[0].prevHash, '0'.repeat(64), 'the first entry links to the genesis hash');
  for (let i = 1; i < all.length; i++)
    assert.equal(all[i].prevHash, all[i - 1].hash, `row ${all[i].id} links to the one before`);
  assert.equal(new Set(all.map((r) => r.hash)).size, 5);
  assert.deepEqual(await verifyAuditChain(t.db), { ok: true, rows: 5 });
  const ok = await cli();
  assert.equal(ok.code, 0, ok.out);
  assert.match(ok.out, /Audit chain intact: 5 rows verified\./);
});

test('the log is append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
  const [first] = await rows();
  await assert.rejects(
    t.db.execute(sql`UPDATE audit_log SET reason = 'sửa' WHERE id = ${first.id}`),
    (err: { cause?: { code?: string; message?: string } }) =>
      err.cause?.code === '42501' && /append-only: UPDATE/.test(err.cause.message ?? ''),
  );
  await assert.rejects(t.db.execute(sql`DELETE FROM audit_log WHERE id = ${first.id}`), /Failed query/);
  await assert.rejects(t.db.execute(sql`TRUNCATE audit_log`), /Failed query/);
  assert.equal((await rows()).length, 5);
  assert.equal((await verifyAuditChain(t.db)).ok, true);
});

test('a changed row is reported by its id, by the function and by the CLI', async () => {
  const all = await rows();
  const victim = all[2];
  await asSuperuser(sql`UPDATE audit_log SET reason = 'Hồ sơ đầy đủ' WHERE id = ${victim.id}`);
  const r = await verifyAuditChain(t.db);
  assert.equal(r.ok, false);
  assert.ok(!r.ok);
  assert.equal(r.brokenAt, victim.id);
  assert.equal(r.rows, 2, 'the rows before it are intact');
  assert.match(r.why, /altered/);
  const broken = await cli();
  assert.equal(broken.code, 1, broken.out);
  assert.match(broken.out, new RegExp(`Audit chain BROKEN at row ${victim.id}: content does not match`));

  await asSuperuser(sql`UPDATE audit_log SET reason = ${victim.reason} WHERE id = ${victim.id}`);
  assert.deepEqual(
    await verifyAuditChain(t.db),
    { ok: true, rows: 5 },
    'restoring the content restores the chain',
  );
});

test('a removed row is reported at the row after it', async () => {
  const all = await rows();
  await asSuperuser(sql`DELETE FROM audit_log WHERE id = ${all[1].id}`);
  const r = await verifyAuditChain(t.db);
  assert.ok(!r.ok);
  assert.equal(r.brokenAt, all[2].id);
  assert.match(r.why, /previous hash does not match/);
  const broken = await cli();
  assert.equal(broken.code, 1);
  assert.match(broken.out, new RegExp(`BROKEN at row ${all[2].id}: previous hash`));
});

test('50 entries written in parallel transactions keep one linear chain', async () => {
  const fresh = await testApp();
  const db = createDb(fresh.dbUrl, 20);
  try {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.transaction(async (tx) => {
          await recordAudit(tx, { action: 'test.parallel', subjectId: String(i), data: { i } });
          // Hold the transaction a little so writers really overlap.
          await tx.execute(sql`SELECT pg_sleep(0.005)`);
        }),
      ),
    );
    const all = await fresh.db.select().from(auditLog).orderBy(asc(auditLog.id));
    assert.equal(all.length, 50);
    assert.equal(new Set(all.map((r) => r.prevHash)).size, 50, 'no two entries share a predecessor');
    assert.deepEqual(
      new Set(all.map((r) => r.subjectId)),
      new Set(Array.from({ length: 50 }, (_, i) => String(i))),
    );
    assert.deepEqual(await verifyAuditChain(db), { ok: true, rows: 50 });
  } finally {
    await db.$client.end();
    await fresh.close();
  }
});

test('an entry in a rolled-back transaction leaves no trace and no gap in the chain', async () => {
  const fresh = await testApp();
  try {
    await fresh.db.transaction((tx) => recordAudit(tx, { action: 'a' }));
    await assert.rejects(
      fresh.db.transaction(async (tx) => {
        await recordAudit(tx, { action: 'b' });
        throw new Error('change failed');
      }),
      /change failed/,
    );
    await fresh.db.transaction((tx) => recordAudit(tx, { action: 'c' }));
    const all = await fresh.db.select().from(auditLog).orderBy(asc(auditLog.id));
    assert.deepEqual(
      all.map((r) => r.action),
      ['a', 'c'],
    );
    assert.deepEqual(await verifyAuditChain(fresh.db), { ok: true, rows: 2 });
  } finally {
    await fresh.close();
  }
});
