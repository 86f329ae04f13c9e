import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { users } from '../modules/identity/schema.js';
import { sellerMembers, sellers, sellerTransitions } from '../modules/sellers/schema.js';
import { bulkInsert } from '../platform/db/bulk.js';
import type { Db, Executor } from '../platform/db/pool.js';
import { vietnamDay } from '../platform/http/i18n.js';
import type { Storage } from '../platform/storage/storage.js';
import { type GeneratedCatalog, generateCatalog } from './catalog-generator.js';
import { kindImages } from './product-images.js';
import { kindByKey } from './product-kinds.js';
import { insertProducts, type ProductRows, productRows } from './product-rows.js';
import type { GeneratedSeller } from './sellers-generator.js';

export interface LoadCatalogOptions {
  products: number;
  /** Sellers to make; by default one per 60 products. */
  sellers?: number;
  seed?: number;
  /** Which run this is; by default the one after the last run found in the database. */
  batch?: number;
  /** PROVINCE_CODE of the instance. */
  provinceCode: string;
  /** Hash of the password every generated owner signs in with (hashed once by the caller). */
  passwordHash: string;
  now?: Date;
  say?: (m: string) => void;
}

export const DEFAULT_SEED = 20_250_701;
const CHUNK = 1000;

/** Owners of generated shops are `ban-hang-<run>-<n>@demo.tmdt.vn`: the run is in the address. */
export const ownerEmail = (batch: number, n: number) => `ban-hang-${batch}-${n}@demo.tmdt.vn`;

/** The run after the last one in the database (0 when none has been made). */
export async function nextBatch(db: Executor): Promise<number> {
  const r = await db.execute<{ last: number | null }>(
    sql`SELECT max((substring(email from '^ban-hang-(\\d+)-'))::int) AS last FROM users WHERE email LIKE 'ban-hang-%@demo.tmdt.vn'`,
  );
  const last = r.rows[0]?.last;
  return last === null || last === undefined ? 0 : Number(last) + 1;
}

async function taken(db: Executor) {
  const s = await db.execute<{ slug: string; tax_code: string | null }>(
    sql`SELECT slug, tax_code FROM sellers`,
  );
  const p = await db.execute<{ slug: string }>(sql`SELECT slug FROM products`);
  return {
    sellerSlugs: new Set(s.rows.map((r) => r.slug)),
    taxCodes: new Set(s.rows.flatMap((r) => (r.tax_code ? [r.tax_code] : []))),
    productSlugs: new Set(p.rows.map((r) => r.slug)),
  };
}

/** The officer shown as having approved generated shops: the first officer or administrator. */
async function approver(db: Executor): Promise<string | null> {
  const r = await db.execute<{ id: string }>(
    sql`SELECT id FROM users WHERE role IN ('officer', 'admin') ORDER BY role DESC, created_at LIMIT 1`,
  );
  return r.rows[0]?.id ?? null;
}

interface SellerIds {
  id: string;
  name: string;
  ownerId: string;
}

