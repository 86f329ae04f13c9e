import { and, desc, eq, like, ne, notInArray, or, sql } from 'drizzle-orm';
import { isUuid } from '../../platform/db/columns.js';
import { type Db, type Executor, uniqueViolation } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { conflict, type FieldError, invalid, notFound, ValidationError } from '../../platform/http/errors.js';
import { toFieldErrors } from '../../platform/http/validation.js';
import type { Deps } from '../../platform/module.js';
import { foldVietnamese, slugify } from '../../platform/text.js';
import {
  type ApplicationInput,
  applicationSchema,
  fieldOrder,
  requiredDocuments,
} from './application-schema.js';
import { listDocuments, listOcop, usableFiles } from './documents.js';
import { editableStates, type SellerStatus } from './lifecycle.js';
import { type DocumentKind, documentKinds, type LegalForm, legalForms } from './reference.js';
import { ocopCertificates, sellerDocuments, sellerMembers, sellers } from './schema.js';
import { transitionSeller } from './transitions.js';
import { normalizeTaxCode } from './validators.js';
import { resetVerification } from './verification/index.js';

export type Seller = typeof sellers.$inferSelect;

/** An application still in progress: a user may own only one at a time. */
const inProgress: SellerStatus[] = ['draft', 'submitted', 'needs_changes'];

export async function getSeller(db: Executor, id: string): Promise<Seller | undefined> {
  const [s] = await db.select().from(sellers).where(eq(sellers.id, id));
  return s;
}

/**
 * The user's newest shop as owner. An application in progress is always the newest: no new
 * one can be started while it lasts.
 */
export async function latestOwned(db: Executor, userId: string): Promise<Seller | undefined> {
  const [row] = await db
    .select({ seller: sellers })
    .from(sellers)
    .innerJoin(sellerMembers, eq(sellerMembers.sellerId, sellers.id))
    .where(and(eq(sellerMembers.userId, userId), eq(sellerMembers.role, 'owner')))
    .orderBy(desc(sellers.createdAt), desc(sellers.id))
    .limit(1);
  return row?.seller;
}

export async function currentApplication(db: Executor, userId: string): Promise<Seller | undefined> {
  const s = await latestOwned(db, userId);
  return s && inProgress.includes(s.status) ? s : undefined;
}

/** Every shop the user belongs to, with the user's role in it, newest first. */
export async function memberships(db: Executor, userId: string) {
  return db
    .select({ seller: sellers, role: sellerMembers.role })
    .from(sellerMembers)
    .innerJoin(sellers, eq(sellers.id, sellerMembers.sellerId))
    .where(eq(sellerMembers.userId, userId))
    .orderBy(desc(sellers.createdAt));
}

/**
 * The shops the user belongs to, and the one a seller-centre page asks for (`?shop=`): the
 * newest when none is named, 404 when the named one is not theirs.
 */
export async function memberShops(db: Executor, userId: string, wanted: string | undefined) {
  const shops = (await memberships(db, userId)).map((m) => m.seller);
  if (!wanted) return { shops, seller: shops[0] };
  const seller = isUuid(wanted) ? shops.find((s) => s.id === wanted) : undefined;
  if (!seller) throw notFound();
  return { shops, seller };
}

