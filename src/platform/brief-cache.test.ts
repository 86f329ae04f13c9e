import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { BRIEF_MS, briefCache } from './brief-cache.js';

/** A load that answers which call it is, and can be told to fail or to wait. */
function counting() {
  let calls = 0;
  let fail = false;
  let gate: Promise<void> | undefined;
  return {
    async load(): Promise<number> {
      calls += 1;
      const n = calls;
      if (gate) await gate;
      if (fail) throw new Error('database down');
      return n;
    },
    calls: () => calls,
    failing: (v: boolean) => {
      fail = v;
    },
    hold: () => {
      let open!: () => void;
      gate = new Promise((r) => {
        open = r;
      });
      return () => {
        gate = undefined;
        open();
      };
    },
  };
}

beforeEach(() => mock.timers.enable({ apis: ['Date'], now: 1_000_000 }));
afterEach(() => mock.timers.reset());

test('the same key within the second is loaded once, even when asked at the same time', async () => {
  const c = counting();
  const cache = briefCache<number>();
  const load = () => c.load();
  assert.deepEqual(await Promise.all([cache.get('yen sao', load), cache.get('yen sao', load)]), [1, 1]);
  mock.timers.tick(BRIEF_MS / 2);
  assert.equal(await cache.get('yen sao', load), 1);
  assert.equal(await cache.get('yen sao|newest', load), 2, 'another key is another load');
  assert.equal(c.calls(), 2);
});

test('an answer is never served once a second old; after three quarters of it, it is renewed in the background', async () => {
  const c = counting();
  const cache = briefCache<number>();
  const load = () => c.load();
  assert.equal(await cache.get('nem', load), 1);
  mock.timers.tick(BRIEF_MS * 0.8);
  const release = c.hold();
  assert.equal(await cache.get('nem', load), 1, 'still young enough: served, renewal started');
  assert.equal(c.calls(), 2);
  mock.timers.tick(BRIEF_MS * 0.25);
  // The first answer is now 1.05 s old: the renewal (0.25 s old) is what is awaited.
  const waiting = cache.get('nem', load);
  release();
  assert.equal(await waiting, 2);
  assert.equal(c.calls(), 2);
  mock.timers.tick(BRIEF_MS);
  assert.equal(await cache.get('nem', load), 3, 'nothing young left: loaded again');
});

test('a renewal that finishes in time replaces the answer', async () => {
  const c = counting();
  const cache = briefCache<number>();
  const load = () => c.load();
  await cache.get('mat ong', load);
  mock.timers.tick(BRIEF_MS * 0.8);
  await cache.get('mat ong', load);
  await new Promise((r) => setImmediate(r));
  assert.equal(await cache.get('mat ong', load), 2);
  mock.timers.tick(BRIEF_MS * 0.5);
  assert.equal(await cache.get('mat ong', load), 2, 'the renewed answer is 0.5 s old');
  mock.timers.tick(BRIEF_MS * 0.1);
  await cache.get('mat ong', load);
  assert.equal(c.calls(), 2, 'not renewed again before three quarters of its second');
});

test('a failure is not kept, and no ttl can stretch past a second', async () => {
  const c = counting();
  const cache = briefCache<number>({ ttlMs: 60_000 });
  const load = () => c.load();
  c.failing(true);
  await assert.rejects(cache.get('tom', load), /database down/);
  c.failing(false);
  assert.equal(await cache.get('tom', load), 2);
  mock.timers.tick(BRIEF_MS);
  assert.equal(
    await cache.get('tom', load),
    3,
    'a second old: loaded again despite the longer ttl asked for',
  );
});

test('when full, the oldest keys go first', async () => {
  const c = counting();
  const cache = briefCache<number>({ maxEntries: 2 });
  const load = () => c.load();
  await cache.get('a', load);
  await cache.get('b', load);
  await cache.get('c', load);
  assert.equal(await cache.get('c', load), 3);
  assert.equal(await cache.get('b', load), 2);
  assert.equal(await cache.get('a', load), 4, 'the first key was dropped');
});
