import type { Executor } from '../../platform/db/pool.js';
import type { SearchEngine, SearchQuery, SearchResult, Suggestion } from './engine.js';
import { pgSearchEngine } from './pg-engine.js';
import { synonymGroups } from './synonyms.js';
import { categoryNames } from './taxonomy.js';

/** How long an answer is reused: the promise made to sellers is "searchable within a second". */
export const CACHE_MS = 1000;
const CACHE_ENTRIES = 1000;

/**
 * Answers of the last second, per process: the same query asked again within the second
 * (a popular query under load, a page and its API twin) costs nothing, and concurrent
 * identical queries share one database round. Nothing needs to agree across instances:
 * every entry is dropped after CACHE_MS.
 */
export function microCache(engine: SearchEngine, ttlMs = CACHE_MS): SearchEngine {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  function remember<T>(key: string, make: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
    entries.delete(key);
    const value = make();
    entries.set(key, { at: now, value });
    value.catch(() => entries.get(key)?.value === value && entries.delete(key));
    // Oldest first in a Map: drop from the front when full.
    while (entries.size > CACHE_ENTRIES) entries.delete(entries.keys().next().value as string);
    return value;
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
