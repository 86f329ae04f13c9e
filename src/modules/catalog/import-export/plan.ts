import type { FieldError } from '../../../platform/http/errors.js';
import { toFieldErrors } from '../../../platform/http/validation.js';
import { type ProductInput, productInputSchema } from '../input.js';
import { convertRow, type Value, type Values } from './cells.js';
import { type ColumnKey, columnOfField, columns } from './columns.js';
import type { SheetRow } from './read.js';

/** What is wrong in one cell (or one row, when `column` is null), as a message key. */
export interface RowError {
  row: number;
  column: ColumnKey | null;
  key: string;
  params?: Record<string, string | number>;
}

/** A product of the seller that a row's key names: its rows update it instead of creating one. */
export interface Existing {
  id: string;
  ocopFileId: string | null;
  /** Variant ids by upper-case SKU: a row with a known SKU edits that variant. */
  variantIds: Map<string, string>;
}

/** One product of the file: its rows, the product input they make, and what is wrong with them. */
export interface Plan {
  key: string;
  rows: number[];
  existing?: Existing;
  input: Record<string, unknown>;
  /** The input as the product form's schema reads it, when it passed. */
  product?: ProductInput;
  errors: RowError[];
}

const MAX_KEY = 60;
const productColumns = columns.filter((c) => c.level === 'product' && c.key !== 'productKey');
const variantColumns = columns.filter((c) => c.level === 'variant');

const isEmpty = (v: Value | undefined) => (Array.isArray(v) ? v.length === 0 : !v);
const same = (a: Value | undefined, b: Value | undefined) =>
  JSON.stringify(a ?? '') === JSON.stringify(b ?? '');

/** A product key as compared: case does not matter ("ys-01" and "YS-01" are one product). */
export const keyOf = (s: string) => s.toLowerCase();

/**
 * The validation errors of a product input (from the schema, or from createProduct and
 * updateProduct) at the row and column they came from: "variants.2.price" is the price of the
 * product's third row; product fields belong to its first row.
 */
export function errorsAt(rows: number[], fields: FieldError[]): RowError[] {
  return fields.map((f) => {
    const v = /^variants\.(\d+)\.(\w+)$/.exec(f.field);
    const base = f.field.split('.')[0];
    const row = v ? (rows[Number(v[1])] ?? rows[0]) : rows[0];
    const column = v
      ? columnOfField('variant', v[2])
      : base === 'variants'
        ? columnOfField('variant', 'name')
        : columnOfField('product', base);
    return { row, column: column?.key ?? null, key: f.key, params: f.params };
  });
}

function planOne(
  key: string,
  group: { number: number; values: Values }[],
  existing: Existing | undefined,
  found: RowError[],
): Plan {
  const first = group[0];
  const errors: RowError[] = [...found];
  for (const r of group.slice(1))
    for (const c of productColumns)
      if (!isEmpty(r.values[c.key]) && !same(r.values[c.key], first.values[c.key]))
        errors.push({
          row: r.number,
          column: c.key,
          key: 'catalog.import.conflict',
          params: { row: first.number },
        });
  // A row of a product without any variant value would be dropped by the schema without a word.
  for (const r of group)
    if (variantColumns.every((c) => isEmpty(r.values[c.key])))
      errors.push({ row: r.number, column: 'variantName', key: 'v.required' });
  const input: Record<string, unknown> = Object.fromEntries(
    productColumns.map((c) => [c.field, first.values[c.key] ?? '']),
  );
  input.ocopFileId = existing?.ocopFileId ?? '';
  input.variants = group.map((r) => {
    const variant: Record<string, unknown> = Object.fromEntries(
      variantColumns.map((c) => [c.field, r.values[c.key] ?? '']),
    );
    const sku = String(variant.sku ?? '').toUpperCase();
    variant.id = (sku && existing?.variantIds.get(sku)) || '';
    return variant;
  });
  const parsed = productInputSchema.safeParse(input);
  const rows = group.map((r) => r.number);
  if (!parsed.success) errors.push(...errorsAt(rows, toFieldErrors(parsed.error)));
  return { key, rows, existing, input, product: parsed.data, errors: firstPerCell(errors) };
}

const position = (c: ColumnKey | null) => (c ? columns.findIndex((x) => x.key === c) : -1);

/** One message per cell, the first found (fixing it may fix the others), in the order of the sheet. */
function firstPerCell(errors: RowError[]): RowError[] {
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const at = `${e.row}:${e.column}`;
      if (seen.has(at)) return false;
      seen.add(at);
      return true;
    })
    .sort((a, b) => a.row - b.row || position(a.column) - position(b.column));
}

/**
 * The file's rows as products: rows sharing a product key are one product (in the order of
 * their first rows), each checked with the product form's own schema.
 */
export function planProducts(rows: SheetRow[], existing: Map<string, Existing>): Plan[] {
  const groups = new Map<
    string,
    { key: string; rows: { number: number; values: Values }[]; errors: RowError[] }
  >();
  const plans: Plan[] = [];
  for (const { number, raw } of rows) {
    const { values, errors } = convertRow(raw);
    const cellErrors = errors.map((e) => ({ row: number, ...e }));
    const key = String(values.productKey ?? '');
    if (!key || key.length > MAX_KEY) {
      // A row that cannot be grouped is checked on its own, so every problem of its cells shows.
      const keyError = { row: number, column: 'productKey' as const, key: key ? 'v.too_long' : 'v.required' };
      plans.push(
        planOne('', [{ number, values }], undefined, [
          { ...keyError, params: { max: MAX_KEY } },
          ...cellErrors,
        ]),
      );
      continue;
    }
    const g = groups.get(keyOf(key)) ?? { key, rows: [], errors: [] };
    g.rows.push({ number, values });
    g.errors.push(...cellErrors);
    groups.set(keyOf(key), g);
  }
  for (const g of groups.values()) plans.push(planOne(g.key, g.rows, existing.get(keyOf(g.key)), g.errors));
  return plans.sort((a, b) => a.rows[0] - b.rows[0]);
}
