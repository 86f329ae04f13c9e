import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, count, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isUuid } from '../../platform/db/columns.js';
import type { Db, Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import { vietnamDay } from '../../platform/http/i18n.js';
import { userContacts } from '../identity/index.js';
import { listDocuments } from './documents.js';
import { publicStates, type SellerAction, type SellerStatus, sellerLifecycle } from './lifecycle.js';
import { bank, ocopGroupLabel } from './reference.js';
import { legalForm, ocopCertificates, sellerMembers, sellerStatus, sellers } from './schema.js';
import { sellerHistory, transitionSeller } from './transitions.js';
import { loadVerification, type VerificationView } from './verification/index.js';

/** States an application passes through before a decision, and the states of a shop. */
export const QUEUE_STATES = ['submitted', 'needs_changes', 'rejected'] as const;
export const REGISTRY_STATES = ['approved', 'suspended', 'terminated'] as const;
export const OFFICER_ACTIONS = [
  'approve',
  'request_changes',
  'reject',
  'suspend',
  'reinstate',
  'terminate',
] as const;
export type OfficerAction = (typeof OFFICER_ACTIONS)[number] & SellerAction;
export const PAGE_SIZE = 50;
/** An export is one officer's working list, not a database dump. */
const EXPORT_MAX_ROWS = 50_000;

/** An empty select or text box of a GET form means "no filter". */
const blank = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

const commonFilters = {
  legalForm: blank(z.enum(legalForm.enumValues)),
  province: blank(z.string().regex(/^\d{2}$/)),
  commune: blank(z.string().regex(/^\d{1,6}$/)),
  q: blank(z.string().trim().max(100)).transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
};
export const queueQuery = z.object({
  state: blank(z.enum(QUEUE_STATES)).default('submitted'),
  ...commonFilters,
});
export const registryQuery = z.object({ state: blank(z.enum(REGISTRY_STATES)), ...commonFilters });
export type QueueFilters = z.output<typeof queueQuery>;
export type RegistryFilters = z.output<typeof registryQuery>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE of a list: its states, then each filter given; text matches without diacritics. */
function where(states: readonly SellerStatus[], f: QueueFilters | RegistryFilters, searchPeople: boolean) {
  const w: (SQL | undefined)[] = [
    f.state ? eq(sellers.status, f.state) : inArray(sellers.status, [...states]),
  ];
  if (f.legalForm) w.push(eq(sellers.legalForm, f.legalForm));
  if (f.province) w.push(eq(sellers.provinceCode, f.province));
  if (f.commune) w.push(eq(sellers.communeCode, f.commune));
  if (f.q) {
    const q = escapeLike(f.q);
    const text = (col: typeof sellers.shopName | typeof sellers.repName) =>
      sql`unaccent(${col}) ILIKE unaccent(${`%${q}%`})`;
    w.push(
      or(
        text(sellers.shopName),
        sql`${sellers.taxCode} LIKE ${`${q}%`}`,
        ...(searchPeople ? [text(sellers.repName), sql`${sellers.phone} LIKE ${`%${q}%`}`] : []),
      ),
    );
  }
  return and(...w);
}

/** The calendar day (Asia/Ho_Chi_Minh) of an instant, as days since 1970-01-01. */
export function vnDay(d: Date): number {
  return Date.parse(`${vietnamDay(d)}T00:00:00Z`) / 86_400_000;
}

/** Whole calendar days in Viet Nam since a submission: submitted yesterday at 23:59 is one day. */
export function daysWaiting(submittedAt: Date | null, now = new Date()): number | null {
  return submittedAt ? vnDay(now) - vnDay(submittedAt) : null;
}

/** Today's date in Viet Nam as yyyy-mm-dd (export file names). */
export const vnToday = (now = new Date()) => new Date(vnDay(now) * 86_400_000).toISOString().slice(0, 10);

/** How many sellers are in each state, and how long the oldest submitted application has waited. */
export async function consoleSummary(db: Executor) {
  const rows = await db.select({ status: sellers.status, n: count() }).from(sellers).groupBy(sellers.status);
  const counts = Object.fromEntries(sellerStatus.enumValues.map((s) => [s, 0])) as Record<
    SellerStatus,
    number
  >;
  for (const r of rows) counts[r.status] = r.n;
  const [oldest] = await db
    .select({ at: sql<Date | null>`min(${sellers.submittedAt})`.mapWith((v) => (v ? new Date(v) : null)) })
    .from(sellers)
    .where(eq(sellers.status, 'submitted'));
  return { counts, oldestWaitingDays: daysWaiting(oldest?.at ?? null) };
}

const listColumns = {
  id: sellers.id,
  status: sellers.status,
  legalForm: sellers.legalForm,
  shopName: sellers.shopName,
  slug: sellers.slug,
  taxCode: sellers.taxCode,
  businessRegNo: sellers.businessRegNo,
  businessRegDate: sellers.businessRegDate,
  repName: sellers.repName,
  provinceCode: sellers.provinceCode,
  communeCode: sellers.communeCode,
  street: sellers.street,
  phone: sellers.phone,
  email: sellers.email,
  verificationMethod: sellers.verificationMethod,
  verifiedAt: sellers.verifiedAt,
  submittedAt: sellers.submittedAt,
  decidedAt: sellers.decidedAt,
};
export type SellerListRow = Awaited<ReturnType<typeof listQueue>>['items'][number];

/** The queue: applications in one state, the longest waiting first, 50 a page. */
export async function listQueue(db: Executor, f: QueueFilters, now = new Date()) {
  const w = where(QUEUE_STATES, f, false);
  const [{ total }] = await db.select({ total: count() }).from(sellers).where(w);
  const rows = await db
    .select(listColumns)
    .from(sellers)
    .where(w)
    .orderBy(sql`${sellers.submittedAt} ASC NULLS LAST`, asc(sellers.id))
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE);
  return page(
    f.page,
    total,
    rows.map((r) => ({ ...r, daysWaiting: daysWaiting(r.submittedAt, now) })),
  );
}

