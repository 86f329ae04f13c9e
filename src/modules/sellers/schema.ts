import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, parentId, transitionColumns, tstz, updatedAt } from '../../platform/db/columns.js';

export const sellerStatus = pgEnum('seller_status', [
  'draft',
  'submitted',
  'needs_changes',
  'approved',
  'rejected',
  'suspended',
  'terminated',
]);
export const legalForm = pgEnum('legal_form', ['individual', 'household', 'cooperative', 'company']);
export const verificationMethod = pgEnum('verification_method', ['documents', 'oidc']);
export const memberRole = pgEnum('seller_member_role', ['owner', 'staff']);

/** A seller: the application and, once approved, the shop. One row through its whole lifecycle. */
export const sellers = pgTable(
  'sellers',
  {
    id: id(),
    status: sellerStatus('status').notNull().default('draft'),
    legalForm: legalForm('legal_form').notNull(),
    shopName: text('shop_name').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
    taxCode: text('tax_code'),
    businessRegNo: text('business_reg_no'),
    businessRegDate: date('business_reg_date'),
    repName: text('rep_name'),
    repCitizenId: text('rep_citizen_id'),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    street: text('street'),
    phone: text('phone'),
    email: text('email'),
    bankBin: text('bank_bin'),
    bankAccountNo: text('bank_account_no'),
    bankAccountName: text('bank_account_name'),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    verificationMethod: verificationMethod('verification_method'),
    verifiedAt: tstz('verified_at'),
    verification: jsonb('verification').$type<Record<string, unknown>>(),
    submittedAt: tstz('submitted_at'),
    decidedAt: tstz('decided_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('sellers_slug_idx').on(t.slug),
    // A tax code is held by at most one live seller; a rejected application frees it.
    uniqueIndex('sellers_tax_code_idx').on(t.taxCode).where(sql`status NOT IN ('draft', 'rejected')`),
    index('sellers_status_idx').on(t.status, t.submittedAt),
    index('sellers_commune_idx').on(t.communeCode),
  ],
);

/** Who may act for a shop: its owner and the staff the owner invited. */
export const sellerMembers = pgTable(
  'seller_members',
  {
    sellerId: parentId('seller_id', () => sellers.id),
    userId: uuid('user_id').notNull(),
    role: memberRole('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.userId] }), index('seller_members_user_idx').on(t.userId)],
);

/** Invitations of staff by a shop's owner; accepted by signing in with the invited e-mail. */
export const sellerInvites = pgTable('seller_invites', {
  id: id(),
  sellerId: parentId('seller_id', () => sellers.id),
  email: text('email').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  invitedBy: uuid('invited_by').notNull(),
  createdAt: createdAt(),
  expiresAt: tstz('expires_at').notNull(),
  acceptedAt: tstz('accepted_at'),
});

/** Documents attached to an application (registration certificate, ID card, ...). */
export const sellerDocuments = pgTable(
  'seller_documents',
  {
    id: id(),
    sellerId: parentId('seller_id', () => sellers.id),
    kind: text('kind').notNull(),
    fileId: uuid('file_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('seller_documents_seller_idx').on(t.sellerId)],
);

/** OCOP certificates held by the seller (Decision 148/QĐ-TTg: 3-5 stars, valid 36 months). */
export const ocopCertificates = pgTable(
  'ocop_certificates',
  {
    id: id(),
    sellerId: parentId('seller_id', () => sellers.id),
    number: text('number').notNull(),
    productName: text('product_name').notNull(),
    stars: integer('stars').notNull(),
    groupCode: integer('group_code').notNull(),
    issuedOn: date('issued_on').notNull(),
    fileId: uuid('file_id'),
    createdAt: createdAt(),
  },
  (t) => [index('ocop_certificates_seller_idx').on(t.sellerId)],
);

/** Every lifecycle transition of a seller: who, when, why. */
export const sellerTransitions = pgTable(
  'seller_transitions',
  {
    sellerId: parentId('seller_id', () => sellers.id),
    ...transitionColumns(sellerStatus),
  },
  (t) => [index('seller_transitions_seller_idx').on(t.sellerId, t.at)],
);
