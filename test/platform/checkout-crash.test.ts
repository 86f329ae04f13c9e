/**
 * The crash test of buying (issue 5): 200 buyers fill their carts, check out and pay by VietQR
 * (the bank's signed notification) all at once, through the real app running as a child
 * process, while the test kills it with SIGKILL at random moments and starts it again.
 * The clients behave as real ones do: a checkout whose answer was lost is sent again with the
 * same idempotency key, a notification the app did not acknowledge is sent again, a cart line
 * whose answer was lost is looked up before it is added again. Afterwards nothing acknowledged
 * is lost or doubled, stock and money add up, and the ledger balances.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { users } from '../../src/modules/identity/schema.js';
import { ledgerProblems } from '../../src/modules/ledger/test-fixtures.js';
import { sellingShop } from '../../src/modules/orders/checkout-test-fixtures.js';
import { transferIn } from '../../src/modules/payments/test-fixtures.js';
import { sign } from '../../src/modules/payments/webhook.js';
import { bearer } from '../../src/modules/sellers/console-test-fixtures.js';
import { freePort } from '../../src/platform/db/embedded.js';
import { type TestApp, testApp } from '../helpers.js';
import { type AppProcess, eventually, runMain, sleep } from './proc.js';

const BUYERS = 200;
const KILLS = 4;
/** Three shops of one variant each, fewer units than the buyers want: some are refused. */
const SHOPS = [
  { stock: 150, price: 85_000 },
  { stock: 150, price: 120_000 },
  { stock: 150, price: 1_250_000 },
];
const secret = 'crash-test-bank-webhook-secret-0123';

let t: TestApp;
let app: AppProcess | undefined;
let port: number;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tmdt-crash-'));
chmodSync(dataDir, 0o755);

before(async () => {
  t = await testApp();
  port = await freePort();
});