/** An application in the shape the form and the JSON API exchange. */
export async function applicationData(db: Executor, s: Seller) {
  const docs = await listDocuments(db, s.id);
  const ocop = await listOcop(db, s.id);
  return {
    id: s.id,
    status: s.status,
    slug: s.slug,
    legalForm: s.legalForm,
    shopName: s.shopName,
    description: s.description,
    categories: s.categories,
    taxCode: s.taxCode ?? '',
    businessRegNo: s.businessRegNo ?? '',
    businessRegDate: s.businessRegDate ?? '',
    repName: s.repName ?? '',
    repCitizenId: s.repCitizenId ?? '',
    provinceCode: s.provinceCode ?? '',
    communeCode: s.communeCode ?? '',
    street: s.street ?? '',
    phone: s.phone ?? '',
    email: s.email ?? '',
    bankBin: s.bankBin ?? '',
    bankAccountNo: s.bankAccountNo ?? '',
    bankAccountName: s.bankAccountName ?? '',
    documents: Object.fromEntries(docs.map((d) => [d.kind, d.fileId])) as Partial<
      Record<DocumentKind, string>
    >,
    ocop: ocop.map((c) => ({
      number: c.number,
      productName: c.productName,
      stars: c.stars,
      groupCode: c.groupCode,
      issuedOn: c.issuedOn,
      fileId: c.fileId ?? '',
    })),
    submittedAt: s.submittedAt?.toISOString() ?? null,
    updatedAt: s.updatedAt.toISOString(),
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** A live seller other than `exceptId` holding the tax code (drafts and rejected applications hold none). */
async function taxCodeTaken(db: Executor, taxCode: string, exceptId?: string) {
  const [s] = await db
    .select({ id: sellers.id })
    .from(sellers)
    .where(
      and(
        eq(sellers.taxCode, taxCode),
        notInArray(sellers.status, ['draft', 'rejected']),
        exceptId ? ne(sellers.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return !!s;
}

const taxCodeTakenError = () => invalid('taxCode', 'seller.tax_code.taken');
const byFormOrder = (a: FieldError, b: FieldError) =>
  fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field);

export interface SaveOptions {
  /** Submit for review after saving: everything is then required. */
  submit: boolean;
  ip?: string;
  /** Problems found before (refused uploads), reported together with the rest. */
  errors?: FieldError[];
}

/**
 * Saves the user's application (creating it on the first save, the user becoming its owner)
 * and, when asked, submits it. Every problem is reported at once, database checks included.
 */
export async function saveApplication(
  deps: Deps,
  actor: Actor,
  raw: Record<string, unknown>,
  opts: SaveOptions,
) {
  const { db } = deps;
  const current = await currentApplication(db, actor.id);
  if (current && !editableStates.includes(current.status)) throw conflict('seller.application.under_review');
  const parsed = applicationSchema(opts.submit ? 'submit' : 'draft').safeParse(raw);
  const errors = [...(opts.errors ?? []), ...(parsed.success ? [] : toFieldErrors(parsed.error))];
  const has = (field: string) => errors.some((e) => e.field === field);

  // Checks against the database, on the values as typed, so they are listed with the others.
  const taxCode = normalizeTaxCode(str(raw.taxCode));
  if (taxCode && !has('taxCode') && (await taxCodeTaken(db, taxCode, current?.id))) {
    errors.push({ field: 'taxCode', key: 'seller.tax_code.taken' });
  }
  const rawDocs = (raw.documents && typeof raw.documents === 'object' ? raw.documents : {}) as Record<
    string,
    unknown
  >;
  const rawOcop = Array.isArray(raw.ocop) ? (raw.ocop as (Record<string, unknown> | null)[]) : [];
  const fileRefs: [string, string][] = [
    ...documentKinds.map((k) => [`documents.${k}`, str(rawDocs[k])] as [string, string]),
    ...rawOcop.map((c, i) => [`ocop.${i}.fileId`, str(c?.fileId)] as [string, string]),
  ].filter(([, id]) => isUuid(id));
  const usable = await usableFiles(
    db,
    actor.id,
    current?.id,
    fileRefs.map(([, id]) => id),
  );
  for (const [field, id] of fileRefs)
    if (!usable.has(id) && !has(field)) errors.push({ field, key: 'seller.document.invalid' });
  if (opts.submit) {
    const attached = new Set(current ? (await listDocuments(db, current.id)).map((d) => d.kind) : []);
    const form = legalForms.includes(raw.legalForm as LegalForm) ? (raw.legalForm as LegalForm) : 'company';
    for (const kind of requiredDocuments(form)) {
      const field = `documents.${kind}`;
      if (!str(rawDocs[kind]) && !attached.has(kind) && !has(field))
        errors.push({ field, key: 'seller.document.required' });
    }
  }
  if (errors.length || !parsed.success) throw new ValidationError(errors.sort(byFormOrder));

  const sellerId = await writeApplication(db, actor.id, parsed.data);
  const status = opts.submit ? await submitSeller(deps, actor, sellerId, opts.ip) : 'draft';
  return { sellerId, status };
}

/** Submits the user's application as saved (the JSON API's submit). */
export async function submitApplication(deps: Deps, actor: Actor, ip?: string) {
  const s = await latestOwned(deps.db, actor.id);
  if (!s) throw notFound('seller.application.none');
  // Outside the editable states the lifecycle refuses (409) with its own message.
  if (!editableStates.includes(s.status))
    return { sellerId: s.id, status: await submitSeller(deps, actor, s.id, ip) };
  return saveApplication(deps, actor, await applicationData(deps.db, s), { submit: true, ip });
}

async function submitSeller(deps: Deps, actor: Actor, sellerId: string, ip?: string): Promise<SellerStatus> {
  try {
    return await transitionSeller(deps.db, {
      sellerId,
      action: 'submit',
      actor,
      party: 'member',
      ip,
      publicUrl: deps.config.publicUrl,
    });
  } catch (err) {
    // Two applicants submitting one tax code at the same moment: the index decides.
    if (uniqueViolation(err) === 'sellers_tax_code_idx') throw taxCodeTakenError();
    throw err;
  }
}

/** A slug no other seller uses: the name's, then with -2, -3, ... */
async function uniqueSlug(tx: Executor, name: string, exceptId?: string): Promise<string> {
  const base = slugify(name) || 'cua-hang';
  const rows = await tx
    .select({ slug: sellers.slug })
    .from(sellers)
    .where(
      and(
        or(eq(sellers.slug, base), like(sellers.slug, `${base}-%`)),
        exceptId ? ne(sellers.id, exceptId) : undefined,
      ),
    );
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const folded = (s: string | null) =>
  foldVietnamese(s ?? '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
function representativeChanged(cur: Seller, next: { repName: string | null; repCitizenId: string | null }) {
  return cur.repCitizenId !== next.repCitizenId || folded(cur.repName) !== folded(next.repName);
}

function columns(input: ApplicationInput) {
  const orNull = (v: string | undefined) => v || null;
  return {
    legalForm: input.legalForm as LegalForm,
    shopName: input.shopName,
    description: input.description,
    categories: input.categories as string[],
    taxCode: orNull(input.taxCode),
    businessRegNo: orNull(input.businessRegNo),
    businessRegDate: orNull(input.businessRegDate),
    repName: orNull(input.repName),
    repCitizenId: orNull(input.repCitizenId),
    provinceCode: orNull(input.provinceCode),
    communeCode: orNull(input.communeCode),
    street: orNull(input.street),
    phone: orNull(input.phone),
    email: orNull(input.email),
    bankBin: orNull(input.bankBin),
    bankAccountNo: orNull(input.bankAccountNo),
    bankAccountName: orNull(input.bankAccountName),
  };
}

/**
 * Writes the application in one transaction. A per-user advisory lock makes two forms posted
 * at once update one application instead of creating two; a slug taken by a concurrent
 * application is picked again.
 */
async function writeApplication(db: Db, userId: string, input: ApplicationInput): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`seller-application:${userId}`}))`);
        const cur = await currentApplication(tx, userId);
        if (cur && !editableStates.includes(cur.status)) throw conflict('seller.application.under_review');
        const values = columns(input);
        let id: string;
        if (cur) {
          id = cur.id;
          const slug = cur.shopName === input.shopName ? cur.slug : await uniqueSlug(tx, input.shopName, id);
          await tx
            .update(sellers)
            .set({ ...values, slug })
            .where(eq(sellers.id, id));
          // What was verified was the representative on file: another one must be verified anew.
          if (cur.verificationMethod && representativeChanged(cur, values)) await resetVerification(tx, id);
        } else {
          const slug = await uniqueSlug(tx, input.shopName);
          [{ id }] = await tx
            .insert(sellers)
            .values({ ...values, slug, createdBy: userId })
            .returning({ id: sellers.id });
          await tx.insert(sellerMembers).values({ sellerId: id, userId, role: 'owner' });
        }
        await replaceDocuments(tx, id, input.documents);
        if (input.ocop) {
          await tx.delete(ocopCertificates).where(eq(ocopCertificates.sellerId, id));
          const certs = input.ocop.filter((c) => c !== null);
          if (certs.length) {
            await tx.insert(ocopCertificates).values(
              certs.map((c) => ({
                sellerId: id,
                number: c.number,
                productName: c.productName,
                stars: Number(c.stars),
                groupCode: Number(c.groupCode),
                issuedOn: c.issuedOn,
                fileId: c.fileId || null,
              })),
            );
          }
        }
        return id;
      });
    } catch (err) {
      const constraint = uniqueViolation(err);
      if (constraint === 'sellers_slug_idx' && attempt < 3) continue;
      if (constraint === 'sellers_tax_code_idx') throw taxCodeTakenError();
      throw err;
    }
  }
}

/** Attaches the given files, each replacing the document of its kind. */
async function replaceDocuments(tx: Executor, sellerId: string, docs: Partial<Record<DocumentKind, string>>) {
  for (const kind of documentKinds) {
    const fileId = docs[kind];
    if (!fileId) continue;
    const [existing] = await tx
      .select({ fileId: sellerDocuments.fileId })
      .from(sellerDocuments)
      .where(and(eq(sellerDocuments.sellerId, sellerId), eq(sellerDocuments.kind, kind)));
    if (existing?.fileId === fileId) continue;
    await tx
      .delete(sellerDocuments)
      .where(and(eq(sellerDocuments.sellerId, sellerId), eq(sellerDocuments.kind, kind)));
    await tx.insert(sellerDocuments).values({ sellerId, kind, fileId });
  }
}

/** Attaches one uploaded document to the user's application (the JSON API's upload). */
export async function attachDocument(db: Db, actor: Actor, kind: DocumentKind, fileId: string) {
  const cur = await currentApplication(db, actor.id);
  if (!cur) throw notFound('seller.application.none');
  if (!editableStates.includes(cur.status)) throw conflict('seller.application.under_review');
  await db.transaction((tx) => replaceDocuments(tx, cur.id, { [kind]: fileId }));
  return cur.id;
}
