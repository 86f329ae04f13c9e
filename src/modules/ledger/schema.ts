import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, parentId, transitionsTable, tstz } from '../../platform/db/columns.js';

/**
 * The accounts of the escrow ledger. Platform-wide accounts have the nil subject; the others
 * exist once per subject: `escrow` and `refund_payable` per order, `seller_payable` and
 * `seller_receivable` per seller, `payout_clearing` per payout batch.
 */
export const accountCode = pgEnum('ledger_account_code', [
  'cash:vietqr',
  'cash:vnpay',
  'suspense',
  'escrow',
  'seller_payable',
  'seller_receivable',
  'platform_fee',
  'tax_vat_payable',
  'tax_pit_payable',
  'refund_payable',
  'payout_clearing',
]);
export const normalSide = pgEnum('ledger_normal_side', ['debit', 'credit']);

export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: id(),
    code: accountCode('code').notNull(),
    subjectId: uuid('subject_id').notNull(),
    normal: normalSide('normal').notNull(),
    /** Sum of the account's postings on its normal side (debits positive for cash, credits for the rest). */
    balance: bigint('balance', { mode: 'bigint' }).notNull().default(sql`0`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_code_subject_idx').on(t.code, t.subjectId),
    index('ledger_accounts_subject_idx').on(t.subjectId),
    // Only cash may dip below zero: money the gateway settles into the bank account is not
    // journalled, so one channel's cash can pay what another received. Every other account
    // is money held for someone, and holding less than nothing is a bug the database refuses.
    check('ledger_accounts_not_negative', sql`${t.balance} >= 0 OR ${t.code}::text LIKE 'cash:%'`),
  ],
);

export const entryKind = pgEnum('ledger_entry_kind', [
  'payment',
  'suspense_receipt',
  'suspense_allocation',
  'suspense_refund',
  'escrow_refund',
  'refund_paid',
  'release',
  'cod_fee',
  'release_reversal',
  'payout',
  'payout_paid',
  'payout_cancelled',
  'reversal',
]);

/**
 * A journal entry: postings that sum to zero (checked in code and by a deferred constraint
 * trigger). Entries and postings are never changed or deleted (a trigger refuses it);
 * a correction is a new entry that reverses another. `(kind, reference)` is unique, so a
 * caller that retries posts once.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: id(),
    kind: entryKind('kind').notNull(),
    reference: text('reference').notNull(),
    orderId: uuid('order_id'),
    sellerId: uuid('seller_id'),
    memo: text('memo').notNull().default(''),
    reversesEntryId: uuid('reverses_entry_id').references((): AnyPgColumn => ledgerEntries.id),
    /** When it happened in business terms (the completion of an order); sets its tax period. */
    at: tstz('at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ledger_entries_kind_reference_idx').on(t.kind, t.reference),
    index('ledger_entries_order_idx').on(t.orderId),
    index('ledger_entries_seller_idx').on(t.sellerId, t.at),
  ],
);

/** One line of an entry: a signed amount on one account, debit positive, credit negative. */
export const ledgerPostings = pgTable(
  'ledger_postings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    index('ledger_postings_entry_idx').on(t.entryId),
    index('ledger_postings_account_idx').on(t.accountId, t.id),
    check('ledger_postings_amount_check', sql`${t.amount} <> 0`),
  ],
);

/** Kinds of supply for withholding (Decree 117/2025); `unknown` takes the highest rates. */
export const taxSupplyKind = pgEnum('ledger_supply_kind', ['goods', 'services', 'transport', 'unknown']);

/**
 * Withholding rates in basis points (100 = 1 %), with the days they apply (both inclusive,
 * Viet Nam calendar). Data, not code: a new decree is a new row.
 */
export const ledgerTaxRates = pgTable(
  'ledger_tax_rates',
  {
    id: serial('id').primaryKey(),
    supplyKind: taxSupplyKind('supply_kind').notNull(),
    vatBp: integer('vat_bp').notNull(),
    pitBp: integer('pit_bp').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    source: text('source').notNull(),
  },
  (t) => [
    index('ledger_tax_rates_kind_idx').on(t.supplyKind, t.effectiveFrom),
    check(
      'ledger_tax_rates_bp_check',
      sql`${t.vatBp} BETWEEN 0 AND 10000 AND ${t.pitBp} BETWEEN 0 AND 10000`,
    ),
    check(
      'ledger_tax_rates_dates_check',
      sql`${t.effectiveTo} IS NULL OR ${t.effectiveTo} >= ${t.effectiveFrom}`,
    ),
  ],
);

/**
 * What was withheld for one order and kind of supply, by one entry: positive at release,
 * negative when a reversal offsets it (in the period of the reversal). The monthly
 * declaration sums these rows; append-only like the postings.
 */
export const ledgerWithholdings = pgTable(
  'ledger_withholdings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    orderId: uuid('order_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    supplyKind: taxSupplyKind('supply_kind').notNull(),
    revenue: bigint('revenue', { mode: 'bigint' }).notNull(),
    vat: bigint('vat', { mode: 'bigint' }).notNull(),
    pit: bigint('pit', { mode: 'bigint' }).notNull(),
    vatBp: integer('vat_bp').notNull(),
    pitBp: integer('pit_bp').notNull(),
    at: tstz('at').notNull(),
  },
  (t) => [
    index('ledger_withholdings_at_idx').on(t.at),
    index('ledger_withholdings_seller_idx').on(t.sellerId, t.at),
    index('ledger_withholdings_order_idx').on(t.orderId),
  ],
);

export const payoutStatus = pgEnum('ledger_payout_status', ['created', 'paid', 'cancelled']);

/** Money paid out to sellers in one bank transfer file. */
export const payoutBatches = pgTable(
  'ledger_payout_batches',
  {
    id: id(),
    /** Short number officers and the bank file quote ("CT-000012"). */
    number: serial('number').notNull(),
    status: payoutStatus('status').notNull().default('created'),
    total: bigint('total', { mode: 'bigint' }).notNull(),
    sellerCount: integer('seller_count').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    paidAt: tstz('paid_at'),
  },
  (t) => [
    uniqueIndex('ledger_payout_batches_number_idx').on(t.number),
    index('ledger_payout_batches_created_idx').on(t.createdAt),
  ],
);

/** One seller's line in a batch, with the bank account as it was when the batch was made. */
export const payoutItems = pgTable(
  'ledger_payout_items',
  {
    batchId: parentId('batch_id', () => payoutBatches.id),
    sellerId: uuid('seller_id').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    bankBin: text('bank_bin').notNull(),
    bankAccountNo: text('bank_account_no').notNull(),
    bankAccountName: text('bank_account_name').notNull(),
    memo: text('memo').notNull(),
  },
  (t) => [
    uniqueIndex('ledger_payout_items_batch_seller_idx').on(t.batchId, t.sellerId),
    index('ledger_payout_items_seller_idx').on(t.sellerId),
    check('ledger_payout_items_amount_check', sql`${t.amount} > 0`),
  ],
);

export const payoutTransitions = transitionsTable(
  'ledger_payout_transitions',
  'batch',
  () => payoutBatches.id,
  payoutStatus,
);
