import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, parentId, transitionsTable, tstz, updatedAt } from '../../platform/db/columns.js';

export const paymentIntentMethod = pgEnum('payment_intent_method', ['cod', 'vietqr', 'vnpay']);
export const paymentIntentStatus = pgEnum('payment_intent_status', [
  'pending',
  'partially_paid',
  'paid',
  'cancelled',
  'collected',
]);

/** What an order waits for: one intent an order, created by checkout in its transaction. */
export const paymentIntents = pgTable(
  'payment_intents',
  {
    id: id(),
    orderId: uuid('order_id').notNull(),
    /** The order's code, which the buyer types in the transfer's memo. */
    orderCode: text('order_code').notNull(),
    sellerId: uuid('seller_id').notNull(),
    /** Whose payment page it is. */
    buyerId: uuid('buyer_id').notNull(),
    method: paymentIntentMethod('method').notNull(),
    amountDue: bigint('amount_due', { mode: 'bigint' }).notNull(),
    amountPaid: bigint('amount_paid', { mode: 'bigint' }).notNull().default(sql`0`),
    status: paymentIntentStatus('status').notNull().default('pending'),
    payBy: tstz('pay_by'),
    paidAt: tstz('paid_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('payment_intents_order_idx').on(t.orderId),
    uniqueIndex('payment_intents_code_idx').on(t.orderCode),
    check(
      'payment_intents_amounts_check',
      sql`${t.amountDue} > 0 AND ${t.amountPaid} BETWEEN 0 AND ${t.amountDue}`,
    ),
  ],
);

/** Every change of an intent's status: who (a user, or the nil UUID for a provider), when, why. */
export const paymentIntentTransitions = transitionsTable(
  'payment_intent_transitions',
  'intent',
  () => paymentIntents.id,
  paymentIntentStatus,
);

export const receiptChannel = pgEnum('payment_receipt_channel', ['vietqr', 'vnpay']);

/**
 * Money counted towards an intent: a matched transfer, a gateway payment, or suspense money an
 * officer allocated. The reference (the ledger's) is unique, so nothing is counted twice.
 */
export const paymentReceipts = pgTable(
  'payment_receipts',
  {
    id: id(),
    intentId: parentId('intent_id', () => paymentIntents.id),
    channel: receiptChannel('channel').notNull(),
    reference: text('reference').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    /** Straight from the provider, or allocated from suspense by an officer. */
    allocated: boolean('allocated').notNull().default(false),
    receivedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('payment_receipts_reference_idx').on(t.intentId, t.reference),
    index('payment_receipts_intent_idx').on(t.intentId),
    check('payment_receipts_amount_check', sql`${t.amount} > 0`),
  ],
);

export const paymentEventSource = pgEnum('payment_event_source', [
  'bank_webhook',
  'statement_import',
  'vnpay_ipn',
  'vnpay_return',
]);

/**
 * Every provider callback, notification and imported statement row exactly as it arrived
 * (forged ones too), with what its verification found and what was done with it.
 */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: id(),
    source: paymentEventSource('source').notNull(),
    receivedAt: tstz('received_at').notNull().defaultNow(),
    /** The body (or query string, or CSV line) byte for byte as text. */
    rawBody: text('raw_body').notNull(),
    /** The headers that matter: signature, content type, user agent, client address. */
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    verified: boolean('verified').notNull(),
    /** ok | missing_signature | bad_signature | not_configured | malformed */
    verification: text('verification').notNull(),
    /** The provider's own id of the transaction, when the body could be read. */
    providerRef: text('provider_ref'),
    /** What was done: matched, partial, excess, unmatched, closed, duplicate, ignored, or a gateway code. */
    outcome: text('outcome'),
    intentId: uuid('intent_id'),
  },
  (t) => [
    index('payment_events_received_idx').on(t.source, t.receivedAt),
    index('payment_events_ref_idx').on(t.providerRef),
  ],
);

export const transferSource = pgEnum('bank_transfer_source', ['webhook', 'statement']);
export const transferOutcome = pgEnum('bank_transfer_outcome', [
  'matched',
  'partial',
  'excess',
  'unmatched',
  'closed',
]);

/**
 * Each transfer that came into the collection account, once: the bank's reference is unique
 * (a statement row of a transfer the webhook already told is skipped), and so is the
 * notification service's own id of it.
 */
export const bankTransfers = pgTable(
  'bank_transfers',
  {
    id: id(),
    source: transferSource('source').notNull(),
    reference: text('reference').notNull(),
    providerTxnId: text('provider_txn_id'),
    accountNo: text('account_no').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    content: text('content').notNull(),
    transferredAt: tstz('transferred_at').notNull(),
    /** The order code read from the content, whether or not an intent has it. */
    orderCode: text('order_code'),
    intentId: uuid('intent_id'),
    outcome: transferOutcome('outcome').notNull(),
    eventId: uuid('event_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bank_transfers_reference_idx').on(t.reference),
    uniqueIndex('bank_transfers_provider_txn_idx').on(t.providerTxnId),
    index('bank_transfers_intent_idx').on(t.intentId),
    check('bank_transfers_amount_check', sql`${t.amount} > 0`),
  ],
);

