import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../db/pool.js';
import { type FieldError, ValidationError } from '../http/errors.js';
import { files } from './schema.js';

/** Where file bytes live. Local disk by default; an S3-compatible store implements the same three calls. */
export interface Storage {
  put(key: string, data: Buffer, mime: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

export function localStorage(root: string): Storage {
  const full = (key: string) => {
    const p = path.resolve(root, key);
    if (!p.startsWith(path.resolve(root) + path.sep)) throw new Error(`bad storage key ${key}`);
    return p;
  };
  return {
    async put(key, data) {
      await mkdir(path.dirname(full(key)), { recursive: true });
      await writeFile(full(key), data);
    },
    get: (key) => readFile(full(key)),
    delete: (key) => rm(full(key), { force: true }),
  };
}

export interface Upload {
  filename: string;
  data: Buffer;
  /** Cut short by the upload size limit. */
  truncated?: boolean;
}

/** A file field of a multipart form that really carries a file (an empty file input is null). */
export const asUpload = (v: unknown): Upload | undefined =>
  v &&
  typeof v === 'object' &&
  typeof (v as Upload).filename === 'string' &&
  Buffer.isBuffer((v as Upload).data)
    ? (v as Upload)
    : undefined;

export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * Checks an upload by its content, never by its name or the browser's claim, stores it,
 * and records its metadata. Throws a ValidationError on `field` when it is refused.
 */
export async function storeUpload(
  tx: Executor,
  storage: Storage,
  field: string,
  upload: Upload,
  opts: { allowed: readonly string[]; maxBytes: number; ownerId?: string },
): Promise<string> {
  if (upload.data.length === 0) throw new ValidationError([{ field, key: 'file.empty' }]);
  if (upload.truncated || upload.data.length > opts.maxBytes) {
    throw new ValidationError([{ field, key: 'file.too_large', params: { size: humanSize(opts.maxBytes) } }]);
  }
  const sniffed = await fileTypeFromBuffer(upload.data);
  if (!sniffed || !opts.allowed.includes(sniffed.mime)) {
    throw new ValidationError([{ field, key: 'file.type', params: { types: 'PDF, JPG, PNG, WebP' } }]);
  }
  const id = uuidv7();
  const key = `${id.slice(0, 8)}/${id}.${sniffed.ext}`;
  await storage.put(key, upload.data, sniffed.mime);
  await tx.insert(files).values({
    id,
    key,
    originalName: upload.filename.slice(0, 200),
    mime: sniffed.mime,
    size: upload.data.length,
    sha256: createHash('sha256').update(upload.data).digest('hex'),
    ownerId: opts.ownerId,
  });
  return id;
}

/**
 * storeUpload for a form with other fields: a refused file goes into `errors` on its field,
 * so that it is reported with the form's other problems, and gives undefined.
 */
export async function storeFormFile(
  tx: Executor,
  storage: Storage,
  field: string,
  upload: Upload,
  opts: { allowed: readonly string[]; maxBytes: number; ownerId?: string },
  errors: FieldError[],
): Promise<string | undefined> {
  try {
    return await storeUpload(tx, storage, field, upload, opts);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    errors.push(...err.fields);
    return undefined;
  }
}

/** "5 MB", "10 KB": a size limit as people read it. */
export function humanSize(bytes: number): string {
  return bytes >= 1048576
    ? `${Math.round((bytes / 1048576) * 10) / 10} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export async function fileMeta(db: Executor, id: string) {
  const [f] = await db.select().from(files).where(eq(files.id, id));
  return f;
}
