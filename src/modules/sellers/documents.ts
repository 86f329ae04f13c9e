import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { isUuid } from '../../platform/db/columns.js';
import type { Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { type FieldError, forbidden, notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/module.js';
import { files } from '../../platform/storage/schema.js';
import { asUpload, DOCUMENT_TYPES, fileMeta, storeFormFile } from '../../platform/storage/storage.js';
import { documentKinds, OCOP_MAX } from './reference.js';
import { ocopCertificates, sellerDocuments, sellerMembers } from './schema.js';

/** Documents attached to a seller, with the name and type of each file, in the order they were attached. */
export async function listDocuments(db: Executor, sellerId: string) {
  return db
    .select({
      kind: sellerDocuments.kind,
      fileId: sellerDocuments.fileId,
      name: files.originalName,
      mime: files.mime,
      size: files.size,
      createdAt: sellerDocuments.createdAt,
    })
    .from(sellerDocuments)
    .innerJoin(files, eq(files.id, sellerDocuments.fileId))
    .where(eq(sellerDocuments.sellerId, sellerId))
    .orderBy(asc(sellerDocuments.createdAt), asc(sellerDocuments.id));
}

export async function listOcop(db: Executor, sellerId: string) {
  return db
    .select()
    .from(ocopCertificates)
    .where(eq(ocopCertificates.sellerId, sellerId))
    .orderBy(asc(ocopCertificates.createdAt), asc(ocopCertificates.id));
}

/** Of the given file ids, those the user may attach: their own uploads, or files already on the application. */
export async function usableFiles(db: Executor, userId: string, sellerId: string | undefined, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const onSeller = sellerId
    ? or(
        sql`EXISTS (SELECT 1 FROM ${sellerDocuments} d WHERE d.file_id = ${files.id} AND d.seller_id = ${sellerId})`,
        sql`EXISTS (SELECT 1 FROM ${ocopCertificates} o WHERE o.file_id = ${files.id} AND o.seller_id = ${sellerId})`,
      )
    : undefined;
  const rows = await db
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, ids), or(eq(files.ownerId, userId), onSeller)));
  return new Set(rows.map((r) => r.id));
}

/** Sellers a stored file is attached to, as a document or as an OCOP certificate's scan. */
async function sellersOfFile(db: Executor, fileId: string): Promise<string[]> {
  const docs = await db
    .select({ id: sellerDocuments.sellerId })
    .from(sellerDocuments)
    .where(eq(sellerDocuments.fileId, fileId));
  const certs = await db
    .select({ id: ocopCertificates.sellerId })
    .from(ocopCertificates)
    .where(eq(ocopCertificates.fileId, fileId));
  return [...new Set([...docs, ...certs].map((r) => r.id))];
}

export async function isSellerMember(db: Executor, sellerId: string, userId: string): Promise<boolean> {
  const [m] = await db
    .select({ role: sellerMembers.role })
    .from(sellerMembers)
    .where(and(eq(sellerMembers.sellerId, sellerId), eq(sellerMembers.userId, userId)));
  return !!m;
}

/**
 * Who may read a seller's file: the seller's members and the Department's officers (and
 * admins); a file not yet attached, only the user who uploaded it. Answers the file's
 * metadata, or throws 404 (no such seller file) / 403.
 */
export async function checkSellerFileAccess(db: Executor, actor: Actor, fileId: string) {
  const meta = isUuid(fileId) ? await fileMeta(db, fileId) : undefined;
  if (!meta) throw notFound();
  const owners = await sellersOfFile(db, fileId);
  if (!owners.length) {
    if (meta.ownerId === actor.id) return meta;
    throw notFound();
  }
  if (actor.role === 'officer' || actor.role === 'admin') return meta;
  for (const sellerId of owners) if (await isSellerMember(db, sellerId, actor.id)) return meta;
  throw forbidden();
}

/** The file's bytes and metadata, after the access check. */
export async function readSellerFile(deps: Deps, actor: Actor, fileId: string) {
  const meta = await checkSellerFileAccess(deps.db, actor, fileId);
  return { meta, data: await deps.storage.get(meta.key) };
}

/**
 * Stores the files chosen in the application form ("upload.<kind>", "upload.ocop.<i>"),
 * checked by content, and puts each new file's id in the form's values, where the hidden
 * field keeps it: a file stays attached when the form comes back with errors. Refused files
 * are reported on their field.
 */
export async function storeFormUploads(deps: Deps, userId: string, body: Record<string, unknown>) {
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body))
    if (!k.startsWith('upload.') && typeof v !== 'object') values[k] = v;
  // Repeated fields (checkboxes) arrive as arrays of strings.
  for (const [k, v] of Object.entries(body))
    if (Array.isArray(v)) values[k] = v.filter((x) => typeof x === 'string');
  const targets: [string, string][] = [
    ...documentKinds.map((k) => [`upload.${k}`, `documents.${k}`] as [string, string]),
    ...Array.from(
      { length: OCOP_MAX },
      (_, i) => [`upload.ocop.${i}`, `ocop.${i}.fileId`] as [string, string],
    ),
  ];
  const errors: FieldError[] = [];
  for (const [upload, field] of targets) {
    const file = asUpload(body[upload]);
    if (!file) continue;
    const opts = { allowed: DOCUMENT_TYPES, maxBytes: deps.config.uploadMaxBytes, ownerId: userId };
    const id = await storeFormFile(deps.db, deps.storage, field, file, opts, errors);
    if (id) values[field] = id;
  }
  return { values, errors };
}

/** Names of the files the form refers to, limited to those the user may attach. */
export async function attachedFiles(
  db: Executor,
  userId: string,
  sellerId: string | undefined,
  values: Record<string, unknown>,
) {
  const ids = Object.entries(values)
    .filter(
      ([k, v]) => (k.startsWith('documents.') || k.endsWith('.fileId')) && typeof v === 'string' && isUuid(v),
    )
    .map(([, v]) => v as string);
  const usable = [...(await usableFiles(db, userId, sellerId, ids))];
  if (!usable.length) return new Map<string, string>();
  const rows = await db
    .select({ id: files.id, name: files.originalName })
    .from(files)
    .where(inArray(files.id, usable));
  return new Map(rows.map((r) => [r.id, r.name]));
}
