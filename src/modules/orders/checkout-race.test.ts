import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { Client, type TestApp, testApp } from '../../../test/helpers.js';
import { createSession } from '../identity/index.js';
import { users } from '../identity/schema.js';
import { checkoutForm, sellingShop, stockOf } from './checkout-test-fixtures.js';
import { cartItems, checkouts, orderLines, orders } from './schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** Buyers with a browser each, signed in (made directly: the sign-in form has tests of its own). */
async function manyBuyers(n: number) {
  const tag = randomBytes(4).toString('hex');
  const rows = await t.db
    .insert(users)
    .values(
      Array.from({ length: n }, (_, i) => ({
        email: `mua-${i}-${tag}@example.vn`,
        fullName: `Người mua ${i}`,
        passwordHash: 'not-used-here',
      })),
    )
    .returning({ id: users.id });
  return Promise.all(
    rows.map(async ({ id }) => {
      const client = new Client(t.app);
      client.cookies.set('sid', (await createSession(t.db, id, {})).token);
      return { id, client };
    }),
  );
}

test('200 buyers check out at once for 50 units: exactly 50 orders, stock 0, the others told it is sold out', async () => {
  const shop = await sellingShop(t, { stock: 50 });
  const buyers = await manyBuyers(200);
  await t.db
    .insert(cartItems)
    .values(buyers.map((b) => ({ owner: `u:${b.id}`, variantId: shop.variant.id, quantity: 1 })));

  // Half through the page's form, half through the JSON API, all at the same moment.
  const answers = await Promise.all(
    buyers.map((b, i) =>
      i % 2
        ? b.client.json('POST', '/api/v1/checkout', checkoutForm, { 'idempotency-key': `race-${b.id}` })
        : b.client.form('/thanh-toan-don', { ...checkoutForm, key: `race-${b.id}` }),
    ),
  );
  const won = answers.filter((r) => r.statusCode === 201 || r.statusCode === 303);
  const lost = answers.filter((r) => r.statusCode === 422);
  assert.equal(won.length, 50);
  assert.equal(lost.length, 150, `unexpected answers: ${[...new Set(answers.map((r) => r.statusCode))]}`);
  for (const r of lost) assert.match(r.body, /“Yến sào tinh chế Hòn Nội” đã hết hàng\./);

  assert.equal(await stockOf(t, shop.variant.id), 0);
  const [sold] = (
    await t.db.execute<{ n: number; units: number }>(
      sql`SELECT count(DISTINCT o.id)::int AS n, sum(l.quantity)::int AS units
        FROM ${orders} o JOIN ${orderLines} l ON l.order_id = o.id WHERE l.variant_id = ${shop.variant.id}`,
    )
  ).rows;
  assert.deepEqual(sold, { n: 50, units: 50 });
  const [{ n: made }] = (await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${checkouts}`))
    .rows;
  assert.equal(made, 50, 'a refused checkout leaves nothing behind');
  const [{ n: intents }] = (
    await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payment_intents WHERE seller_id = ${shop.seller.id}`,
    )
  ).rows;
  assert.equal(intents, 50);
  const [{ n: left }] = (
    await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ${cartItems} WHERE variant_id = ${shop.variant.id}`,
    )
  ).rows;
  assert.equal(left, 150, 'the winners’ carts are emptied, the others keep their line');
});

test('the same idempotency key sent 10 times at once makes one checkout; the repeats answer its orders', async () => {
  const shop = await sellingShop(t, { stock: 10 });
  const [buyer] = await manyBuyers(1);
  await t.db.insert(cartItems).values({ owner: `u:${buyer.id}`, variantId: shop.variant.id, quantity: 2 });
  const headers = { 'idempotency-key': 'cung-mot-khoa-0001' };
  const answers = await Promise.all(
    Array.from({ length: 10 }, () => buyer.client.json('POST', '/api/v1/checkout', checkoutForm, headers)),
  );
  assert.deepEqual(
    answers.map((r) => r.statusCode).sort(),
    [200, 200, 200, 200, 200, 200, 200, 200, 200, 201],
  );
  const ids = new Set(answers.map((r) => r.json().checkoutId));
  assert.equal(ids.size, 1);
  const codes = new Set(answers.map((r) => r.json().orders[0].code));
  assert.equal(codes.size, 1);
  assert.equal((await t.db.select().from(orders).where(eq(orders.buyerId, buyer.id))).length, 1);
  assert.equal(await stockOf(t, shop.variant.id), 8);

  // The page's form, double-clicked: the same key, one checkout, the same confirmation.
  await t.db.insert(cartItems).values({ owner: `u:${buyer.id}`, variantId: shop.variant.id, quantity: 1 });
  const clicks = await Promise.all(
    Array.from({ length: 5 }, () =>
      buyer.client.form('/thanh-toan-don', { ...checkoutForm, key: 'nhan-doi-0001' }),
    ),
  );
  assert.deepEqual(
    clicks.map((r) => r.statusCode),
    [303, 303, 303, 303, 303],
  );
  assert.equal(new Set(clicks.map((r) => r.headers.location)).size, 1);
  assert.equal((await t.db.select().from(orders).where(eq(orders.buyerId, buyer.id))).length, 2);
  assert.equal(await stockOf(t, shop.variant.id), 7);
});

test('a checkout chosen as a deadlock victim (stock given back in another order at that moment) is run again', async () => {
  const a = await sellingShop(t, { stock: 5 });
  const b = await sellingShop(t, { stock: 5 });
  const [first, second] = [a.variant.id, b.variant.id].sort();
  const [buyer] = await manyBuyers(1);
  await t.db.insert(cartItems).values([
    { owner: `u:${buyer.id}`, variantId: first, quantity: 1 },
    { owner: `u:${buyer.id}`, variantId: second, quantity: 1 },
  ]);
  // PostgreSQL looks for a deadlock once per wait, deadlock_timeout after the wait began, and the
  // waiter that finds it is the victim. So the checkout must close the circle: `other` (a
  // cancellation giving stock back, which never looks) waits for the checkout's first variant
  // before the checkout asks for the second. `holder` keeps the checkout waiting at the first
  // variant until then. Every step waits for the state before it, however slow the machine.
  const holder = await t.db.$client.connect();
  const other = await t.db.$client.connect();
  const pid = async (c: typeof other) =>
    (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
  const blockedBy = async (blocker: number) =>
    (
      await t.db.execute<{ pid: number }>(
        sql`SELECT pid FROM pg_stat_activity WHERE ${blocker} = ANY(pg_blocking_pids(pid))`,
      )
    ).rows.map((r) => r.pid);
  const until = async <T>(probe: () => Promise<T | undefined>): Promise<T> => {
    for (const giveUp = Date.now() + 60_000; Date.now() < giveUp; ) {
      const found = await probe();
      if (found !== undefined) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the sessions never reached the expected waits');
  };
  const restock = 'UPDATE product_variants SET stock = stock + 1 WHERE id = $1';
  try {
    const [holderPid, otherPid] = [await pid(holder), await pid(other)];
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM product_variants WHERE id = $1 FOR UPDATE', [first]);
    await other.query('BEGIN');
    await other.query("SET LOCAL deadlock_timeout = '10min'");
    await other.query(restock, [second]);
    const checkout = buyer.client.json('POST', '/api/v1/checkout', checkoutForm, {
      'idempotency-key': 'deadlock-0001',
    });
    // The checkout waits for the first variant (its place in that row's queue taken)...
    const checkoutPid = await until(async () => (await blockedBy(holderPid))[0]);
    // ...and `other` queues behind it for the same row, holding the second.
    const otherTakesFirst = other.query(restock, [first]);
    await until(async () => ((await blockedBy(checkoutPid)).includes(otherPid) ? true : undefined));
    // The checkout gets the first variant, asks for the second: a circle, which it finds.
    await holder.query('ROLLBACK');
    await otherTakesFirst;
    const [{ n }] = (
      await t.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM ${checkouts} WHERE buyer_id = ${buyer.id}`,
      )
    ).rows;
    assert.equal(n, 0, 'the checkout gave the first variant up without committing: it was the victim');
    await other.query('COMMIT');
    const res = await checkout;
    assert.equal(res.statusCode, 201, res.body);
  } finally {
    holder.release();
    other.release();
  }
  assert.equal(await stockOf(t, first), 5);
  assert.equal(await stockOf(t, second), 5);
  assert.equal((await t.db.select().from(orders).where(eq(orders.buyerId, buyer.id))).length, 2);
});
