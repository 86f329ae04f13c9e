import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { createDb } from '../db/pool.js';
import { OutboxDispatcher, publish } from './outbox.js';
import { outbox } from './schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const dispatcher = (db = t.db) => new OutboxDispatcher(db, t.app.log);
const byTopic = async (topic: string) => t.db.select().from(outbox).where(eq(outbox.topic, topic));

test('an event published in a rolled-back transaction is never handled', async () => {
  const seen: unknown[] = [];
  const d = dispatcher().on('test.rollback', async (p) => {
    seen.push(p);
  });
  await assert.rejects(
    t.db.transaction(async (tx) => {
      await publish(tx, 'test.rollback', { n: 1 });
      throw new Error('the change failed');
    }),
    /the change failed/,
  );
  assert.equal(await d.drain(), 0);
  assert.deepEqual(seen, []);
  assert.equal((await byTopic('test.rollback')).length, 0);

  await t.db.transaction((tx) => publish(tx, 'test.rollback', { n: 2 }));
  assert.equal(await d.drain(), 1);
  assert.equal(await d.drain(), 0, 'handled once, not again');
  assert.deepEqual(seen, [{ n: 2 }]);
  const [row] = await byTopic('test.rollback');
  assert.ok(row.processedAt);
  assert.equal(row.attempts, 1);
});

test('a failing handler is retried later, with attempts counted and a growing delay', async () => {
  let calls = 0;
  const d = dispatcher().on('test.flaky', async () => {
    calls++;
    if (calls <= 2) throw new Error(`mail server down (${calls})`);
  });
  await publish(t.db, 'test.flaky', { to: 'nguoimua@demo.tmdt.vn' });

  await d.drain();
  let [row] = await byTopic('test.flaky');
  assert.equal(calls, 1);
  assert.equal(row.processedAt, null);
  assert.equal(row.attempts, 1);
  assert.match(row.lastError ?? '', /mail server down \(1\)/);
  const delay1 = (row.availableAt.getTime() - Date.now()) / 1000;
  assert.ok(delay1 > 3 && delay1 <= 5, `first retry in about 5 s, got ${delay1}`);

  assert.equal(await d.drain(), 0, 'not due yet');
  assert.equal(calls, 1);

  // Time passes: make it due.
  await t.db.execute(sql`UPDATE outbox SET available_at = now() WHERE id = ${row.id}`);
  await d.drain();
  [row] = await byTopic('test.flaky');
  assert.equal(calls, 2);
  assert.equal(row.attempts, 2);
  const delay2 = (row.availableAt.getTime() - Date.now()) / 1000;
  assert.ok(delay2 > 8 && delay2 <= 10, `second retry in about 10 s, got ${delay2}`);

  await t.db.execute(sql`UPDATE outbox SET available_at = now() WHERE id = ${row.id}`);
  await d.drain();
  [row] = await byTopic('test.flaky');
  assert.equal(calls, 3);
  assert.equal(row.attempts, 3);
  assert.ok(row.processedAt, 'handled on the third attempt');
});

test('two dispatchers draining at once never handle an event twice', async () => {
  const total = 300;
  await t.db.transaction(async (tx) => {
    for (let i = 0; i < total; i++) await publish(tx, 'test.race', { i });
  });
  // Two instances: separate connection pools on the same database.
  const dbA = createDb(t.dbUrl, 3);
  const dbB = createDb(t.dbUrl, 3);
  const handledBy = new Map<number, string[]>();
  const make = (db: typeof dbA, name: string) =>
    dispatcher(db).on('test.race', async ({ i }: { i: number }) => {
      handledBy.set(i, [...(handledBy.get(i) ?? []), name]);
      await new Promise((r) => setTimeout(r, 1));
    });
  try {
    const a = make(dbA, 'A');
    const b = make(dbB, 'B');
    const [na, nb] = await Promise.all([a.drain(), b.drain()]);
    // Whatever one stopped early on is picked up by a later round.
    const rest = (await a.drain()) + (await b.drain());
    assert.equal(na + nb + rest, total);
    assert.equal(handledBy.size, total);
    const twice = [...handledBy].filter(([, who]) => who.length > 1);
    assert.deepEqual(twice, [], 'no event handled twice');
    const names = new Set([...handledBy.values()].flat());
    assert.deepEqual(names, new Set(['A', 'B']), 'both dispatchers took a share');
    const left = await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM outbox WHERE topic = 'test.race' AND processed_at IS NULL`,
    );
    assert.equal(left.rows[0].n, 0);
  } finally {
    await dbA.$client.end();
    await dbB.$client.end();
  }
});

test('start() polls in the background and stop() waits for the running batch', async () => {
  const seen: number[] = [];
  const d = dispatcher().on('test.poll', async ({ n }: { n: number }) => {
    seen.push(n);
  });
  d.start(20);
  try {
    await publish(t.db, 'test.poll', { n: 7 });
    const end = Date.now() + 5000;
    while (!seen.length && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(seen, [7]);
  } finally {
    await d.stop();
  }
  await publish(t.db, 'test.poll', { n: 8 });
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(seen, [7], 'nothing handled after stop()');
});

test('stop() during a batch also ends the polling', async () => {
  const seen: number[] = [];
  let started!: () => void;
  const inHandler = new Promise<void>((r) => {
    started = r;
  });
  const d = dispatcher().on('test.slow', async ({ n }: { n: number }) => {
    started();
    await new Promise((r) => setTimeout(r, 100));
    seen.push(n);
  });
  await publish(t.db, 'test.slow', { n: 1 });
  d.start(10);
  await inHandler;
  await d.stop();
  assert.deepEqual(seen, [1], 'the running batch finished');
  await publish(t.db, 'test.slow', { n: 2 });
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(seen, [1], 'no polling after stop()');
});

test('several handlers of one topic each run; a retry runs only the one that failed', async () => {
  const runs: string[] = [];
  let failing = true;
  const d = dispatcher()
    .on(
      'test.fanout',
      async () => {
        runs.push('invoice');
      },
      'invoices',
    )
    .on(
      'test.fanout',
      async () => {
        runs.push('trust');
        if (failing) throw new Error('trust store down');
      },
      'trust',
    );
  assert.throws(() => d.on('test.fanout', async () => {}, 'trust'), /already handles/);
  await t.db.transaction((tx) => publish(tx, 'test.fanout', { orderId: 'x' }));
  await d.drain();
  assert.deepEqual(runs, ['invoice', 'trust']);
  let [row] = await byTopic('test.fanout');
  assert.equal(row.processedAt, null);
  assert.deepEqual(row.handledBy, ['invoices']);
  assert.match(row.lastError ?? '', /trust store down/);

  failing = false;
  await t.db
    .update(outbox)
    .set({ availableAt: new Date(0) })
    .where(eq(outbox.id, row.id));
  await d.drain();
  assert.deepEqual(runs, ['invoice', 'trust', 'trust'], 'the invoice was not issued twice');
  [row] = await byTopic('test.fanout');
  assert.ok(row.processedAt);
  assert.deepEqual(row.handledBy.sort(), ['invoices', 'trust']);
});
