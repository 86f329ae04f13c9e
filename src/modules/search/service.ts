import type { Executor } from '../../platform/db/pool.js';
import type { SearchEngine, SearchQuery, SearchResult, Suggestion } from './engine.js';
import { pgSearchEngine } from './pg-engine.js';
import { synonymGroups } from './synonyms.js';
import { categoryNames } from './taxonomy.js';

/** How long an answer is reused: the promise made to sellers is "searchable within a second". */
export const CACHE_MS = 1000;
const CACHE_ENTRIES = 1000;
/** Share of CACHE_MS after which a hit also starts the next answer (the query takes far less than the rest). */
const RENEW_AT = 0.75;

/**
 * Answers of the last second, per process: the same query asked again within the second
 * (a popular query under load, a page and its API twin) costs nothing, and concurrent
 * identical queries share one database round. An answer is never served once it is
 * CACHE_MS old; a query asked again after RENEW_AT of that is recomputed in the background
 * meanwhile, so that popular queries do not wait for the database every second. Nothing
 * needs to agree across instances: every entry dies young.
 */
export function microCache(engine: SearchEngine, ttlMs = CACHE_MS): SearchEngine {
  interface Entry {
    /** When the query behind `value` started: the age of what it says. */
    at: number;
    value: Promise<unknown>;
    next?: { at: number; value: Promise<unknown> };
  }
  const entries = new Map<string, Entry>();
  function remember<T>(key: string, make: () => Promise<T>): Promise<T> {
    const now = Date.now();
    let e = entries.get(key);
    if (e && now - e.at >= ttlMs) {
      // Too old to serve: the refresh under way, if recent enough, or a new query.
      e = e.next && now - e.next.at < ttlMs ? { at: e.next.at, value: e.next.value } : undefined;
      if (e) {
        entries.set(key, e);
        forgetOnFailure(key, e.value);
      } else entries.delete(key);
    }
    if (!e) {
      e = { at: now, value: make() };
      entries.set(key, e);
      // Oldest first in a Map: drop from the front when full.
      while (entries.size > CACHE_ENTRIES) entries.delete(entries.keys().next().value as string);
      forgetOnFailure(key, e.value);
    } else if (!e.next && now - e.at >= ttlMs * RENEW_AT) {
      const entry = e;
      const next = { at: now, value: make() };
      entry.next = next;
      next.value.then(
        () => {
          if (entries.get(key) === entry) entries.set(key, { at: next.at, value: next.value });
        },
        () => {
          if (entry.next === next) entry.next = undefined;
        },
      );
    }
    return e.value as Promise<T>;
  }
  function forgetOnFailure(key: string, value: Promise<unknown>) {
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
  }
  const keyOf = (q: SearchQuery) => JSON.stringify(q, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return {
    search: (q) => remember<SearchResult>(`s${keyOf(q)}`, () => engine.search(q)),
    suggest: (prefix) => remember<Suggestion>(`p${prefix}`, () => engine.suggest(prefix)),
  };
}

const engines = new WeakMap<Executor, SearchEngine>();

/** The search engine of a database (one per app, with its cache). */
export function searchEngine(db: Executor): SearchEngine {
  let engine = engines.get(db);
  if (!engine) {
    engine = microCache(pgSearchEngine(db, { categories: categoryNames(), synonyms: synonymGroups(db) }));
    engines.set(db, engine);
  }
  return engine;
}
