import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp, testConfig } from '../../../test/helpers.js';
import { type App, buildApp } from '../../app.js';
import { createDb } from '../db/pool.js';

/**
 * Two instances of the app, as behind a load balancer: separate processes in production,
 * here two builds with their own connection pools on the same database.
 */
async function instance(dbUrl: string, dataDir: string) {
  const db = createDb(dbUrl, 3);
  const app = await buildApp({ config: testConfig(dbUrl, dataDir), db, logger: false });
  const limit = (timeWindow: string) => ({ config: { rateLimit: { max: 3, timeWindow } } });
  app.get('/api/v1/test/limited', limit('1 minute'), async () => ({ ok: true }));
  app.get('/test/limited', limit('1 minute'), async () => 'ok');
  app.get('/api/v1/test/short', limit('20 seconds'), async () => ({ ok: true }));
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await db.$client.end();
    },
  };
}

let t: TestApp;
let a: Awaited<ReturnType<typeof instance>>;
let b: Awaited<ReturnType<typeof instance>>;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tmdt-rl-'));
before(async () => {
  t = await testApp();
  a = await instance(t.dbUrl, dataDir);
  b = await instance(t.dbUrl, dataDir);
});
after(async () => {
  await a.close();
  await b.close();
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (app: App, url: string, opts: { ip?: string; lang?: string } = {}) =>
  app.inject({
    method: 'GET',
    url,
    remoteAddress: opts.ip ?? '198.51.100.1',
    headers: opts.lang ? { 'accept-language': opts.lang } : {},
  });

test('the limit is shared: the 4th request across both instances gets 429 in Vietnamese', async () => {
  const ip = '198.51.100.10';
  const codes = [];
  for (const app of [a.app, b.app, a.app])
    codes.push((await get(app, '/api/v1/test/limited', { ip })).statusCode);
  assert.deepEqual(codes, [200, 200, 200]);
  const res = await get(b.app, '/api/v1/test/limited', { ip });
  assert.equal(res.statusCode, 429);
  const seconds = Number(res.headers['retry-after']);
  assert.ok(seconds > 50 && seconds <= 60, `retry-after ${res.headers['retry-after']}`);
  assert.deepEqual(res.json(), {
    error: { code: 'rate_limited', message: `Bạn thao tác quá nhanh. Vui lòng thử lại sau ${seconds} giây.` },
  });
  assert.equal(res.headers['x-ratelimit-limit'], '3');
  assert.equal(
    (await get(a.app, '/api/v1/test/limited', { ip })).statusCode,
    429,
    'the other instance refuses too',
  );

  const en = await get(a.app, '/api/v1/test/limited', { ip, lang: 'en' });
  assert.equal(en.statusCode, 429);
  assert.match(en.json().error.message, /^Too many attempts\. Please try again in \d+ seconds\.$/);

  assert.equal(
    (await get(b.app, '/api/v1/test/limited', { ip: '198.51.100.11' })).statusCode,
    200,
    'another client is not limited',
  );
});

test('pages get a Vietnamese error page with status 429', async () => {
  const ip = '198.51.100.20';
  for (const app of [b.app, a.app, b.app])
    assert.equal((await get(app, '/test/limited', { ip })).statusCode, 200);
  const res = await get(a.app, '/test/limited', { ip });
  assert.equal(res.statusCode, 429);
  assert.match(String(res.headers['content-type']), /text\/html/);
  assert.match(res.body, /Bạn thao tác quá nhanh\. Vui lòng thử lại sau \d+ giây\./);
  assert.ok(Number(res.headers['retry-after']) > 0);
});

test('the wait announced is what is left of the window', async () => {
  const ip = '198.51.100.30';
  for (const app of [a.app, b.app, a.app]) await get(app, '/api/v1/test/short', { ip });
  const res = await get(b.app, '/api/v1/test/short', { ip });
  assert.equal(res.statusCode, 429);
  const seconds = Number(res.headers['retry-after']);
  assert.ok(seconds > 0 && seconds <= 20, `retry-after ${seconds} within the 20-second window`);
  assert.equal(res.json().error.message, `Bạn thao tác quá nhanh. Vui lòng thử lại sau ${seconds} giây.`);
});

test('when the window has passed, requests are allowed again', async () => {
  const ip = '198.51.100.40';
  for (const app of [a.app, b.app, a.app]) await get(app, '/api/v1/test/limited', { ip });
  assert.equal((await get(b.app, '/api/v1/test/limited', { ip })).statusCode, 429);
  // The window ends (instead of waiting a minute, move its end to now).
  await t.db.execute(sql`UPDATE rate_limits SET reset_at = now() WHERE key LIKE ${`%${ip}`}`);
  assert.equal((await get(b.app, '/api/v1/test/limited', { ip })).statusCode, 200);
  assert.equal((await get(a.app, '/api/v1/test/limited', { ip })).statusCode, 200);
});
