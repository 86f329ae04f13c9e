/**
 * A cache of answers for at most `ttlMs` (one second by default), per process. Several
 * instances may serve the same pages: each keeps what it read for a second at most, so none
 * shows data more than a second older than the database. Concurrent misses of one key share
 * a single query, and a failed load is not kept.
 */
export function briefCache<T>(opts: { ttlMs?: number; maxEntries?: number } = {}) {
  const ttl = Math.min(opts.ttlMs ?? 1000, 1000);
  const max = opts.maxEntries ?? 2000;
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key: string, load: () => Promise<T>): Promise<T> {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && now - hit.at < ttl) return hit.value;
      // Everything older than the ttl is useless: drop it all rather than track ages.
      if (entries.size >= max) entries.clear();
      const value = load();
      entries.set(key, { at: now, value });
      value.catch(() => entries.delete(key));
      return value;
    },
  };
}

/** One brief cache per database: answers read from one database never answer for another. */
export function briefCachePerDb<T>(opts?: { ttlMs?: number; maxEntries?: number }) {
  const caches = new WeakMap<object, ReturnType<typeof briefCache<T>>>();
  return (db: object) => {
    let cache = caches.get(db);
    if (!cache) {
      cache = briefCache<T>(opts);
      caches.set(db, cache);
    }
    return cache;
  };
}
