import { bigint, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.js';

/** Metadata of every stored file; the bytes live behind the Storage interface under `key`. */
export const files = pgTable('files', {
  id: id(),
  key: text('key').notNull().unique(),
  originalName: text('original_name').notNull(),
  mime: text('mime').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  ownerId: uuid('owner_id'),
  createdAt: createdAt(),
});