export const reconciliationKind = pgEnum('reconciliation_kind', ['partial', 'excess', 'unmatched', 'closed']);

/**
 * Money held in suspense until an officer says whose it is: allocated to orders, refunded to
 * the payer, or both (an excess). Open while allocated + refunded < amount.
 */
export const reconciliationItems = pgTable(
  'reconciliation_items',
  {
    id: id(),
    channel: receiptChannel('channel').notNull(),
    /** The reference of the suspense receipt: the bank's, or the gateway's transaction number. */
    reference: text('reference').notNull(),
    kind: reconciliationKind('kind').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    allocated: bigint('allocated', { mode: 'bigint' }).notNull().default(sql`0`),
    refunded: bigint('refunded', { mode: 'bigint' }).notNull().default(sql`0`),
    /** What the payer wrote, and the order code read from it (if any). */
    content: text('content').notNull(),
    orderCode: text('order_code'),
    transferId: uuid('transfer_id'),
    receivedAt: tstz('received_at').notNull(),
    createdAt: createdAt(),
    resolvedAt: tstz('resolved_at'),
  },
  (t) => [
    uniqueIndex('reconciliation_items_reference_idx').on(t.channel, t.reference),
    index('reconciliation_items_open_idx').on(t.createdAt).where(sql`resolved_at IS NULL`),
    check(
      'reconciliation_items_amounts_check',
      sql`${t.amount} > 0 AND ${t.allocated} >= 0 AND ${t.refunded} >= 0 AND ${t.allocated} + ${t.refunded} <= ${t.amount}`,
    ),
  ],
);

export const reconciliationAction = pgEnum('reconciliation_action', ['allocate', 'refund']);

/** Each officer decision on a suspense item (also in the audit log). */
export const reconciliationActions = pgTable(
  'reconciliation_actions',
  {
    id: id(),
    itemId: parentId('item_id', () => reconciliationItems.id),
    action: reconciliationAction('action').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    orderId: uuid('order_id'),
    actorId: uuid('actor_id').notNull(),
    reason: text('reason').notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    index('reconciliation_actions_item_idx').on(t.itemId, t.at),
    check('reconciliation_actions_amount_check', sql`${t.amount} > 0`),
  ],
);

/** One bank statement an officer imported, with its report row by row. */
export const statementImports = pgTable('statement_imports', {
  id: id(),
  fileName: text('file_name').notNull(),
  importedBy: uuid('imported_by').notNull(),
  rows: integer('rows').notNull(),
  report: jsonb('report').$type<StatementRowReport[]>().notNull(),
  importedAt: createdAt(),
});

export interface StatementRowReport {
  line: number;
  reference: string | null;
  amount: string | null;
  /** matched, partial, excess, unmatched, closed, duplicate, or invalid. */
  outcome: string;
  orderCode: string | null;
  problem: string | null;
}

/**
 * Where the buyer of an order paid by bank transfer wants a refund sent, as the buyer gave it on
 * the order's refund page (a gateway's refund goes back to the card or wallet that paid).
 */
export const refundAccounts = pgTable('payment_refund_accounts', {
  intentId: uuid('intent_id')
    .primaryKey()
    .references(() => paymentIntents.id, { onDelete: 'cascade' }),
  bankBin: text('bank_bin').notNull(),
  bankAccountNo: text('bank_account_no').notNull(),
  bankAccountName: text('bank_account_name').notNull(),
  updatedAt: updatedAt(),
});

/**
 * A refund paid to an order's buyer, as an officer recorded it: the bank transfer (or the
 * gateway's refund) and its reference, unique per channel, so that recording it twice records
 * it once. The ledger's refund_paid entry and the audit entry are written in the same
 * transaction. The account it went to is kept as it was then.
 */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: id(),
    intentId: parentId('intent_id', () => paymentIntents.id),
    channel: receiptChannel('channel').notNull(),
    reference: text('reference').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    bankBin: text('bank_bin'),
    bankAccountNo: text('bank_account_no'),
    bankAccountName: text('bank_account_name'),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id').notNull(),
    paidAt: tstz('paid_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_refunds_reference_idx').on(t.channel, t.reference),
    index('payment_refunds_intent_idx').on(t.intentId),
    index('payment_refunds_paid_idx').on(t.paidAt),
    check('payment_refunds_amount_check', sql`${t.amount} > 0`),
  ],
);
