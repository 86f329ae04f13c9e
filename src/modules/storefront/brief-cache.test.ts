import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefCache } from './brief-cache.js';

test('a brief cache shares one load between concurrent callers and forgets it after a second', async () => {
  const cache = briefCache<number>();
  let loads = 0;
  const load = async () => ++loads;
  assert.deepEqual(await Promise.all([cache.get('k', load), cache.get('k', load)]), [1, 1]);
  assert.equal(await cache.get('k', load), 1, 'kept within the second');
  await new Promise((r) => setTimeout(r, 1010));
  assert.equal(await cache.get('k', load), 2, 'read again after a second');
});

test('a brief cache never keeps longer than a second, and does not keep failures', async () => {
  const cache = briefCache<string>({ ttlMs: 60_000 });
  await cache.get('k', async () => 'old');
  await new Promise((r) => setTimeout(r, 1010));
  assert.equal(await cache.get('k', async () => 'new'), 'new');
  await assert.rejects(cache.get('x', () => Promise.reject(new Error('database down'))));
  assert.equal(await cache.get('x', async () => 'back'), 'back');
});
