/**
 * `npm run bench:catalog`: throughput of the public catalog on 100,000 products, app and
 * database on this machine: product pages, search (a mixed query set, half without
 * diacritics, some with filters) and category pages, 50 concurrent connections each,
 * with the app's memory (RSS) sampled during the run. Writes bench/RESULTS.md.
 *
 * The data set is made once in bench/.data (`seed --products 100000`) and reused.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort } from '../src/platform/db/embedded.js';
import { embeddedDatabaseUrl, root, startBuiltApp } from './app.js';
import { machine, markdownTable, writeSection } from './machine.js';

const dataDir = path.join(import.meta.dirname, '.data');
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;

const env = (extra: Record<string, string>) => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  ...extra,
});

function ensureData(): void {
  const marker = path.join(dataDir, `seeded-${PRODUCTS}`);
  if (existsSync(marker)) return;
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  console.log(`seeding ${PRODUCTS} products into ${dataDir} (once)…`);
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', 'seed', '--products', String(PRODUCTS)],
    {
      cwd: root,
      env: env({}),
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('seeding failed');
  writeFileSync(marker, `${new Date().toISOString()} ${Date.now() - t0} ms\n`);
}

/** Every request comes from one address: the per-IP limit of the public search is off here. */
const startApp = (port: number) =>
  startBuiltApp({ env: env({ PORT: String(port), SEED_DEMO: 'false', SEARCH_RATE_LIMIT: '0' }) });
const databaseUrl = () => embeddedDatabaseUrl(dataDir);

interface Targets {
  products: string[];
  searches: string[];
  categories: string[];
}

async function targets(): Promise<Targets> {
  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  const slugs = await db.query<{ slug: string }>(
    'SELECT slug FROM search_documents TABLESAMPLE SYSTEM (5) LIMIT 3000',
  );
  const cats = await db.query<{ c: string }>(
    'SELECT DISTINCT category AS c FROM search_documents UNION SELECT DISTINCT category_top FROM search_documents',
  );
  await db.end();
  // Half without diacritics, typos, multi-word, prefixes, filters: as buyers type on phones.
  const queries = [
    'yen sao',
    'yến sào',
    'nuoc mam',
    'nước mắm cá cơm',
    'toi ly son',
    'tỏi',
    'que tra bong',
    'sam ngoc linh',
    'xoai cam lam',
    'nho ninh thuan',
    'muc mot nang',
    'hải sản khô',
    'ca phe',
    'mat ong rung',
    'gom bau truc',
    'thổ cẩm',
    'homestay',
    'tour hon ba',
    'nuoc mamm',
    'yen sao khanh hoa&stars=4',
    'ca phe&province=66',
    'banh trang&sort=price_asc',
    'tram huong&price_max=2000000',
    'nem chua',
  ];
  return {
    products: slugs.rows.map((r) => `/san-pham/${r.slug}`),
    searches: queries.map((q) => {
      const [text, ...filters] = q.split('&');
      return `/tim-kiem?q=${encodeURIComponent(text)}${filters.map((f) => `&${f}`).join('')}`;
    }),
    categories: cats.rows.map((r) => `/danh-muc/${r.c}`),
  };
}

/** Peak resident memory of a process while `during` runs, sampled every 200 ms. */
async function peakRss<T>(pid: number, during: Promise<T>): Promise<[T, number]> {
  let peak = 0;
  const sample = () => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    peak = Math.max(peak, Number(m?.[1] ?? 0) * 1024);
  };
  const timer = setInterval(sample, 200);
  try {
    return [await during, peak];
  } finally {
    clearInterval(timer);
    sample();
  }
}

async function load(base: string, paths: string[]) {
  let i = 0;
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        setupRequest: (req) => {
          i = (i + 1) % paths.length;
          return { ...req, path: paths[i] };
        },
      },
    ],
  });
}

async function main() {
  ensureData();
  const port = await freePort();
  const app = await startApp(port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const t = await targets();
    const rows: string[][] = [];
    let peak = 0;
    for (const [name, paths, target] of [
      ['product page', t.products, '≥ 1,500 req/s, p99 < 100 ms'],
      ['search', t.searches, '≥ 400 req/s, p99 < 250 ms'],
      ['category page', t.categories, '≥ 800 req/s'],
    ] as const) {
      await load(base, paths.slice(0, 50)); // warm-up is not measured
      const [r, rss] = await peakRss(app.pid!, load(base, [...paths]));
      peak = Math.max(peak, rss);
      rows.push([
        name,
        String(Math.round(r.requests.average)),
        `${r.latency.p50} ms`,
        `${r.latency.p99} ms`,
        String(r.non2xx + r.errors + r.timeouts),
        target,
      ]);
      console.log(name, Math.round(r.requests.average), 'req/s, p99', r.latency.p99, 'ms');
    }
    const body = `## Catalog under load (\`npm run bench:catalog\`)

${new Date().toISOString().slice(0, 10)} on ${machine()}.

${PRODUCTS.toLocaleString('en')} published products, app (one Node process running the build, \`npm run serve\`) and embedded PostgreSQL on the
same machine, ${CONNECTIONS} connections, ${DURATION} s per target after a warm-up, paths cycled from a
sample of real product slugs, a mixed query set and every category.

${markdownTable(['target', 'req/s', 'p50', 'p99', 'errors', 'goal'], rows)}

Peak app memory (RSS) during the runs: ${Math.round(peak / 1048576)} MB (goal: under 250 MB).`;
    writeSection('catalog', body);
  } finally {
    app.kill('SIGINT');
    await new Promise((r) => app.on('close', r));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
