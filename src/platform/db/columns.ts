import {
  type AnyPgColumn,
  bigserial,
  index,
  type PgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/** Primary key: a UUIDv7 made by the app (time-ordered, so indexes stay compact). */
export const id = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());

/** Whether a string can be an id: look nothing up with one that cannot (PostgreSQL would refuse it). */
export const isUuid = (v: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** The id of the row this one belongs to (`() => products.id`): deleted with it. */
export const parentId = (name: string, parent: () => AnyPgColumn) =>
  uuid(name).notNull().references(parent, { onDelete: 'cascade' });

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
export const tstz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The columns of a lifecycle's history table (one row a transition: from, to, who, why, when);
 * the table adds the column naming its subject and an index on (subject, at).
 */
export const transitionColumns = <S extends [string, ...string[]]>(status: PgEnum<S>) => ({
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  fromStatus: status('from_status'),
  toStatus: status('to_status').notNull(),
  actorId: uuid('actor_id').notNull(),
  reason: text('reason'),
  at: tstz('at').notNull().defaultNow(),
});

/**
 * A lifecycle's history table `name`: its subject's id (`order` gives `orderId`, column
 * `order_id`, deleted with the subject), the transition columns, and the index on (subject, at)
 * named `<name>_<subject>_idx`.
 */
export function transitionsTable<N extends string, S extends [string, ...string[]]>(
  name: string,
  subject: N,
  parent: () => AnyPgColumn,
  status: PgEnum<S>,
) {
  const key = `${subject}Id` as `${N}Id`;
  const columns = { [key]: parentId(`${subject}_id`, parent), ...transitionColumns(status) } as Record<
    `${N}Id`,
    ReturnType<typeof parentId>
  > &
    ReturnType<typeof transitionColumns<S>>;
  return pgTable(name, columns, (t) => [index(`${name}_${subject}_idx`).on(t[key], t.at)]);
}