const byName = [sql`lower(unaccent(${sellers.shopName}))`, asc(sellers.id)];

/** The registry of shops (approved, suspended, terminated), by name. */
export async function listRegistry(db: Executor, f: RegistryFilters) {
  const w = where(REGISTRY_STATES, f, true);
  const [{ total }] = await db.select({ total: count() }).from(sellers).where(w);
  const rows = await db
    .select(listColumns)
    .from(sellers)
    .where(w)
    .orderBy(...byName)
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE);
  return page(
    f.page,
    total,
    rows.map((r) => ({ ...r, daysWaiting: null })),
  );
}

/** Every row of the filtered registry (no paging), for the spreadsheet. */
export async function registryRows(db: Executor, f: RegistryFilters) {
  return db
    .select(listColumns)
    .from(sellers)
    .where(where(REGISTRY_STATES, f, true))
    .orderBy(...byName)
    .limit(EXPORT_MAX_ROWS);
}

function page<T>(current: number, total: number, items: T[]) {
  return {
    items,
    total,
    page: current,
    pageSize: PAGE_SIZE,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** How long an OCOP certificate is valid (Decision 148/QĐ-TTg), from the shipped reference file. */
const { certificateValidityMonths } = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../data/reference/ocop.json'), 'utf8'),
) as {
  certificateValidityMonths: number;
};

/**
 * An OCOP certificate with its group named and its validity worked out: 36 months from the
 * day of issue, so the last valid day is the day before the same date 36 months later.
 */
export function describeOcop(c: typeof ocopCertificates.$inferSelect, now = new Date()) {
  const [y, m, d] = c.issuedOn.split('-').map(Number);
  const until = new Date(Date.UTC(y, m - 1 + certificateValidityMonths, d - 1));
  const validUntil = until.toISOString().slice(0, 10);
  return {
    id: c.id,
    number: c.number,
    productName: c.productName,
    stars: c.stars,
    group: {
      code: c.groupCode,
      vi: ocopGroupLabel('vi', c.groupCode),
      en: ocopGroupLabel('en', c.groupCode),
    },
    issuedOn: c.issuedOn,
    validUntil,
    valid: vnDay(now) <= until.getTime() / 86_400_000,
    fileId: c.fileId,
  };
}
export type OcopView = ReturnType<typeof describeOcop>;

async function ocopOf(db: Executor, sellerId: string) {
  const rows = await db
    .select()
    .from(ocopCertificates)
    .where(eq(ocopCertificates.sellerId, sellerId))
    .orderBy(asc(ocopCertificates.issuedOn), asc(ocopCertificates.id));
  return rows.map((c) => describeOcop(c));
}

/**
 * One application as an officer reviews it: every field, its documents, OCOP certificates,
 * the accounts acting for it, and its history with who did what. Drafts are the applicant's
 * own until submitted, so they are not shown (404, like an unknown id).
 */
export async function applicationDetail(db: Executor, id: string) {
  if (!isUuid(id)) throw notFound();
  const [seller] = await db
    .select()
    .from(sellers)
    .where(and(eq(sellers.id, id), ne(sellers.status, 'draft')));
  if (!seller) throw notFound();
  const memberRows = await db.select().from(sellerMembers).where(eq(sellerMembers.sellerId, id));
  const history = await sellerHistory(db, id);
  const people = new Map(
    (
      await userContacts(db, [
        ...new Set([...memberRows.map((m) => m.userId), ...history.map((h) => h.actorId)]),
      ])
    ).map((u) => [u.id, u]),
  );
  return {
    seller,
    bank: bank(seller.bankBin) ?? null,
    documents: await listDocuments(db, id),
    ocop: await ocopOf(db, id),
    verification: (await loadVerification(db, id)).verification,
    members: memberRows.map((m) => ({ role: m.role, ...pick(people.get(m.userId), m.userId) })),
    history: history.map((h) => ({ ...h, actor: pick(people.get(h.actorId), h.actorId) })),
    actions: sellerLifecycle.actionsFrom(seller.status, 'officer') as OfficerAction[],
  };
}
export type ApplicationDetail = Awaited<ReturnType<typeof applicationDetail>>;

function pick(u: { fullName: string; email: string | null; phone: string | null } | undefined, id: string) {
  return { id, fullName: u?.fullName ?? '', email: u?.email ?? null, phone: u?.phone ?? null };
}

/** Whether an action needs a reason, read from the lifecycle table (approve takes an optional note). */
export const needsReason = (action: OfficerAction) =>
  sellerLifecycle.table.some((t) => t.action === action && t.reason);

export function decisionInput(action: OfficerAction) {
  const text = z.string().trim().max(2000, 'v.too_long');
  return z.object({
    reason: needsReason(action)
      ? z.string('error.reason_required').trim().min(1, 'error.reason_required').max(2000, 'v.too_long')
      : text.optional().transform((v) => v || undefined),
  });
}
export type DecisionInput = z.output<ReturnType<typeof decisionInput>>;

/**
 * An officer's decision on an application or a shop. transitionSeller checks the lifecycle
 * table under a row lock, so a decision another officer took meanwhile makes this one a 409;
 * it records history and audit, and notifies the shop's members.
 */
export async function decide(
  db: Db,
  input: DecisionInput & {
    sellerId: string;
    action: OfficerAction;
    actor: Actor;
    ip?: string;
    publicUrl: string;
  },
): Promise<SellerStatus> {
  if (!isUuid(input.sellerId)) throw notFound();
  const [s] = await db.select({ status: sellers.status }).from(sellers).where(eq(sellers.id, input.sellerId));
  if (!s || s.status === 'draft') throw notFound();
  return transitionSeller(db, {
    sellerId: input.sellerId,
    action: input.action,
    actor: input.actor,
    party: 'officer',
    reason: input.reason,
    ip: input.ip,
    publicUrl: input.publicUrl,
  });
}

/** A public shop: only what the law asks a seller to disclose, for approved or suspended shops. */
export async function storefront(db: Executor, slug: string) {
  const [s] = await db
    .select()
    .from(sellers)
    .where(and(eq(sellers.slug, slug), inArray(sellers.status, [...publicStates])));
  if (!s) return undefined;
  return {
    slug: s.slug,
    status: s.status,
    shopName: s.shopName,
    legalForm: s.legalForm,
    ownerName: s.repName,
    provinceCode: s.provinceCode,
    communeCode: s.communeCode,
    street: s.street,
    taxCode: s.taxCode,
    businessRegNo: s.businessRegNo,
    businessRegDate: s.businessRegDate,
    phone: s.phone,
    email: s.email,
    description: s.description,
    verification: {
      sellerId: s.id,
      method: s.verificationMethod,
      verifiedAt: s.verifiedAt,
    } satisfies VerificationView,
    ocop: await ocopOf(db, s.id),
  };
}
export type Storefront = NonNullable<Awaited<ReturnType<typeof storefront>>>;
