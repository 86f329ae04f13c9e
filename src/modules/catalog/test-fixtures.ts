/** Shared by the catalog's tests: a complete product as a form would send it, and shops with members. */
import type { TestApp } from '../../../test/helpers.js';
import { signedIn } from '../../../test/helpers.js';
import { actorOf } from '../identity/index.js';
import { makeSeller } from '../sellers/console-test-fixtures.js';
import type { SellerStatus } from '../sellers/index.js';
import { sellerMembers } from '../sellers/schema.js';
import { createProduct } from './service.js';
import { transitionProduct } from './transitions.js';

/** A bird's nest product of Khánh Hòa with two variants and a valid 4-star OCOP certificate. */
export function productForm(over: Record<string, unknown> = {}): Record<string, unknown> {
  const year = new Date().getUTCFullYear();
  return {
    name: 'Yến sào tinh chế Hòn Nội',
    description: 'Tổ yến đảo **Hòn Nội**, làm sạch lông bằng tay.',
    category: 'food.bird_nest',
    unit: 'hộp',
    weightGrams: '100',
    originProvinceCode: '56',
    originCommuneCode: '22333',
    isKeyProduct: 'on',
    ocopGroup: '1',
    ocopStars: '4',
    ocopCertificateNo: '125/QĐ-UBND',
    ocopIssuedOn: `${year - 1}-03-15`,
    certifications: ['haccp', 'iso22000'],
    shelfLifeDays: '730',
    storage: 'Nơi khô ráo, thoáng mát.',
    variants: [
      { name: 'Hộp 50 g', sku: 'YS-50', price: '1.250.000', compareAtPrice: '1.400.000', stock: '10' },
      { name: 'Hộp 100 g', sku: 'YS-100', price: '2 400 000', compareAtPrice: '', stock: '5' },
    ],
    ...over,
  };
}

/**
 * A shop in `status` with its owner, a staff member, and a signed-in browser for each;
 * `product` creates one draft product of the shop, `published` one the owner has published.
 */
export async function shopWithMembers(t: TestApp, status: SellerStatus = 'approved') {
  const owner = await signedIn(t, 'buyer', 'Nguyễn Thị Hồng Đào');
  const staff = await signedIn(t, 'buyer', 'Lê Văn Nhân Viên');
  const { seller } = await makeSeller(t, { status, owner: owner.user });
  await t.db.insert(sellerMembers).values({ sellerId: seller.id, userId: staff.user.id, role: 'staff' });
  const product = (over: Record<string, unknown> = {}) =>
    createProduct(t.db, { userId: owner.user.id, sellerId: seller.id }, productForm(over));
  return {
    seller,
    owner,
    staff,
    product,
    async published(over: Record<string, unknown> = {}) {
      const view = await product(over);
      await transitionProduct(t.db, {
        productId: view.product.id,
        action: 'publish',
        actor: actorOf(owner.user),
        party: 'seller',
        publicUrl: 'http://localhost:3000',
      });
      return view;
    },
  };
}
