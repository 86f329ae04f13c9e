import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { eventually, isAlive } from '../../../test/platform/proc.js';
import { freePort, startEmbeddedPostgres } from './embedded.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tmdt-embedded-'));
chmodSync(dir, 0o755);
const pgDir = path.join(dir, 'pg');
after(() => rmSync(dir, { recursive: true, force: true }));

const serverPid = () => Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

async function query(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

test('initialises a cluster with the tmdt database and the extensions the app uses', async () => {
  const server = await startEmbeddedPostgres(pgDir);
  try {
    assert.match(server.url, /^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/tmdt$/);
    const [row] = await query(
      server.url,
      `SELECT current_database() AS db, current_setting('server_encoding') AS enc`,
    );
    assert.deepEqual(row, { db: 'tmdt', enc: 'UTF8' });
    const ext = await query(
      server.url,
      `SELECT name FROM pg_available_extensions WHERE name IN ('unaccent', 'pg_trgm') ORDER BY name`,
    );
    assert.deepEqual(
      ext.map((e) => e.name),
      ['pg_trgm', 'unaccent'],
    );
  } finally {
    await server.stop();
  }
  assert.ok(!existsSync(path.join(pgDir, 'postmaster.pid')));
});

test('stop() returns when the server already stopped by itself (Ctrl-C reaches it first)', async () => {
  const server = await startEmbeddedPostgres(pgDir);
  const pid = serverPid();
  // In a terminal, Ctrl-C sends SIGINT to the whole process group, the server included.
  process.kill(pid, 'SIGINT');
  assert.ok(await eventually(() => !isAlive(pid)), 'the server stopped');
  await new Promise((r) => setTimeout(r, 100)); // let Node see its exit
  const done = await Promise.race([
    server.stop().then(() => 'stopped'),
    new Promise((r) => setTimeout(() => r('hung'), 5000)),
  ]);
  assert.equal(done, 'stopped');
});

test('freePort gives the preferred port when free and another one when taken', async () => {
  const p = await freePort();
  assert.ok(p > 0);
  assert.equal(await freePort(p), p);
  const server = await startEmbeddedPostgres(pgDir, { preferredPort: p });
  try {
    assert.equal(new URL(server.url).port, String(p));
    assert.notEqual(await freePort(p), p);
  } finally {
    await server.stop();
  }
});
