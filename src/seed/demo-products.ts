import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { users } from '../modules/identity/schema.js';
import { sellerMembers, sellers } from '../modules/sellers/schema.js';
import { bulkInsert } from '../platform/db/bulk.js';
import type { Db } from '../platform/db/pool.js';
import { vietnamDay } from '../platform/http/i18n.js';
import { files } from '../platform/storage/schema.js';
import type { Storage } from '../platform/storage/storage.js';
import type { Place, ProductKind } from './kind-types.js';
import { DEFAULT_SEED, loadCatalog } from './load-catalog.js';
import { kindImages, ownImage } from './product-images.js';
import { kindByKey } from './product-kinds.js';
import { insertProducts, type ProductRows, productRows } from './product-rows.js';
import { generateProduct } from './products-generator.js';
import { Random } from './random.js';

/**
 * What each approved demo shop sells (owner's e-mail -> kinds, each with the place its
 * products are named after). The suspended and not yet approved shops sell nothing.
 */
export const demoShopOffers: Record<string, [kind: string, place: string][]> = {
  'yensao@demo.tmdt.vn': [
    ['yen-tinh-che', 'Cam Lâm'],
    ['yen-tho', 'Cam Lâm'],
    ['nuoc-yen', 'Cam Lâm'],
  ],
  'nuocmam@demo.tmdt.vn': [
    ['nuoc-mam', 'Cà Ná'],
    ['mam-ruoc', 'Cà Ná'],
    ['ca-com-kho', 'Cà Ná'],
  ],
  'nho@demo.tmdt.vn': [
    ['nho', 'Thái An'],
    ['trai-cay-say', 'Thái An'],
    ['ruou-vang', 'Thái An'],
    ['nuoc-ep', 'Thái An'],
  ],
  'gom@demo.tmdt.vn': [
    ['gom', 'Bàu Trúc'],
    ['trai-nghiem', 'Bàu Trúc'],
  ],
  'thocam@demo.tmdt.vn': [
    ['tho-cam', 'Mỹ Nghiệp'],
    ['ao-dai', 'Mỹ Nghiệp'],
    ['trai-nghiem', 'Mỹ Nghiệp'],
  ],
  'xoai@demo.tmdt.vn': [
    ['xoai', 'Cam An'],
    ['trai-cay-say', 'Cam Lâm'],
  ],
  'honba@demo.tmdt.vn': [
    ['tour-sinh-thai', 'Hòn Bà'],
    ['homestay-diem-den', 'Hòn Bà'],
  ],
  'haisan@demo.tmdt.vn': [
    ['muc-mot-nang', 'Nha Trang'],
    ['ca-mot-nang', 'Nha Trang'],
    ['tom-kho', 'Nha Trang'],
    ['ca-com-kho', 'Nha Trang'],
  ],
  'matong@demo.tmdt.vn': [['mat-ong', 'Khánh Sơn']],
  'saurieng@demo.tmdt.vn': [['sau-rieng', 'Khánh Sơn']],
  'toi@demo.tmdt.vn': [
    ['toi', 'Phan Rang'],
    ['hanh-tim', 'Phan Rang'],
    ['mang-tay', 'Phan Rang'],
  ],
  'tramhuong@demo.tmdt.vn': [
    ['tram-huong', 'Cam Ranh'],
    ['vong-tram', 'Cam Ranh'],
  ],
};

const PER_SHOP = 10;
/** Products over generated shops on the first start, and how many shops they belong to. */
export const FIRST_START = { products: 150, sellers: 15 };

function placeOf(k: ProductKind, label: string): Place {
  const p = k.places.find((x) => x.label === label);
  if (!p) throw new Error(`demo data: ${k.key} is not made at ${label}`);
  return p;
}

/**
 * The first start's catalogue: about ten published products for each approved demo shop,
 * with their own copies of the pictures (their owners are invited to try the seller centre),
 * and a small generated catalogue over further shops (run 0 of the seed command).
 */
export async function seedDemoProducts(
  db: Db,
  storage: Storage,
  o: { provinceCode: string; passwordHash: string; now?: Date },
): Promise<{ products: number; generated: number }> {
  const now = o.now ?? new Date();
  const today = vietnamDay(now);
  const shops = await db
    .select({ id: sellers.id, name: sellers.shopName, ownerId: users.id, email: users.email })
    .from(sellers)
    .innerJoin(sellerMembers, and(eq(sellerMembers.sellerId, sellers.id), eq(sellerMembers.role, 'owner')))
    .innerJoin(users, eq(users.id, sellerMembers.userId))
    .where(and(eq(sellers.status, 'approved'), inArray(users.email, Object.keys(demoShopOffers))));
  const kinds = [...new Set(Object.values(demoShopOffers).flatMap((o) => o.map(([k]) => k)))];
  const pictures = await kindImages(
    db,
    storage,
    kinds.map((k) => kindByKey.get(k)!),
  );
  const slugs = new Set<string>();
  const rows: ProductRows[] = [];
  const fileRows: (typeof files.$inferInsert)[] = [];
  for (const [i, shop] of shops.sort((a, b) => a.email!.localeCompare(b.email!)).entries()) {
    const rng = new Random(DEFAULT_SEED + i);
    const offers = demoShopOffers[shop.email!].map(([k, label]) => ({ kind: kindByKey.get(k)!, label }));
    for (let n = 0; n < PER_SHOP; n++) {
      const { kind, label } = offers[n % offers.length];
      const place = placeOf(kind, label);
      // A shop lists a name once: try other names before telling two apart by a code.
      const opts = { now, code: `${i}${n}`, slugTaken: (s: string) => slugs.has(s) };
      let product = generateProduct(rng, kind, place, opts);
      for (let tries = 0; product.slug.endsWith(`-${opts.code}`) && tries < 8; tries++)
        product = generateProduct(rng, kind, place, opts);
      slugs.add(product.slug);
      const id = uuidv7();
      const own = await ownImage(storage, pictures.get(kind.key)!, id);
      fileRows.push(own.file);
      rows.push(productRows(product, shop, own.image, { id, today }));
    }
  }
  await db.transaction(async (tx) => {
    await bulkInsert(tx, files, fileRows);
    await insertProducts(tx, rows);
  });
  const generated = await loadCatalog(db, storage, {
    ...FIRST_START,
    batch: 0,
    provinceCode: o.provinceCode,
    passwordHash: o.passwordHash,
    now,
  });
  return { products: rows.length, generated: generated.products };
}
