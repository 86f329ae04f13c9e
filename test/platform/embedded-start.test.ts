/**
 * `npm start` as a newcomer runs it: no DATABASE_URL, so the app starts its own embedded
 * PostgreSQL under DATA_DIR. First start, Ctrl-C, restart, a crash (SIGKILL) and a stale
 * pid file, a taken database port: each time the app must come up by itself.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { freePort } from '../../src/platform/db/embedded.js';
import { type AppProcess, eventually, isAlive, postgresFor, runMain, sleep } from './proc.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'tmdt-start-'));
chmodSync(dataDir, 0o755); // run as root, the postgres user must be able to enter it
const pgDir = path.join(dataDir, 'pg');
const pidFile = path.join(pgDir, 'postmaster.pid');
const running = new Set<AppProcess>();
/** Users after the first start (the demo accounts and sellers); later starts must find the same. */
let seededUsers = 0;

after(async () => {
  for (const p of running) await p.stop('SIGINT');
  for (const pid of postgresFor(pgDir)) process.kill(pid, 'SIGINT');
  await eventually(() => postgresFor(pgDir).length === 0);
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(port: number): Promise<AppProcess> {
  const p = runMain(['start'], { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' });
  running.add(p);
  void p.exited.then(() => running.delete(p));
  return p;
}

/** Polls GET / until it answers 200; returns the body. */
async function firstPage(port: number, timeoutMs = 60_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.status === 200) return await res.text();
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`no page on port ${port} within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Counts users through the embedded server the app started (its port is in the log). */
async function countUsers(output: string): Promise<number> {
  const port = /Embedded PostgreSQL ready on 127\.0\.0\.1:(\d+)/.exec(output)?.[1];
  assert.ok(port, output);
  const password = readFileSync(`${pgDir}.password`, 'utf8').trim();
  const c = new pg.Client({
    host: '127.0.0.1',
    port: Number(port),
    user: 'postgres',
    password,
    database: 'tmdt',
  });
  await c.connect();
  try {
    return (await c.query('SELECT count(*)::int AS n FROM users')).rows[0].n;
  } finally {
    await c.end();
  }
}

/** Stops the app with Ctrl-C (SIGINT to its process group) or a SIGTERM from a supervisor. */
async function stopCleanly(p: AppProcess, how: 'Ctrl-C' | 'SIGTERM') {
  assert.equal(how === 'Ctrl-C' ? await p.ctrlC() : await p.stop('SIGTERM'), 0, p.output());
  const signal = how === 'Ctrl-C' ? 'SIGINT' : 'SIGTERM';
  assert.match(p.output(), new RegExp(`${signal} received: stopping…\\nStopped cleanly\\.`));
  assert.deepEqual(postgresFor(pgDir), [], 'no postgres left running for the data dir');
  assert.ok(!existsSync(pidFile), 'postgres removed its pid file');
}

test('first start initialises, migrates, seeds and prints the address; Ctrl-C stops it cleanly', async () => {
  const port = await freePort();
  const p = await start(port);
  const out = await p.waitFor(/is running/, 120_000);
  assert.match(out, /Embedded PostgreSQL ready on 127\.0\.0\.1:\d+ in \d+ ms/);
  assert.match(out, /Demo data loaded/);
  assert.match(
    out,
    new RegExp(
      `Sàn thương mại điện tử tỉnh Khánh Hòa is running \\(\\d+ ms\\)\\.\\nOpen http://localhost:${port} in your browser`,
    ),
  );
  const home = await firstPage(port);
  assert.match(home, /<html lang="vi">/);
  assert.match(home, /Sàn thương mại điện tử tỉnh Khánh Hòa/);
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  assert.deepEqual(await health.json(), { status: 'ok', database: 'ok' });
  seededUsers = await countUsers(out);
  assert.ok(seededUsers >= 3, `${seededUsers} demo users`);
  await stopCleanly(p, 'Ctrl-C');
});

test('second start reuses the data, seeds nothing and serves a page within 5 seconds', async () => {
  // The suite runs test files in parallel on two cores: a start that loses the CPU to them is
  // tried again (up to three times); the best start must be under 5 s.
  const times: number[] = [];
  let p: Awaited<ReturnType<typeof start>> | undefined;
  for (let i = 0; i < 3 && !(times.length && Math.min(...times) < 5000); i++) {
    if (p) await stopCleanly(p, 'SIGTERM');
    const port = await freePort();
    const t0 = Date.now();
    p = await start(port);
    await firstPage(port);
    times.push(Date.now() - t0);
  }
  assert.ok(Math.min(...times) < 5000, `first page after ${times.join(', ')} ms`);
  p = p!;
  const out = await p.waitFor(/is running/);
  assert.doesNotMatch(out, /Demo data loaded/);
  assert.equal(await countUsers(out), seededUsers, 'the demo users were not seeded twice');
  await stopCleanly(p, 'SIGTERM');
});

test('after the app was killed (orphaned postgres, pid file left), the next start recovers', async () => {
  const port = await freePort();
  const p = await start(port);
  await p.waitFor(/is running/);
  p.child.kill('SIGKILL');
  assert.equal(await p.exited, 'SIGKILL');
  const [orphan] = postgresFor(pgDir);
  assert.ok(orphan && isAlive(orphan), 'the postgres server outlived the app');
  assert.ok(existsSync(pidFile));

  const again = await start(port);
  const home = await firstPage(port);
  assert.match(home, /Sàn thương mại điện tử/);
  assert.ok(!postgresFor(pgDir).includes(orphan), 'the orphan was stopped');
  assert.equal(postgresFor(pgDir).length, 1, 'one server for the data dir');
  await again.waitFor(/is running/);
  assert.equal(await countUsers(again.output()), seededUsers);
  await stopCleanly(again, 'Ctrl-C');
});

test('a stale postmaster.pid whose process is gone does not stop the start', async () => {
  // A pid that surely is not running: one of a process that just ended.
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
  assert.ok(!isAlive(deadPid));
  writeFileSync(
    pidFile,
    `${deadPid}\n${pgDir}\n${Math.floor(Date.now() / 1000)}\n54329\n\n127.0.0.1\n  5432001    123456\nready   \n`,
  );

  const port = await freePort();
  const p = await start(port);
  await firstPage(port);
  await p.waitFor(/is running/);
  await stopCleanly(p, 'Ctrl-C');
});

test('the preferred database port 54329 being taken, another one is chosen', async () => {
  let blocker: Server | undefined;
  const free = await freePort(54329);
  if (free === 54329) {
    blocker = createServer((s) => s.destroy());
    await new Promise<void>((resolve) => blocker!.listen(54329, '127.0.0.1', resolve));
  } // otherwise something (the test database itself) already holds it
  try {
    assert.notEqual(await freePort(54329), 54329, '54329 is taken');
    const port = await freePort();
    const p = await start(port);
    const out = await p.waitFor(/is running/);
    const dbPort = Number(/Embedded PostgreSQL ready on 127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
    assert.ok(dbPort > 0 && dbPort !== 54329, `database on ${dbPort}`);
    assert.match(await firstPage(port), /Sàn thương mại điện tử/);
    await stopCleanly(p, 'Ctrl-C');
  } finally {
    await new Promise((r) => (blocker ? blocker.close(r) : r(null)));
  }
});
