import { and, asc, eq, inArray } from 'drizzle-orm';
import { isUuid } from '../../../platform/db/columns.js';
import type { Executor } from '../../../platform/db/pool.js';
import { AppError, forbidden, invalid, ValidationError } from '../../../platform/http/errors.js';
import type { Storage } from '../../../platform/storage/storage.js';
import { memberships, type Seller } from '../../sellers/index.js';
import { memberSeller } from '../access.js';
import { products } from '../schema.js';
import {
  type ByMember,
  createProduct,
  createProducts,
  updateProduct,
  updateProducts,
  type Variant,
  variantsOf,
} from '../service.js';
import type { ColumnKey } from './columns.js';
import { consume } from './kept.js';
import { type Existing, errorsAt, keyOf, type Plan, planProducts, type RowError } from './plan.js';
import type { Format, SheetRow } from './read.js';

export const modes = ['all', 'valid_only'] as const;
export type Mode = (typeof modes)[number];

export interface ImportedProduct {
  id: string;
  name: string;
  key: string;
  action: 'created' | 'updated';
  rows: number[];
}

/** What an import did, row by row: what it wrote, and what is wrong where. */
export interface ImportReport {
  sellerId: string;
  filename: string;
  format: Format;
  mode: Mode;
  /** Data rows read (empty rows are not counted). */
  rows: number;
  /** Products in the file (rows grouped by product key). */
  products: number;
  /** Products without any error, and their rows: what "only the valid rows" imports. */
  validProducts: number;
  validRows: number;
  imported: ImportedProduct[];
  /** Rows not imported: every row of a product that has an error somewhere. */
  skippedRows: number[];
  errors: RowError[];
}

/**
 * The shop a user imports into or exports from: the one named, which they must be a member of,
 * or their only shop. `firstWhenMany` lets a page open on the first of several shops (it offers
 * a switch); the API must be told which.
 */
export async function shopOf(
  db: Executor,
  userId: string,
  shopId: string | undefined,
  opts: { write?: boolean; firstWhenMany?: boolean } = {},
): Promise<Seller> {
  if (shopId) return memberSeller(db, userId, shopId, { write: opts.write });
  const mine = await memberships(db, userId);
  if (!mine.length) throw forbidden('catalog.import.no_shop');
  if (mine.length > 1 && !opts.firstWhenMany) throw invalid('shop', 'catalog.import.choose_shop');
  return memberSeller(db, userId, mine[0].seller.id, { write: opts.write });
}

/** The shop's products that keys of the file name (an exported file keys its rows by product id). */
async function existingProducts(db: Executor, sellerId: string, rows: SheetRow[]) {
  const ids = [
    ...new Set(rows.map((r) => keyOf(String(r.raw.productKey ?? '').trim())).filter((k) => isUuid(k))),
  ];
  const found = new Map<string, Existing>();
  if (!ids.length) return found;
  const list = await db
    .select({ id: products.id, ocopFileId: products.ocopFileId })
    .from(products)
    .where(and(eq(products.sellerId, sellerId), inArray(products.id, ids)));
  for (const p of list) found.set(p.id, { ...p, variantIds: new Map() });
  for (const v of await variantsOf(
    db,
    list.map((p) => p.id),
  ))
    found.get(v.productId)?.variantIds.set(v.sku.toUpperCase(), v.id);
  return found;
}

const rollback = Symbol('rollback');

/** A kept upload that is no longer there: imported already, or older than an hour. */
export const expired = () => new AppError(410, 'gone', 'catalog.import.expired');

/**
 * Imports the rows into the shop. A row key naming one of the shop's products updates it
 * (variants matched by SKU); any other key creates a draft product. In mode `all` nothing is
 * written unless every row is valid, in one transaction; in `valid_only` the products whose
 * rows are all valid are written, the others reported. `keptFileId` is the kept upload being
 * imported: it is used up in the same transaction.
 */
