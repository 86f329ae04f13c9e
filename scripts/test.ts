/**
 * `npm test`: type check, lint and format check, XSS scan of JSX, then every test file against a real
 * PostgreSQL. One embedded server is started for the run; a template database is migrated
 * once and each test file clones it (CREATE DATABASE ... TEMPLATE), so files are isolated
 * and run in parallel.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadReferenceData } from '../src/modules/geo/index.js';
import { startEmbeddedPostgres } from '../src/platform/db/embedded.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import { createDb } from '../src/platform/db/pool.js';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const skipChecks = args.includes('--no-check') || only.length > 0;

function run(cmd: string, cmdArgs: string[], env?: NodeJS.ProcessEnv): number {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function findTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : findTests(p);
    return /\.test\.tsx?$/.test(name) ? [path.relative(root, p)] : [];
  });
}

async function main(): Promise<number> {
  if (!skipChecks) {
    console.log('# type check');
    if (run('npx', ['tsc', '--noEmit', '-p', '.']) !== 0) return 1;
    console.log('# lint and format (Biome)');
    if (run('npx', ['biome', 'check', 'src', 'test', 'scripts', 'bench']) !== 0) return 1;
    console.log('# XSS scan of JSX');
    if (run('npx', ['xss-scan', '-p', 'tsconfig.json']) !== 0) return 1;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'tmdt-test-'));
  chmodSync(dir, 0o755); // the postgres user must reach the cluster directory when run as root
  const server = await startEmbeddedPostgres(path.join(dir, 'pg'));
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE tmdt_template');
    await admin.end();
    const templateUrl = server.url.replace(/\/tmdt$/, '/tmdt_template');
    const db = createDb(templateUrl, 2);
    await runMigrations(db);
    await loadReferenceData(db);
    await db.$client.end();

    const files = only.length
      ? only
      : [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))];
    console.log(`# ${files.length} test files`);
    const env = { TEST_PG_URL: server.url, TEST_TEMPLATE_DB: 'tmdt_template', NODE_ENV: 'test' };
    const nodeTest = (concurrency: number, list: string[]) =>
      list.length
        ? run(
            process.execPath,
            [
              '--import',
              'tsx',
              '--test',
              `--test-concurrency=${concurrency}`,
              '--test-reporter=spec',
              ...list,
            ],
            env,
          )
        : 0;
    // Files that time the app's start run last and alone, not sharing the two cores with another file.
    const timed = files.filter((f) => TIMED.some((name) => f.endsWith(name)));
    const rest = files.filter((f) => !timed.includes(f));
    const first = nodeTest(2, rest);
    const second = nodeTest(1, timed);
    return first || second;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Test files that measure elapsed time of a whole start (issue: a second start serves within 5 s). */
const TIMED = [path.join('test', 'platform', 'embedded-start.test.ts')];

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
