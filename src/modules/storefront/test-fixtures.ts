/** Shared by this module's tests: an approved shop and its products, published through the catalog. */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { TestApp } from '../../../test/helpers.js';
import { addProductImage, createProduct, transitionProduct } from '../catalog/index.js';
import { productForm } from '../catalog/test-fixtures.js';
import { actorOf, createUser } from '../identity/index.js';

const publicUrl = 'http://localhost:3000';
const tag = () => randomBytes(4).toString('hex');

/**
 * The catalog's 4-star OCOP bird's nest of Khánh Hòa under a name of its own, with a longer
 * description and its 100 g box out of stock.
 */
export function birdNest(over: Record<string, unknown> = {}): Record<string, unknown> {
  return productForm({
    name: `Yến sào tinh chế Hòn Nội ${tag()}`,
    description: 'Tổ yến đảo **Hòn Nội**, làm sạch lông bằng tay.\n\n# Cách dùng\n\nChưng cách thủy 30 phút.',
    certifications: ['haccp'],
    variants: [
      { name: 'Hộp 50 g', sku: 'YS-50', price: '1.250.000', compareAtPrice: '1.400.000', stock: '10' },
      { name: 'Hộp 100 g', sku: 'YS-100', price: '2.400.000', compareAtPrice: '', stock: '0' },
    ],
    ...over,
  });
}

/** Fish sauce of Khánh Hòa: one variant, no OCOP, not a key product. */
export function fishSauce(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Nước mắm cá cơm Vạn Ninh ${tag()}`,
    description: 'Nước mắm nhĩ ủ chượp 12 tháng.',
    category: 'food.fish_sauce',
    unit: 'chai',
    originProvinceCode: '56',
    variants: [{ name: 'Chai 500 ml', sku: 'NM-500', price: '95.000', stock: '40' }],
    ...over,
  };
}

/** A JPEG picture of the given size, as a phone would upload it. */
export async function photo(width = 1200, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 120, b: 60 } } })
    .jpeg()
    .toBuffer();
}

/**
 * An approved household business of Khánh Hòa and its owner, as the sellers' lifecycle leaves
 * it (written directly: how a shop gets approved is the sellers module's tests' concern), and
 * a helper that creates products of the shop and publishes them.
 */
export async function approvedShop(t: TestApp) {
  const k = tag();
  const owner = await createUser(t.db, {
    email: `chu-ho-${k}@example.vn`,
    fullName: 'Nguyễn Thị Hồng Đào',
    password: 'mat-khau-dai-123',
  });
  const seller = {
    id: '',
    shopName: `Cơ sở Yến sào Hòn Nội ${k}`,
    slug: `yen-sao-hon-noi-${k}`,
    taxCode: `8${String(Number.parseInt(k, 16) % 1e9).padStart(9, '0')}`,
  };
  const { rows } = await t.db.execute<{
    id: string;
  }>(sql`INSERT INTO sellers (id, status, legal_form, shop_name,
      slug, tax_code, business_reg_no, business_reg_date, rep_name, province_code, commune_code, street, phone,
      email, created_by, decided_at)
    VALUES (gen_random_uuid(), 'approved', 'household', ${seller.shopName}, ${seller.slug}, ${seller.taxCode},
      ${`37A8${k}`}, '2019-05-14', 'Nguyễn Thị Hồng Đào', '56', '22333', '12 Trần Phú', '0912 345 678',
      ${`lienhe-${k}@yensao.vn`}, ${owner.id}, now())
    RETURNING id`);
  seller.id = rows[0].id;
  await t.db.execute(
    sql`INSERT INTO seller_members (seller_id, user_id, role) VALUES (${seller.id}, ${owner.id}, 'owner')`,
  );
  const by = { userId: owner.id, sellerId: seller.id };
  const actor = actorOf(owner);
  const act = (productId: string, action: 'publish' | 'hide') =>
    transitionProduct(t.db, { productId, action, actor, party: 'seller', publicUrl });
  return {
    seller,
    owner,
    act,
    /** A product from `form`, published unless `draft`; with pictures when `images` is given. */
    async product(form: Record<string, unknown>, opts: { draft?: boolean; images?: string[] } = {}) {
      const view = await createProduct(t.db, by, form);
      for (const alt of opts.images ?? [])
        await addProductImage(t.app.deps, owner.id, view.product.id, {
          image: { filename: 'anh.jpg', data: await photo(), truncated: false },
          alt,
        });
      if (!opts.draft) await act(view.product.id, 'publish');
      return view.product;
    },
  };
}
