import { getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';
import type { Executor } from './pool.js';

/**
 * Inserts many rows of a Drizzle table in one statement and one parameter: the rows travel as
 * a JSON array that PostgreSQL unpacks with json_populate_recordset. Building a 1,000-row
 * VALUES list through the query builder costs more time in Node than PostgreSQL spends
 * writing the rows, and a large catalogue is mostly that. Rows are the table's insert type
 * (property names as in the schema); every row must carry the same properties. Defaults set
 * in TypeScript ($defaultFn, $onUpdate) do not run: give those values.
 *
 * With `update`, a row whose `id` is taken updates those properties of it instead: many rows
 * updated in one statement, each with its own values.
 */
export async function bulkInsert<T extends Table>(
  tx: Executor,
  table: T,
  rows: T['$inferInsert'][],
  opts: { update?: (keyof T['$inferInsert'] & string)[] } = {},
): Promise<void> {
  if (!rows.length) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]).filter((k) => k in columns);
  const names = sql.raw(keys.map((k) => `"${columns[k].name}"`).join(', '));
  const json = JSON.stringify(
    rows.map((r) => {
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        const v = (r as Record<string, unknown>)[k];
        out[columns[k].name] = typeof v === 'bigint' ? v.toString() : v;
      }
      return out;
    }),
  );
  const upsert: SQL = opts.update?.length
    ? sql` ON CONFLICT (id) DO UPDATE SET ${sql.raw(
        opts.update.map((k) => `"${columns[k].name}" = excluded."${columns[k].name}"`).join(', '),
      )}`
    : sql``;
  await tx.execute(
    sql`INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${table}, ${json}::json)${upsert}`,
  );
}
