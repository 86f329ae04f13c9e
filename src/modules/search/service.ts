import { briefCache } from '../../platform/brief-cache.js';
import type { Executor } from '../../platform/db/pool.js';
import type { SearchEngine, SearchQuery, SearchResult, Suggestion } from './engine.js';
import { pgSearchEngine } from './pg-engine.js';
import { synonymGroups } from './synonyms.js';
import { categoryNames } from './taxonomy.js';

const CACHE_ENTRIES = 1000;

/**
 * The engine behind answers kept for a second (platform/brief-cache.ts): a popular query
 * under load, or a page and its JSON twin, costs one database round a second.
 */
export function microCache(engine: SearchEngine): SearchEngine {
  const cache = briefCache<unknown>({ maxEntries: CACHE_ENTRIES });
  const keyOf = (q: SearchQuery) => JSON.stringify(q, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return {
    search: (q) => cache.get(`s${keyOf(q)}`, () => engine.search(q)) as Promise<SearchResult>,
    suggest: (prefix) => cache.get(`p${prefix}`, () => engine.suggest(prefix)) as Promise<Suggestion>,
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
