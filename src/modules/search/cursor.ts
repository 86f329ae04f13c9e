import { invalid } from '../../platform/http/errors.js';
import type { Sort } from './engine.js';

/** Where the next page starts: the sort key and product id of the last result shown. */
export interface Cursor {
  sort: Sort;
  key: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients: base64url of a small JSON array. */
export const encodeCursor = (c: Cursor) =>
  Buffer.from(JSON.stringify([c.sort, c.key, c.id])).toString('base64url');

/** Reads a cursor made for this sort; anything else is a 422 on the `cursor` field. */
export function decodeCursor(raw: string, sort: Sort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor', 'search.cursor');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid('cursor', 'search.cursor');
  const [s, key, id] = parsed;
  if (s !== sort || typeof key !== 'string' || typeof id !== 'string' || !UUID.test(id))
    throw invalid('cursor', 'search.cursor');
  const ok =
    sort === 'newest'
      ? !Number.isNaN(Date.parse(key))
      : sort === 'relevance'
        ? Number.isFinite(Number(key))
        : /^\d+$/.test(key);
  if (!ok) throw invalid('cursor', 'search.cursor');
  return { sort, key, id };
}
