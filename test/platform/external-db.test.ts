/**
 * With DATABASE_URL set, the same app runs on an external PostgreSQL (14 or newer): here
 * a separately started server, with the app connecting as an ordinary database owner
 * (no superuser), as a managed PostgreSQL gives it.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { freePort } from '../../src/platform/db/embedded.js';
import { type PgServer, startPgServer } from './pg-server.js';
import { type AppProcess, runMain } from './proc.js';

let server: PgServer;
let app: AppProcess | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tmdt-ext-app-'));
chmodSync(dataDir, 0o755);
const appPassword = 'mat-khau-ung-dung';

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

/** The app's database on the external server, as its owner (not a superuser). */
const appDbUrl = () => `postgres://tmdt:${appPassword}@127.0.0.1:${server.port}/tmdt`;

/** `start` on the external database (demo data asked for), kept in `app` so that `after` stops it if a test fails. */
async function startApp() {
  const port = await freePort();
  app = runMain(['start'], {
    DATABASE_URL: appDbUrl(),
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
  });
  return { started: app, port };
}

before(async () => {
  server = await startPgServer('sieu-quan-tri');
  await query(server.url, `CREATE ROLE tmdt LOGIN PASSWORD '${appPassword}'`);
  await query(server.url, 'CREATE DATABASE tmdt OWNER tmdt');
});

after(async () => {
  if (app) await app.stop('SIGKILL');
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the external server is PostgreSQL 14 or newer, separate from the app', async () => {
  const [v] = await query<{ n: number }>(
    server.url,
    `SELECT current_setting('server_version_num')::int AS n`,
  );
  assert.ok(v.n >= 140000, `server version ${v.n}`);
});

test('the app starts on DATABASE_URL, serves pages over HTTP, and its data lands on that server', async () => {
  const dbUrl = appDbUrl();
  const { started, port } = await startApp();
  const out = await started.waitFor(/is running/, 120_000);
  assert.doesNotMatch(out, /Embedded PostgreSQL/, 'no embedded database was started');
  assert.match(out, /Demo data loaded/);

  const home = await fetch(`http://127.0.0.1:${port}/`);
  assert.equal(home.status, 200);
  assert.match(await home.text(), /Sàn thương mại điện tử tỉnh Khánh Hòa/);
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: 'ok', database: 'ok' });

  const [counts] = await query<{ provinces: number; communes: number; users: number; migrations: number }>(
    dbUrl,
    `SELECT (SELECT count(*)::int FROM provinces) AS provinces, (SELECT count(*)::int FROM communes) AS communes,
       (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM drizzle.__drizzle_migrations) AS migrations`,
  );
  assert.equal(counts.provinces, 34);
  assert.equal(counts.communes, 3321);
  assert.ok(counts.users >= 3, `${counts.users} demo users`);
  assert.ok(counts.migrations >= 1);
  const [admin] = await query<{ email: string; role: string }>(
    dbUrl,
    `SELECT email, role FROM users WHERE email = 'admin@demo.tmdt.vn'`,
  );
  assert.deepEqual(admin, { email: 'admin@demo.tmdt.vn', role: 'admin' });
  const conns = await query<{ n: number }>(
    server.url,
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'tmdt' AND usename = 'tmdt' AND application_name = 'tmdt'`,
  );
  assert.ok(conns[0].n >= 1, 'the running app holds connections to this server');

  assert.equal(await started.stop('SIGTERM'), 0, started.output());
  assert.match(started.output(), /SIGTERM received: stopping…\nStopped cleanly\./);
  const left = await query<{ n: number }>(
    server.url,
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'tmdt'`,
  );
  assert.equal(left[0].n, 0, 'the app closed its connections');
  app = undefined;
});

test('a second start on the same database neither migrates twice nor seeds again', async () => {
  const dbUrl = appDbUrl();
  const [before] = await query<{ n: number }>(dbUrl, 'SELECT count(*)::int AS n FROM users');
  const { started, port } = await startApp();
  const out = await started.waitFor(/is running/, 60_000);
  assert.doesNotMatch(out, /Demo data loaded/);
  assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 200);
  const [afterStart] = await query<{ n: number }>(dbUrl, 'SELECT count(*)::int AS n FROM users');
  assert.equal(afterStart.n, before.n);
  assert.equal(await started.stop('SIGTERM'), 0, started.output());
  app = undefined;
});
