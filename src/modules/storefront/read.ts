import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/pool.js';

const names = new Map<string, string>();

/**
 * A read-only query as a named prepared statement: each pooled connection parses and plans
 * it once, then only binds values. Public pages run a handful of fixed query shapes
 * thousands of times a second, so the saved planning is most of the database's work.
 */
export async function read<T>(db: Db, text: string, values: unknown[]): Promise<T[]> {
  let name = names.get(text);
  if (!name) {
    name = `storefront_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return (await db.$client.query({ name, text, values })).rows as T[];
}
