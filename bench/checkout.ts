/**
 * `npm run bench:checkout`: checkout throughput with 50 concurrent buyers, app and database on
 * this machine. The built app (`npm run build`, then `npm run serve`'s command) runs on a fresh
 * embedded database in bench/.data-checkout with 20 shops of 5 products each (some with very
 * few units, so that buyers are refused for stock) and 500 buyers with a personal access
 * token each. 50 connections each loop for BENCH_SECONDS: put one or two lines in a buyer's
 * cart and check out through the JSON API (a fresh Idempotency-Key each time). Then a sample
 * of orders is paid through the signed bank notification, and the data is checked: no stock
 * below zero, the units the orders hold are exactly what left the stock, the ledger balances.
 * Writes bench/RESULTS.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { users } from '../src/modules/identity/schema.js';
import { ledgerProblems } from '../src/modules/ledger/test-fixtures.js';
import { sellingShop } from '../src/modules/orders/checkout-test-fixtures.js';
import { transferIn } from '../src/modules/payments/test-fixtures.js';
import { sign } from '../src/modules/payments/webhook.js';
import { bearer } from '../src/modules/sellers/console-test-fixtures.js';
import { freePort } from '../src/platform/db/embedded.js';
import { createDb } from '../src/platform/db/pool.js';
import { type TestApp, testConfig } from '../test/helpers.js';
import { embeddedDatabaseUrl, startBuiltApp } from './app.js';
import { machine, markdownTable, writeSection } from './machine.js';

const dataDir = path.join(import.meta.dirname, '.data-checkout');
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;
const SHOPS = 20;
const PRODUCTS_PER_SHOP = 5;
const BUYERS = 500;
/** One product in five is scarce: these sell out during the run and later buyers are refused. */
const SCARCE = 15;
const PLENTY = 100_000;
const PAID_SAMPLE = 200;
const secret = 'bench-checkout-bank-webhook-secret';

const env = (extra: Record<string, string>) => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'false',
  BANK_WEBHOOK_SECRET: secret,
  // serve's heap cap (its default unless set here)
  NODE_HEAP_MB: process.env.NODE_HEAP_MB ?? '',
  ...extra,
});

/** The built app on an empty data directory. BENCH_CPU_PROF=1: it also writes a CPU profile (.cpuprofile, for Chrome's DevTools) there. */
async function startApp(port: number) {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  return startBuiltApp({
    env: env({ PORT: String(port) }),
    nodeFlags: process.env.BENCH_CPU_PROF ? `--cpu-prof --cpu-prof-dir=${dataDir}` : undefined,
    timeoutMs: 120_000,
  });
}
const databaseUrl = () => embeddedDatabaseUrl(dataDir);

