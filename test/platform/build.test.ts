/**
 * `npm run build` then `npm run serve`: production runs the app as plain JavaScript
 * (less memory, faster start than the TypeScript loader). The built app must do what the
 * source does: start, migrate-check, serve pages, static files and the API.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { freePort } from '../../src/platform/db/embedded.js';
import { testDatabase } from '../helpers.js';
import { type AppProcess, root, runMain } from './proc.js';

const out = `.build-test-${process.pid}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tmdt-built-'));
chmodSync(dataDir, 0o755);
let app: AppProcess | undefined;

after(async () => {
  await app?.stop('SIGKILL');
  rmSync(path.join(root, out), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

test('the build runs: pages, static files, the API and a clean stop, without the TypeScript loader', async () => {
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', out], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /Built \d+ modules/);
  const main = path.join(root, out, 'main.js');
  assert.ok(existsSync(main));
  assert.doesNotMatch(readFileSync(main, 'utf8'), /: Promise<number>/, 'types are stripped');
  assert.ok(!existsSync(path.join(root, out, 'app.test.js')), 'tests are not built');

  const port = await freePort();
  app = runMain(
    ['start'],
    {
      DATABASE_URL: await testDatabase(),
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
    [main],
  );
  await app.waitFor(/is running/, 60_000);
  const base = `http://127.0.0.1:${port}`;
  const home = await fetch(`${base}/`);
  assert.equal(home.status, 200);
  const html = await home.text();
  assert.match(html, /Sàn thương mại điện tử tỉnh Khánh Hòa/);
  const css = /href="(\/static\/app\.css\?v=[0-9a-f]+)"/.exec(html)?.[1];
  assert.ok(css, 'the page links its stylesheet');
  const sheet = await fetch(`${base}${css}`);
  assert.equal(sheet.status, 200);
  assert.match(await sheet.text(), /body/);
  const search = await fetch(`${base}/api/v1/search?q=yen+sao`);
  assert.equal(search.status, 200);
  assert.equal(typeof (await search.json()).total, 'number');
  assert.equal(await app.stop('SIGTERM'), 0, app.output());
  assert.match(app.output(), /Stopped cleanly/);
});
