import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from '../db/columns.js';

/** Rate-limit counters shared by every app instance (fixed windows). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: tstz('reset_at').notNull(),
});