/** The app's services over the same database, in this process, to make the shops and buyers. */
async function setupApp(url: string): Promise<TestApp> {
  const db = createDb(url, 5);
  const tmp = mkdtempSync(path.join(tmpdir(), 'tmdt-bench-'));
  const app = await buildApp({
    config: testConfig(url, tmp),
    db,
    mailer: { send: async () => {} },
    logger: false,
  });
  await app.ready();
  return {
    app,
    db,
    mails: [],
    dbUrl: url,
    async close() {
      await app.close();
      await db.$client.end();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

interface Variant {
  id: string;
  stock: number;
}

async function makeShops(t: TestApp): Promise<Variant[]> {
  const variants: Variant[] = [];
  for (let s = 0; s < SHOPS; s++) {
    const stockOf = (p: number) => ((s * PRODUCTS_PER_SHOP + p) % 5 === 0 ? SCARCE : PLENTY);
    const price = 50_000 + s * 10_000;
    const shop = await sellingShop(t, { stock: stockOf(0), price });
    variants.push({ id: shop.variant.id, stock: stockOf(0) });
    for (let p = 1; p < PRODUCTS_PER_SHOP; p++) {
      const view = await shop.published({
        name: `Đặc sản thử tải ${s}-${p}`,
        variants: [
          { name: 'Gói', sku: `B-${s}-${p}`, price: String(price + p * 1_000), stock: String(stockOf(p)) },
        ],
      });
      variants.push({ id: view.variants[0].id, stock: stockOf(p) });
    }
  }
  return variants;
}

async function makeBuyers(t: TestApp): Promise<Record<string, string>[]> {
  const rows = await t.db
    .insert(users)
    .values(
      Array.from({ length: BUYERS }, (_, i) => ({
        email: `mua-bench-${i}@example.vn`,
        fullName: `Người mua ${i}`,
        passwordHash: 'not-used-here',
      })),
    )
    .returning({ id: users.id });
  return Promise.all(rows.map((r) => bearer(t, r.id, ['read', 'buyer:write'])));
}

const address = {
  recipientName: 'Người Mua Thử Tải',
  phone: '0905123456',
  provinceCode: '56',
  communeCode: '22333',
  street: '25 Lê Thánh Tôn',
  paymentMethod: 'vietqr',
};

// node:http with kept-alive connections: much lighter than fetch, so the load takes less of the machine.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

/** One JSON call: its status and parsed body. */
function call(
  base: string,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = http.request(
      `${base}${url}`,
      {
        method,
        agent,
        headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface Stats {
  completed: number;
  refusedAtCart: number;
  refusedAtCheckout: number;
  errors: string[];
  checkoutMs: number[];
  cycleMs: number[];
  orders: { id: string; code: string; total: number }[];
}

async function load(base: string, buyers: Record<string, string>[], variants: Variant[]) {
  const stats: Stats = {
    completed: 0,
    refusedAtCart: 0,
    refusedAtCheckout: 0,
    errors: [],
    checkoutMs: [],
    cycleMs: [],
    orders: [],
  };
  const api = (auth: Record<string, string>, method: string, url: string, body?: unknown, h = {}) =>
    call(base, method, url, body, { ...auth, ...h });
  const until = performance.now() + DURATION * 1000;
  const connection = async (c: number) => {
    // Connection c serves the buyers c, c + 50, c + 100…: no buyer is in two places at once.
    for (let n = 0; performance.now() < until; n++) {
      const auth = buyers[(c + CONNECTIONS * n) % buyers.length];
      const t0 = performance.now();
      const lines = Array.from({ length: n % 5 === 0 ? 2 : 1 }, () => ({
        variantId: variants[Math.floor(Math.random() * variants.length)].id,
        quantity: 1 + (n % 2),
      }));
      const inCart = [];
      for (const l of lines) {
        const r = await api(auth, 'POST', '/api/v1/cart/items', l);
        if (r.status === 200) inCart.push(l);
        else if (r.status === 422) stats.refusedAtCart++;
        else stats.errors.push(`cart ${r.status} ${JSON.stringify(r.body)}`);
      }
      if (!inCart.length) continue;
      const t1 = performance.now();
      const r = await api(auth, 'POST', '/api/v1/checkout', address, { 'idempotency-key': randomUUID() });
      const t2 = performance.now();
      if (r.status === 201) {
        stats.completed++;
        stats.checkoutMs.push(t2 - t1);
        stats.cycleMs.push(t2 - t0);
        stats.orders.push(...(r.body.orders as Stats['orders']));
      } else if (r.status === 422) {
        // Sold out between the cart and the checkout: the buyer empties the cart and moves on.
        stats.refusedAtCheckout++;
        for (const l of inCart) await api(auth, 'DELETE', `/api/v1/cart/items/${l.variantId}`);
      } else stats.errors.push(`checkout ${r.status} ${JSON.stringify(r.body)}`);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, c) => connection(c)));
  return { stats, seconds: (performance.now() - t0) / 1000 };
}

/** Pays a sample of the orders through the signed bank notification (10 at a time). */
async function paySample(base: string, orders: Stats['orders']): Promise<Record<string, number>> {
  const outcomes: Record<string, number> = {};
  const sample = orders.slice(0, PAID_SAMPLE);
  for (let i = 0; i < sample.length; i += 10)
    await Promise.all(
      sample.slice(i, i + 10).map(async (o, j) => {
        const raw = JSON.stringify(
          transferIn({ amount: o.total, content: `Thanh toan ${o.code}`, reference: `FTBENCH${i + j}` }),
        );
        const res = await call(base, 'POST', '/api/v1/payments/bank-webhook', raw, {
          'x-signature': sign(secret, raw),
        });
        const outcome = res.status === 200 ? String(res.body.outcome) : `HTTP ${res.status}`;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }),
    );
  return outcomes;
}

/**
 * What the database's client backends are doing, sampled every 200 ms while `during` runs: how
 * many are active, and how many of those wait for a lock another transaction holds.
 */
async function waits<T>(t: TestApp, during: Promise<T>): Promise<[T, { active: number; lock: number }]> {
  const seen = { active: 0, lock: 0 };
  let running = true;
  const sampler = (async () => {
    while (running) {
      const r = await t.db.execute<{ active: number; lock: number }>(sql`
        SELECT count(*)::int AS active, (count(*) FILTER (WHERE wait_event_type = 'Lock'))::int AS lock
        FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND state <> 'idle' AND pid <> pg_backend_pid()`);
      seen.active += r.rows[0].active;
      seen.lock += r.rows[0].lock;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  try {
    return [await during, seen];
  } finally {
    running = false;
    await sampler;
  }
}

/** CPU seconds so far of a process (user + system; with its ended children when asked). */
function cpuOf(pid: number, children = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
    return ticks / 100;
  } catch {
    return 0; // it ended
  }
}

/** CPU seconds of the app, of the database server (postmaster and its backends), and of this load generator. */
function cpuNow(appPid: number): { app: number; db: number; load: number } {
  const postmaster = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let db = cpuOf(postmaster, true);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (new RegExp(`^PPid:\\s+${postmaster}$`, 'm').test(readFileSync(`/proc/${name}/status`, 'utf8')))
        db += cpuOf(Number(name));
    } catch {
      // ended while we looked
    }
  }
  const own = process.cpuUsage();
  return { app: cpuOf(appPid), db, load: (own.user + own.system) / 1e6 };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]) : 0;
};

async function main() {
  const port = await freePort();
  const app = await startApp(port);
  const base = `http://127.0.0.1:${port}`;
  const t = await setupApp(databaseUrl());
  try {
    const variants = await makeShops(t);
    const buyers = await makeBuyers(t);
    console.log(`${variants.length} products, ${buyers.length} buyers; ${DURATION} s of checkouts…`);
    const loadAverage = os.loadavg()[0].toFixed(1);
    const cpu0 = cpuNow(app.pid!);
    const [{ stats, seconds }, waited] = await waits(t, load(base, buyers, variants));
    const cpu1 = cpuNow(app.pid!);
    const cpu = (k: keyof typeof cpu0) => `${(cpu1[k] - cpu0[k]).toFixed(1)} s`;
    const perCheckout = (k: keyof typeof cpu0) => (((cpu1[k] - cpu0[k]) * 1000) / stats.completed).toFixed(1);
    // The machine is shared: the CPU a checkout costs says what an idle one would do.
    const ceiling = (ks: (keyof typeof cpu0)[], cores: number) =>
      Math.round((cores * stats.completed) / ks.reduce((sum, k) => sum + cpu1[k] - cpu0[k], 0));
    console.log(`CPU during the run: app ${cpu('app')}, database ${cpu('db')}, load ${cpu('load')}`);
    const rate = stats.completed / seconds;
    console.log(`${stats.completed} checkouts in ${seconds.toFixed(1)} s: ${rate.toFixed(0)}/s`);

    const paid = await paySample(base, stats.orders);
    const drainStart = performance.now();
    let pending = -1;
    for (let i = 0; i < 600 && pending !== 0; i++) {
      if (i) await new Promise((r) => setTimeout(r, 500));
      const r = await t.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`,
      );
      pending = r.rows[0].n;
    }
    const drainSeconds = (performance.now() - drainStart) / 1000;

    const stock = (
      await t.db.execute<{ id: string; stock: number; sold: number }>(sql`
        SELECT v.id, v.stock, coalesce((SELECT sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
          WHERE l.variant_id = v.id AND o.status <> 'cancelled'), 0)::int AS sold
        FROM product_variants v`)
    ).rows;
    const initial = new Map(variants.map((v) => [v.id, v.stock]));
    const negative = stock.filter((v) => v.stock < 0).length;
    const drift = stock.filter((v) => initial.get(v.id)! - v.stock !== v.sold).length;
    const units = stock.reduce((s, v) => s + v.sold, 0);
    const soldOut = stock.filter((v) => v.stock === 0).length;
    const [statuses] = (
      await t.db.execute<{ orders: number; paid: number }>(
        sql`SELECT count(*)::int AS orders, (count(*) FILTER (WHERE status = 'paid'))::int AS paid FROM orders`,
      )
    ).rows;
    const problems = await ledgerProblems(t.db);

    const ok = (good: boolean) => (good ? 'yes' : '**NO**');
    const body = `## Checkout under load (\`npm run bench:checkout\`)

${new Date().toISOString().slice(0, 10)} on ${machine()}; load average ${loadAverage} when it began (other work on the machine slows it).

The built app (one Node process, \`npm run serve\`) and its embedded PostgreSQL on the same
machine as the load. ${SHOPS} shops with ${variants.length} products (one in five with ${SCARCE} units, the others plenty),
${BUYERS} buyers with a personal access token each. ${CONNECTIONS} connections, each for ${DURATION} s: put one line
(every fifth time two) in a buyer's cart (\`POST /api/v1/cart/items\`), then \`POST /api/v1/checkout\` with a new
Idempotency-Key; a checkout refused for stock empties the cart. Only completed checkouts (201) are counted.

${markdownTable(
  ['measure', 'result', 'goal'],
  [
    [
      'completed checkouts per second',
      `${rate.toFixed(0)} (${stats.completed} in ${seconds.toFixed(1)} s)`,
      '≥ 150',
    ],
    [
      'checkout latency p50 / p99',
      `${percentile(stats.checkoutMs, 50)} ms / ${percentile(stats.checkoutMs, 99)} ms`,
      '',
    ],
    [
      'cart + checkout latency p50 / p99',
      `${percentile(stats.cycleMs, 50)} ms / ${percentile(stats.cycleMs, 99)} ms`,
      '',
    ],
    ['orders made, units sold', `${statuses.orders}, ${units}`, ''],
    [
      'refused for stock',
      `${stats.refusedAtCheckout} at checkout, ${stats.refusedAtCart} lines at the cart (${soldOut} products sold out)`,
      '',
    ],
    ['errors (other answers)', String(stats.errors.length), '0'],
    [
      'CPU used during the run: app / database / load',
      `${cpu('app')} / ${cpu('db')} / ${cpu('load')} (${perCheckout('app')} / ${perCheckout('db')} / ${perCheckout('load')} ms a checkout)`,
      '',
    ],
    [
      'what this CPU allows: all of 2 cores / one core for the app',
      `${ceiling(['app', 'db', 'load'], os.cpus().length)} / ${ceiling(['app'], 1)} checkouts per second`,
      '',
    ],
    [
      'database backends waiting for a lock',
      `${waited.active ? ((100 * waited.lock) / waited.active).toFixed(1) : '0'} % of active ones sampled`,
      '',
    ],
    ['stock below zero', `${negative} products`, '0'],
    ['initial − final stock = units in orders', ok(drift === 0), 'yes'],
    [
      `sample paid by bank notification`,
      `${Object.entries(paid)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}; ${statuses.paid} orders paid`,
      `${PAID_SAMPLE} matched`,
    ],
    ['outbox drained after the run', pending === 0 ? `in ${drainSeconds.toFixed(1)} s` : '**no**', ''],
    ['ledger problems (ledgerProblems)', problems.length ? problems.join('; ') : 'none', 'none'],
  ],
)}`;
    writeSection('checkout', body);
    console.log(body);
    if (stats.errors.length) console.error(stats.errors.slice(0, 10).join('\n'));
    // Wrong data fails the run; the throughput is recorded against its goal.
    if (negative || drift || problems.length || stats.errors.length) process.exitCode = 1;
  } finally {
    await t.close();
    app.kill('SIGINT');
    await new Promise((r) => app.on('close', r));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
