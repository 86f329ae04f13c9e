import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../platform/db/columns.js';

/**
 * Every public key that ever signed a contract, by its RFC 7638 thumbprint. The private key
 * lives only in its file; keeping the public half here lets a contract signed before a key
 * change (or by another instance with its own key) still be verified.
 */
export const contractKeys = pgTable('contract_keys', {
  keyId: text('key_id').primaryKey(),
  publicKeyPem: text('public_key_pem').notNull(),
  createdAt: createdAt(),
});

/**
 * One electronic contract per order: the canonical (RFC 8785) document of what was agreed,
 * kept as the exact text that was hashed and signed (jsonb would not keep the bytes).
 */
export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    code: text('code').notNull(),
    orderId: uuid('order_id').notNull(),
    buyerId: uuid('buyer_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    document: text('document').notNull(),
    /** SHA-256 of the document's UTF-8 bytes, hex. */
    hash: text('hash').notNull(),
    /** Ed25519 signature of the same bytes, base64. */
    signature: text('signature').notNull(),
    keyId: text('key_id')
      .notNull()
      .references(() => contractKeys.keyId),
    signedAt: tstz('signed_at').notNull(),
  },
  (t) => [uniqueIndex('contracts_order_idx').on(t.orderId), uniqueIndex('contracts_code_idx').on(t.code)],
);
