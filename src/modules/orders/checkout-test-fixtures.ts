/** Shared by the cart's, shipping's and checkout's tests: shops that sell, with their rules and variants. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { TestApp } from '../../../test/helpers.js';
import { productVariants } from '../catalog/schema.js';
import { shopWithMembers } from '../catalog/test-fixtures.js';
import { shippingRules } from './schema.js';

type RuleValues = Partial<typeof shippingRules.$inferInsert>;

/** What a buyer types at checkout (JSON or form): a recipient in Khánh Hòa paying by VietQR. */
export const checkoutForm = {
  recipientName: 'Phạm Thị Mua',
  phone: '0905123456',
  provinceCode: '56',
  communeCode: '22333',
  street: '25 Lê Thánh Tôn',
  paymentMethod: 'vietqr',
};

/** The variants of products, in their order: id, price and stock. */
export async function variantsOf(t: TestApp, ...productIds: string[]) {
  return t.db
    .select({ id: productVariants.id, price: productVariants.price, stock: productVariants.stock })
    .from(productVariants)
    .where(inArray(productVariants.productId, productIds))
    .orderBy(asc(productVariants.position), asc(productVariants.createdAt));
}

export async function stockOf(t: TestApp, variantId: string): Promise<number> {
  const [v] = await t.db
    .select({ stock: productVariants.stock })
    .from(productVariants)
    .where(eq(productVariants.id, variantId));
  return v.stock;
}

/**
 * An approved shop of Khánh Hòa (owner and staff signed in) with a shipping rule (flat 30,000 đ
 * and pick-up unless `rule` says otherwise; `rule: null` for none) and a published product whose
 * one variant has `stock` units at `price`.
 */
export async function sellingShop(
  t: TestApp,
  opts: { rule?: RuleValues | null; stock?: number; price?: number } = {},
) {
  const shop = await shopWithMembers(t, 'approved');
  if (opts.rule !== null)
    await t.db.insert(shippingRules).values({ sellerId: shop.seller.id, baseFee: 30_000n, ...opts.rule });
  const { product } = await shop.published({
    variants: [
      {
        name: 'Hộp 50 g',
        sku: 'YS-50',
        price: String(opts.price ?? 1_250_000),
        stock: String(opts.stock ?? 10),
      },
    ],
  });
  const [variant] = await variantsOf(t, product.id);
  return { ...shop, product, variant };
}
