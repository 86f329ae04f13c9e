/** Shared by the import/export tests: people, an approved shop, and real XLSX and CSV files. */
import { randomBytes } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type Client, signedIn, type TestApp } from '../../../../test/helpers.js';
import { translator } from '../../../platform/http/i18n.js';
import { sellerMembers, sellers } from '../../sellers/schema.js';
import { products, productVariants } from '../schema.js';
import type { Cell } from './cells.js';
import { type ColumnKey, columns, heading } from './columns.js';
import { exampleRows } from './guide.js';
import './messages.js';

const tag = () => randomBytes(4).toString('hex');

/** An approved household shop in Khánh Hòa with `owner` as its owner (and `staff` members). */
export async function approvedShop(t: TestApp, owner: { id: string }, staff: { id: string }[] = []) {
  const k = tag();
  const [seller] = await t.db
    .insert(sellers)
    .values({
      status: 'approved',
      legalForm: 'household',
      shopName: `Cơ sở Yến sào Hòn Nội ${k}`,
      slug: `yen-sao-hon-noi-${k}`,
      provinceCode: '56',
      communeCode: '22333',
      categories: ['food'],
      createdBy: owner.id,
      decidedAt: new Date(),
    })
    .returning();
  await t.db.insert(sellerMembers).values({ sellerId: seller.id, userId: owner.id, role: 'owner' });
  for (const s of staff)
    await t.db.insert(sellerMembers).values({ sellerId: seller.id, userId: s.id, role: 'staff' });
  return seller;
}

/** A seller signed in with their approved shop. */
export async function seller(t: TestApp) {
  const owner = await signedIn(t, 'buyer', 'Nguyễn Thị Hồng Đào');
  return { ...owner, shop: await approvedShop(t, owner.user) };
}

export const vi = translator('vi');
export const en = translator('en');
export type Row = Partial<Record<ColumnKey, Cell>>;

/** The heading row and the rows under it, in the template's column order. */
export function table(rows: Row[], t = vi): Cell[][] {
  return [columns.map((c) => heading(c, t)), ...rows.map((r) => columns.map((c) => r[c.key] ?? null))];
}

/** A real .xlsx made with exceljs, as Excel would save it: typed cells on the first sheet. */
export async function xlsx(records: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sản phẩm');
  for (const r of records) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV text as a spreadsheet saves it: fields quoted when needed, CRLF line ends. */
export function csv(records: Cell[][], sep = ','): string {
  const field = (v: Cell) => {
    const s = v === null ? '' : String(v);
    return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${records.map((r) => r.map(field).join(sep)).join('\r\n')}\r\n`;
}

/**
 * The guide's bird's nest of Khánh Hòa (full OCOP data) from Bắc Nha Trang, with a Markdown
 * description; `over` changes cells.
 */
export const birdNest = (over: Row = {}): Row => ({
  ...exampleRows('56')[0],
  productKey: 'YS-01',
  originCommuneCode: '22333',
  description: 'Tổ yến đảo **Hòn Nội**, làm sạch lông bằng tay.',
  ...over,
});

/** A fish sauce product of Khánh Hòa with few columns filled. */
export const fishSauce = (over: Row = {}): Row => ({
  productKey: 'NM-01',
  name: 'Nước mắm nhĩ Cà Ná',
  variantName: 'Chai 500 ml',
  price: 85000,
  stock: 40,
  category: 'food.fish_sauce',
  unit: 'chai',
  originProvinceCode: '56',
  ...over,
});

/** Uploads a file to the page or the API. */
export function upload(
  client: Client,
  url: string,
  file: { filename: string; data: Buffer | string },
  fields: Record<string, string> = {},
) {
  const data = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data;
  return client.multipart(url, fields, { file: { filename: file.filename, data } });
}

/** A shop's products, oldest first (one import's in the file's order), each with its variants in their order. */
export async function productsOf(t: TestApp, sellerId: string) {
  const list = await t.db
    .select()
    .from(products)
    .where(eq(products.sellerId, sellerId))
    .orderBy(asc(products.createdAt), asc(products.id));
  const variants = list.length
    ? await t.db
        .select()
        .from(productVariants)
        .where(
          inArray(
            productVariants.productId,
            list.map((p) => p.id),
          ),
        )
        .orderBy(asc(productVariants.position))
    : [];
  return list.map((p) => ({ ...p, variants: variants.filter((v) => v.productId === p.id) }));
}
