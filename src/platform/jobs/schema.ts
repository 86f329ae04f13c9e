import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../db/columns.js';

/**
 * Transactional outbox: a module writes an event in the same transaction as its change;
 * the dispatcher hands it to each handler registered for its topic, at least once.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
    availableAt: tstz('available_at').notNull().defaultNow(),
    processedAt: tstz('processed_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Handlers of the topic that have already succeeded: a retry runs only the others. */
    handledBy: text('handled_by').array().notNull().default(sql`'{}'`),
  },
  (t) => [index('outbox_pending_idx').on(t.availableAt).where(sql`processed_at IS NULL`)],
);