/** Shops, their owners (one shared password hash), memberships and approval history, in bulk. */
async function insertSellers(
  db: Db,
  list: GeneratedSeller[],
  o: { batch: number; passwordHash: string; officerId: string | null },
): Promise<SellerIds[]> {
  const ids = list.map((s) => ({ id: uuidv7(), name: s.shopName, ownerId: uuidv7() }));
  await db.transaction(async (tx) => {
    for (let i = 0; i < list.length; i += CHUNK) {
      const part = list.slice(i, i + CHUNK);
      const at = (j: number) => ids[i + j];
      await bulkInsert(
        tx,
        users,
        part.map((s, j) => ({
          id: at(j).ownerId,
          email: ownerEmail(o.batch, i + j + 1),
          fullName: s.repName,
          passwordHash: o.passwordHash,
          createdAt: new Date(s.approvedAt.getTime() - 3 * 86_400_000),
        })),
      );
      await bulkInsert(
        tx,
        sellers,
        part.map((s, j) => {
          const { offers: _offers, weight: _weight, approvedAt, ...columns } = s;
          return {
            ...columns,
            id: at(j).id,
            status: 'approved' as const,
            email: ownerEmail(o.batch, i + j + 1),
            submittedAt: new Date(approvedAt.getTime() - 2 * 86_400_000),
            decidedAt: approvedAt,
            createdBy: at(j).ownerId,
            createdAt: new Date(approvedAt.getTime() - 3 * 86_400_000),
          };
        }),
      );
      await bulkInsert(
        tx,
        sellerMembers,
        part.map((_, j) => ({ sellerId: at(j).id, userId: at(j).ownerId, role: 'owner' as const })),
      );
      await bulkInsert(
        tx,
        sellerTransitions,
        part.flatMap((s, j) => [
          {
            sellerId: at(j).id,
            fromStatus: 'draft' as const,
            toStatus: 'submitted' as const,
            actorId: at(j).ownerId,
            at: new Date(s.approvedAt.getTime() - 2 * 86_400_000),
          },
          {
            sellerId: at(j).id,
            fromStatus: 'submitted' as const,
            toStatus: 'approved' as const,
            actorId: o.officerId ?? at(j).ownerId,
            at: s.approvedAt,
          },
        ]),
      );
    }
  });
  return ids;
}

/**
 * Loads a generated catalogue: approved shops spread over the province and its neighbours,
 * then their published products in transactions of 1,000 (multi-row INSERTs, search documents
 * in the same transaction), two transactions in flight so that generating one chunk overlaps
 * writing the other. Re-running adds a new run with its own seed offset, owners and slugs.
 */
export async function loadCatalog(db: Db, storage: Storage, o: LoadCatalogOptions) {
  const t0 = Date.now();
  const say = o.say ?? (() => {});
  const batch = o.batch ?? (await nextBatch(db));
  const now = o.now ?? new Date();
  const today = vietnamDay(now);
  const catalog: GeneratedCatalog = generateCatalog({
    seed: o.seed ?? DEFAULT_SEED,
    batch,
    products: o.products,
    sellers: o.sellers ?? Math.max(1, Math.round(o.products / 60)),
    homeProvince: o.provinceCode,
    now,
    taken: await taken(db),
  });
  const shops = await insertSellers(db, catalog.sellers, {
    batch,
    passwordHash: o.passwordHash,
    officerId: await approver(db),
  });
  const kinds = [...new Set(catalog.sellers.flatMap((s) => s.offers.map((x) => x.kind.key)))];
  const images = await kindImages(
    db,
    storage,
    kinds.map((k) => kindByKey.get(k)!),
  );
  say(`  ${shops.length} shops and ${images.size} product pictures in ${Date.now() - t0} ms`);

  const inFlight = new Set<Promise<void>>();
  let chunk: ProductRows[] = [];
  let written = 0;
  const flush = async () => {
    const rows = chunk;
    chunk = [];
    const p = db
      .transaction(async (tx) => {
        // Demo data: a crash may lose the last chunks, so no need to wait for each commit's flush.
        await tx.execute(sql`SET LOCAL synchronous_commit = off`);
        await insertProducts(tx, rows);
      })
      .then(() => {
        written += rows.length;
        if (written % 10_000 < rows.length) say(`  ${written} products (${Date.now() - t0} ms)`);
      });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => {});
    if (inFlight.size >= 2) await Promise.race(inFlight);
  };
  for (const { seller, product } of catalog.products()) {
    chunk.push(productRows(product, shops[seller], images.get(product.kind)!, { today }));
    if (chunk.length === CHUNK) await flush();
  }
  if (chunk.length) await flush();
  await Promise.all(inFlight);
  await db.execute(
    sql`ANALYZE products, product_variants, product_images, product_transitions, search_documents, sellers, users`,
  );
  return { batch, sellers: shops.length, products: o.products, ms: Date.now() - t0 };
}
