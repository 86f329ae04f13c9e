/**
 * Answers of the last second, per process. The same question asked again within the
 * second (a popular query or category under load, a page and its JSON twin) costs nothing,
 * and concurrent identical questions share one load. An answer is never served once it is
 * `ttlMs` old (one second at most: the promise that a change shows within a second); one
 * asked for after RENEW_AT of that is reloaded in the background meanwhile, so that popular
 * questions do not wait for the database every second. Nothing needs to agree across
 * instances: every entry dies young. A failed load is not kept.
 */

export const BRIEF_MS = 1000;
/** Share of the ttl after which a hit also starts the next load (a load takes far less than the rest). */
const RENEW_AT = 0.75;

interface Loaded<T> {
  /** When the load behind `value` started: the age of what it says. */
  at: number;
  value: Promise<T>;
}
interface Entry<T> extends Loaded<T> {
  next?: Loaded<T>;
}

export interface BriefCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
}

export function briefCache<T>(opts: { ttlMs?: number; maxEntries?: number } = {}): BriefCache<T> {
  const ttl = Math.min(opts.ttlMs ?? BRIEF_MS, BRIEF_MS);
  const max = opts.maxEntries ?? 2000;
  const entries = new Map<string, Entry<T>>();
  const keep = (key: string, e: Entry<T>) => {
    entries.set(key, e);
    e.value.catch(() => {
      if (entries.get(key)?.value === e.value) entries.delete(key);
    });
  };
  return {
    get(key, load) {
      const now = Date.now();
      let e = entries.get(key);
      if (e && now - e.at >= ttl) {
        // Too old to serve: the reload under way if it is young enough, else a new load.
        e = e.next && now - e.next.at < ttl ? { at: e.next.at, value: e.next.value } : undefined;
        if (e) keep(key, e);
        else entries.delete(key);
      }
      if (!e) {
        e = { at: now, value: load() };
        keep(key, e);
        // A Map iterates oldest first: drop from the front when full.
        while (entries.size > max) entries.delete(entries.keys().next().value as string);
      } else if (!e.next && now - e.at >= ttl * RENEW_AT) {
        const entry = e;
        const next = { at: now, value: load() };
        entry.next = next;
        next.value.then(
          () => {
            if (entries.get(key) === entry) entries.set(key, next);
          },
          () => {
            if (entry.next === next) entry.next = undefined;
          },
        );
      }
      return e.value;
    },
  };
}

/** One brief cache per database: answers read from one database never answer for another. */
export function briefCachePerDb<T>(opts?: { ttlMs?: number; maxEntries?: number }) {
  const caches = new WeakMap<object, BriefCache<T>>();
  return (db: object) => {
    let cache = caches.get(db);
    if (!cache) {
      cache = briefCache<T>(opts);
      caches.set(db, cache);
    }
    return cache;
  };
}