export async function importProducts(
  deps: { db: Executor; storage: Storage },
  by: ByMember,
  file: { filename: string; format: Format; rows: SheetRow[] },
  mode: Mode,
  keptFileId?: string,
): Promise<ImportReport> {
  const { db } = deps;
  await memberSeller(db, by.userId, by.sellerId, { write: true });
  const plans = planProducts(file.rows, await existingProducts(db, by.sellerId, file.rows));
  const valid = plans.filter((p) => !p.errors.length);
  const report = (imported: ImportedProduct[]): ImportReport => {
    const written = new Set(imported.flatMap((p) => p.rows));
    return {
      sellerId: by.sellerId,
      filename: file.filename,
      format: file.format,
      mode,
      rows: file.rows.length,
      products: plans.length,
      validProducts: valid.length,
      validRows: valid.reduce((n, p) => n + p.rows.length, 0),
      imported,
      skippedRows: file.rows.map((r) => r.number).filter((n) => !written.has(n)),
      errors: plans.flatMap((p) => p.errors).sort((a, b) => a.row - b.row),
    };
  };
  if (mode === 'all' && valid.length < plans.length) return report([]);
  let imported: ImportedProduct[] = [];
  let usedKey: string | undefined;
  try {
    await db.transaction(async (tx) => {
      if (keptFileId) {
        usedKey = await consume(tx, by.userId, keptFileId);
        if (!usedKey) throw expired();
      }
      imported = await write(tx, by, valid);
      if (mode === 'all' && valid.some((p) => p.errors.length)) throw rollback;
    });
  } catch (err) {
    if (err !== rollback) throw err;
    imported = [];
  }
  if (usedKey) await deps.storage.delete(usedKey);
  return report(imported);
}

/**
 * Writes the products: the new ones all at once, then the updated ones all at once (a few
 * statements for thousands of rows). Should the catalog refuse one after the schema passed
 * (an OCOP scan that is no longer the user's), that is undone and the products are written
 * one by one instead, each in a savepoint, so that it gets its errors and the others go on.
 */
async function write(tx: Executor, by: ByMember, plans: Plan[]): Promise<ImportedProduct[]> {
  try {
    return await tx.transaction((batch) => writeAll(batch, by, plans));
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return writeEach(tx, by, plans);
  }
}

const imported = (p: Plan, id: string, name: string): ImportedProduct => ({
  id,
  name,
  key: p.key,
  action: p.existing ? 'updated' : 'created',
  rows: p.rows,
});

async function writeAll(tx: Executor, by: ByMember, plans: Plan[]): Promise<ImportedProduct[]> {
  const fresh = plans.filter((p) => !p.existing);
  const created = fresh.length
    ? await createProducts(
        tx,
        by,
        fresh.map((p) => p.product!),
      )
    : [];
  const ids = new Map(fresh.map((p, i) => [p, created[i]]));
  await updateProducts(
    tx,
    by.userId,
    plans.flatMap((p) => (p.existing ? [{ id: p.existing.id, input: p.product! }] : [])),
  );
  return plans.map((p) => imported(p, p.existing?.id ?? ids.get(p)!, p.product!.name));
}

async function writeEach(tx: Executor, by: ByMember, plans: Plan[]): Promise<ImportedProduct[]> {
  const done: ImportedProduct[] = [];
  for (const p of plans) {
    try {
      const view = p.existing
        ? await updateProduct(tx, by.userId, p.existing.id, p.input)
        : await createProduct(tx, by, p.input);
      done.push(imported(p, view.product.id, view.product.name));
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      p.errors.push(...errorsAt(p.rows, err.fields));
    }
  }
  return done;
}

/** A spreadsheet cell as the export writes it: numbers and dates typed, codes as text. */
export type ExportValue = string | number | null;
export type ExportRow = Partial<Record<ColumnKey, ExportValue>>;

/**
 * The shop's products, one row per variant, in the columns of the template: the product key is
 * the product's id, so the file imported again updates the same products.
 */
export async function exportRows(db: Executor, sellerId: string): Promise<ExportRow[]> {
  const list = await db
    .select()
    .from(products)
    .where(eq(products.sellerId, sellerId))
    .orderBy(asc(products.createdAt), asc(products.id));
  const variants = new Map<string, Variant[]>();
  for (const v of await variantsOf(
    db,
    list.map((p) => p.id),
  ))
    variants.set(v.productId, [...(variants.get(v.productId) ?? []), v]);
  return list.flatMap((p) =>
    (variants.get(p.id) ?? []).map(
      (v): ExportRow => ({
        productKey: p.id,
        name: p.name,
        variantName: v.name,
        sku: v.sku,
        price: Number(v.price),
        compareAtPrice: v.compareAtPrice === null ? null : Number(v.compareAtPrice),
        stock: v.stock,
        category: p.category,
        unit: p.unit,
        weightGrams: p.weightGrams,
        originProvinceCode: p.originProvinceCode,
        originCommuneCode: p.originCommuneCode,
        description: p.description,
        isKeyProduct: p.isKeyProduct ? 'x' : null,
        ocopGroup: p.ocopGroup,
        ocopStars: p.ocopStars,
        ocopCertificateNo: p.ocopCertificateNo,
        ocopIssuedOn: p.ocopIssuedOn,
        certifications: p.certifications.join(', '),
        shelfLifeDays: p.shelfLifeDays,
        storage: p.storage,
      }),
    ),
  );
}
