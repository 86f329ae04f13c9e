import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import type { SearchEngine, SearchResult } from './engine.js';
import { CACHE_MS, microCache } from './service.js';

/** An engine that answers which call it is, and can be told to fail or to wait. */
function counting() {
  let calls = 0;
  let fail = false;
  let gate: Promise<void> | undefined;
  const engine: SearchEngine = {
    async search() {
      calls += 1;
      const n = calls;
      if (gate) await gate;
      if (fail) throw new Error('database down');
      return { total: n } as unknown as SearchResult;
    },
    async suggest() {
      calls += 1;
      return { products: [], categories: [] };
    },
  };
  return {
    engine,
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

const total = async (p: Promise<SearchResult>) => (await p).total;

test('the same query within the second is answered once, even when asked at the same time', async () => {
  const c = counting();
  const cache = microCache(c.engine);
  const [a, b] = await Promise.all([cache.search({ q: 'yen sao' }), cache.search({ q: 'yen sao' })]);
  assert.equal(a, b);
  mock.timers.tick(CACHE_MS / 2);
  assert.equal(await total(cache.search({ q: 'yen sao' })), 1);
  assert.equal(
    await total(cache.search({ q: 'yen sao', sort: 'newest' })),
    2,
    'another query is another answer',
  );
  assert.equal(c.calls(), 2);
});

test('an answer is never served once a second old; after three quarters of it, it is renewed in the background', async () => {
  const c = counting();
  const cache = microCache(c.engine);
  assert.equal(await total(cache.search({ q: 'nem' })), 1);
  mock.timers.tick(CACHE_MS * 0.8);
  const release = c.hold();
  assert.equal(await total(cache.search({ q: 'nem' })), 1, 'still young enough: served, renewal started');
  assert.equal(c.calls(), 2);
  mock.timers.tick(CACHE_MS * 0.25);
  // The first answer is now 1.05 s old: the renewal (0.25 s old) is what is awaited.
  const waiting = total(cache.search({ q: 'nem' }));
  release();
  assert.equal(await waiting, 2);
  assert.equal(c.calls(), 2);
  mock.timers.tick(CACHE_MS);
  assert.equal(await total(cache.search({ q: 'nem' })), 3, 'nothing young left: asked again');
});

test('a renewal that finishes in time replaces the answer', async () => {
  const c = counting();
  const cache = microCache(c.engine);
  await cache.search({ q: 'mat ong' });
  mock.timers.tick(CACHE_MS * 0.8);
  assert.equal(c.calls(), 1);
  await cache.search({ q: 'mat ong' });
  await new Promise((r) => setImmediate(r));
  assert.equal(await total(cache.search({ q: 'mat ong' })), 2);
  mock.timers.tick(CACHE_MS * 0.5);
  assert.equal(await total(cache.search({ q: 'mat ong' })), 2, 'the renewed answer is 0.5 s old');
  mock.timers.tick(CACHE_MS * 0.1);
  await cache.search({ q: 'mat ong' });
  assert.equal(c.calls(), 2, 'not renewed again before three quarters of its second');
  assert.equal(c.calls(), 2);
});

test('a failure is not kept', async () => {
  const c = counting();
  const cache = microCache(c.engine);
  c.failing(true);
  await assert.rejects(cache.search({ q: 'tom' }), /database down/);
  c.failing(false);
  assert.equal(await total(cache.search({ q: 'tom' })), 2);
});