after(async () => {
  if (app) await app.stop('SIGKILL');
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The real app (`src/main.ts start`) on the test's database; its data directory survives restarts. */
async function startApp(): Promise<AppProcess> {
  app = runMain(['start'], {
    DATABASE_URL: t.dbUrl,
    DATA_DIR: dataDir,
    PORT: String(port),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    BANK_WEBHOOK_SECRET: secret,
  });
  await app.waitFor(/is running/, 60_000);
  return app;
}

interface Answer {
  status: number;
  body: Record<string, unknown> | null;
}

const seen = { connectionErrors: 0, serverErrors: [] as string[], inFlight: 0, stopped: false };

/** One HTTP call; null when the connection failed or broke (the app was killed, or is not up yet). */
async function call(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer | null> {
  seen.inFlight++;
  try {
    const res = await fetch(`http://127.0.0.1:${port}${url}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    if (res.status >= 500) seen.serverErrors.push(`${method} ${url}: ${res.status} ${text}`);
    return { status: res.status, body: text ? JSON.parse(text) : null };
  } catch {
    seen.connectionErrors++;
    return null;
  } finally {
    seen.inFlight--;
  }
}

/** Sends again, as a client does, until the app answers (anything but a broken connection or a 5xx). */
async function persist(send: () => Promise<Answer | null>): Promise<Answer> {
  const giveUp = Date.now() + 60_000;
  for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
    if (seen.stopped) throw new Error('the test stopped');
    const a = await send();
    if (a && a.status < 500) return a;
    if (Date.now() > giveUp)
      throw new Error(`no answer within 60 s: ${a?.status} ${JSON.stringify(a?.body)}`);
    await sleep(wait * (0.5 + Math.random())); // backing off, not all at once
  }
}

interface Want {
  variantId: string;
  quantity: number;
}
interface Buyer {
  id: string;
  auth: Record<string, string>;
  key: string;
  wants: Want[];
  /** Presses "place order" twice: the same key sent twice at once. */
  double: boolean;
  /** Transfers less than due: the money goes to the reconciliation queue. */
  short: boolean;
}
interface PlacedOrder {
  id: string;
  code: string;
  total: number;
}
interface Outcome {
  buyer: Buyer;
  refused?: 'cart' | 'checkout';
  checkoutId?: string;
  orders: PlacedOrder[];
  /** The checkout ids of every 2xx answer (several for a double press). */
  answeredIds: string[];
  transfers: { reference: string; orderId: string; amount: number; outcome: string }[];
}

type CartJson = { groups: { lines: { variantId: string; quantity: number }[] }[] };

/** The line in the cart with `quantity` units; false when the shop has not that many left. */
async function putInCart(b: Buyer, w: Want): Promise<boolean> {
  for (;;) {
    const res = await persist(() => call('GET', '/api/v1/cart', undefined, b.auth));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const cart = res.body as CartJson;
    const held = cart.groups.flatMap((g) => g.lines).find((l) => l.variantId === w.variantId)?.quantity ?? 0;
    if (held === w.quantity) return true;
    const changed = held
      ? await call('PUT', `/api/v1/cart/items/${w.variantId}`, { quantity: w.quantity }, b.auth)
      : await call('POST', '/api/v1/cart/items', w, b.auth);
    if (!changed || changed.status >= 500) continue; // the answer was lost: look at the cart again
    if (changed.status === 422) return false;
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    return true;
  }
}

const address = {
  recipientName: 'Người Mua Thử',
  phone: '0905123456',
  provinceCode: '56',
  communeCode: '22333',
  street: '25 Lê Thánh Tôn',
  paymentMethod: 'vietqr',
};

/** Progress the killer watches: buyers whose checkout was answered. */
let checkoutsAnswered = 0;

async function buy(b: Buyer, index: number): Promise<Outcome> {
  const out: Outcome = { buyer: b, orders: [], answeredIds: [], transfers: [] };
  const inCart: Want[] = [];
  for (const w of b.wants) if (await putInCart(b, w)) inCart.push(w);
  if (!inCart.length) {
    checkoutsAnswered++;
    return { ...out, refused: 'cart' };
  }
  const send = () =>
    persist(() => call('POST', '/api/v1/checkout', address, { ...b.auth, 'idempotency-key': b.key }));
  const answers = await Promise.all(b.double ? [send(), send()] : [send()]);
  checkoutsAnswered++;
  for (const a of answers) {
    if (a.status === 422) continue;
    assert.ok(a.status === 201 || a.status === 200, `${a.status} ${JSON.stringify(a.body)}`);
    out.answeredIds.push(a.body!.checkoutId as string);
    out.checkoutId = a.body!.checkoutId as string;
    out.orders = a.body!.orders as PlacedOrder[];
  }
  if (!out.checkoutId) return { ...out, refused: 'checkout' };

  await sleep(Math.random() * 300); // the buyer opens the banking app
  for (const [j, o] of out.orders.entries()) {
    const amount = b.short ? o.total - 10_000 : o.total;
    const reference = `FT${String(index * 10 + j).padStart(6, '0')}CRASH`;
    const raw = JSON.stringify(
      transferIn({ amount, content: `Thanh toan ${o.code}`, reference, id: 70_000_000 + index * 10 + j }),
    );
    const res = await persist(() =>
      call('POST', '/api/v1/payments/bank-webhook', raw, { 'x-signature': sign(secret, raw) }),
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body!.success, true);
    out.transfers.push({ reference, orderId: o.id, amount, outcome: res.body!.outcome as string });
  }
  return out;
}

/** Buyers made in the database with a token each (`read` and `buyer:write`); each wants 1 to 3 units of 1 or 2 shops. */
async function makeBuyers(variantIds: string[]): Promise<Buyer[]> {
  const rows = await t.db
    .insert(users)
    .values(
      Array.from({ length: BUYERS }, (_, i) => ({
        email: `mua-crash-${i}@example.vn`,
        fullName: `Người mua ${i}`,
        passwordHash: 'not-used-here',
      })),
    )
    .returning({ id: users.id });
  return Promise.all(
    rows.map(async ({ id }, i) => {
      const shops = [...variantIds].sort(() => Math.random() - 0.5).slice(0, 1 + (i % 2));
      return {
        id,
        auth: await bearer(t, id, ['read', 'buyer:write']),
        key: `crash-${i}-${id}`,
        wants: shops.map((variantId) => ({ variantId, quantity: 1 + Math.floor(Math.random() * 3) })),
        double: i % 10 === 3,
        short: i % 15 === 7,
      };
    }),
  );
}

const rowsOf = async <T>(q: ReturnType<typeof sql>) => (await t.db.execute(q)).rows as T[];

test('200 buyers check out and pay while the app is killed (SIGKILL) and restarted: nothing lost, nothing doubled', async (ctx) => {
  const shops = [];
  for (const s of SHOPS) shops.push(await sellingShop(t, s));
  const variantIds = shops.map((s) => s.variant.id);
  const buyers = await makeBuyers(variantIds);
  await startApp();

  const started = Date.now();
  const all = Promise.all(buyers.map((b, i) => buy(b, i)));
  let done = false;
  // A buyer that fails stops the others (and the killer): the test fails at once.
  all.then(
    () => {
      done = true;
    },
    () => {
      done = seen.stopped = true;
    },
  );
  // Each kill once a random share of the buyers has its checkout answered, then a random moment later.
  const kills: { at: number; inFlight: number; restart: number }[] = [];
  for (let k = 0; k < KILLS; k++) {
    const threshold = ((k + 0.2 + Math.random() * 0.6) / KILLS) * BUYERS * 0.85;
    await eventually(() => done || checkoutsAnswered >= threshold, 60_000);
    await sleep(Math.random() * 250);
    if (done) break;
    const at = Date.now() - started;
    const inFlight = seen.inFlight;
    app!.child.kill('SIGKILL');
    assert.equal(await app!.exited, 'SIGKILL');
    await startApp();
    kills.push({ at, inFlight, restart: Date.now() - started - at });
  }
  const outcomes = await all;

  // The app is up again: its outbox hands every event on (order paid, contracts, mails).
  const drained = await eventually(async () => {
    const [r] = await rowsOf<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`,
    );
    return r.n === 0;
  }, 60_000);
  assert.ok(drained, 'the outbox drained');
  assert.equal(await app!.stop('SIGTERM'), 0, app!.output());

  const placed = outcomes.filter((o) => o.checkoutId);
  const orders = placed.flatMap((o) => o.orders);
  ctx.diagnostic(
    `kills at ${kills.map((k) => `${k.at} ms (${k.inFlight} requests in flight, up again in ${k.restart} ms)`).join(', ')}; ` +
      `${seen.connectionErrors} broken or refused connections; ${placed.length} checkouts, ` +
      `${orders.length} orders; refused: ${outcomes.filter((o) => o.refused === 'cart').length} at the cart, ` +
      `${outcomes.filter((o) => o.refused === 'checkout').length} at checkout; ${Date.now() - started} ms`,
  );
  assert.ok(kills.length >= 3, `killed ${kills.length} times`);
  assert.ok(
    kills.some((k) => k.inFlight > 0),
    'requests were in flight when the app was killed',
  );
  assert.deepEqual(seen.serverErrors, [], 'no 5xx answers');
  assert.ok(placed.length > 0 && outcomes.some((o) => o.refused), 'some buyers got goods, some were refused');

  // Every acknowledged checkout exists exactly once, with exactly the orders it answered.
  for (const o of placed)
    assert.ok(
      o.answeredIds.every((id) => id === o.checkoutId),
      'a key answers the same checkout every time',
    );
  const stored = await rowsOf<{ id: string; buyer_id: string; key: string; orders: string[] }>(sql`
    SELECT c.id, c.buyer_id, c.idempotency_key AS key, array_agg(o.id ORDER BY o.id) AS orders
    FROM checkouts c JOIN orders o ON o.checkout_id = c.id GROUP BY c.id`);
  const byBuyer = new Map(stored.map((c) => [c.buyer_id, c]));
  assert.equal(stored.length, placed.length, 'no checkout the buyers were not told of, none twice');
  for (const o of placed) {
    const c = byBuyer.get(o.buyer.id);
    assert.ok(c, `checkout of buyer ${o.buyer.id} is kept`);
    assert.equal(c.id, o.checkoutId);
    assert.equal(c.key, o.buyer.key);
    assert.deepEqual(c.orders, o.orders.map((x) => x.id).sort());
  }
  const [counts] = await rowsOf<{ orders: number; pairs: number }>(sql`
    SELECT count(*)::int AS orders, count(DISTINCT (checkout_id, seller_id))::int AS pairs FROM orders`);
  assert.deepEqual(
    counts,
    { orders: orders.length, pairs: orders.length },
    'one order per shop per checkout',
  );

  // Stock: the initial stock minus what orders still hold, never below zero.
  for (const [i, s] of shops.entries()) {
    const [v] = await rowsOf<{ stock: number; sold: number }>(sql`
      SELECT v.stock, coalesce((SELECT sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE l.variant_id = v.id AND o.status <> 'cancelled'), 0)::int AS sold
      FROM product_variants v WHERE v.id = ${s.variant.id}`);
    assert.ok(v.stock >= 0, `stock of shop ${i} is ${v.stock}`);
    assert.equal(v.stock, SHOPS[i].stock - v.sold, `stock of shop ${i}`);
  }

  // Every transfer the bank was told of is recorded once, and its money is on the order or in suspense.
  const sent = outcomes.flatMap((o) => o.transfers);
  const transfers = await rowsOf<{ reference: string; amount: bigint; outcome: string; placed: boolean }>(sql`
    SELECT t.reference, t.amount, t.outcome,
      CASE WHEN t.outcome = 'matched'
        THEN EXISTS (SELECT 1 FROM payment_receipts r WHERE r.intent_id = t.intent_id AND r.reference = t.reference)
         AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.kind = 'payment' AND e.reference = 'vietqr:' || t.reference)
        ELSE EXISTS (SELECT 1 FROM reconciliation_items i WHERE i.reference = t.reference AND i.amount = t.amount
          AND i.resolved_at IS NULL)
         AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.kind = 'suspense_receipt' AND e.reference = 'vietqr:' || t.reference)
      END AS placed
    FROM bank_transfers t`);
  assert.deepEqual(transfers.map((x) => x.reference).sort(), sent.map((x) => x.reference).sort());
  for (const x of transfers)
    assert.ok(x.placed, `transfer ${x.reference} (${x.outcome}) is not where its money is`);
  const [money] = await rowsOf<{ cash: bigint; suspense: bigint; escrow: bigint }>(sql`
    SELECT coalesce(sum(balance) FILTER (WHERE code = 'cash:vietqr'), 0)::bigint AS cash,
           coalesce(sum(balance) FILTER (WHERE code = 'suspense'), 0)::bigint AS suspense,
           coalesce(sum(balance) FILTER (WHERE code = 'escrow'), 0)::bigint AS escrow
    FROM ledger_accounts`);
  const total = (xs: { amount: bigint | number }[]) => xs.reduce((s, x) => s + BigInt(x.amount), 0n);
  assert.equal(money.cash, total(sent), 'every đồng sent is in the collection account');
  assert.equal(money.suspense, total(transfers.filter((x) => x.outcome !== 'matched')));
  assert.equal(money.escrow, total(transfers.filter((x) => x.outcome === 'matched')));

  // An order whose full payment the bank was told of is paid; the short-paid ones still wait.
  const status = new Map(
    (await rowsOf<{ id: string; status: string }>(sql`SELECT id, status FROM orders`)).map((r) => [
      r.id,
      r.status,
    ]),
  );
  const matched = new Set(transfers.filter((x) => x.outcome === 'matched').map((x) => x.reference));
  for (const x of sent) {
    const full = !outcomes.find((o) => o.transfers.includes(x))!.buyer.short;
    assert.equal(matched.has(x.reference), full, `transfer ${x.reference} matched: ${x.outcome}`);
    assert.equal(status.get(x.orderId), full ? 'paid' : 'awaiting_payment', `order of ${x.reference}`);
  }
  assert.equal(sent.length, orders.length, 'every order was paid for');

  // The outbox's work was done once per order: one signed contract each.
  const [contracts] = await rowsOf<{ n: number }>(sql`SELECT count(*)::int AS n FROM contracts`);
  assert.equal(contracts.n, orders.length);

  assert.deepEqual(await ledgerProblems(t.db), []);
});
