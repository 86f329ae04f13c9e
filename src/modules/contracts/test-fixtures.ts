/** Orders for the contracts' tests: hand-made snapshots of a placed order, published as orders would. */
import { randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { type SignedIn, signedIn, type TestApp } from '../../../test/helpers.js';
import { publish } from '../../platform/jobs/outbox.js';
import { ORDER_PLACED, type OrderSnapshot, type PaymentMethod } from '../orders/events.js';
import { makeSeller } from '../sellers/console-test-fixtures.js';

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const orderCode = () => `DH${Array.from({ length: 8 }, () => crockford[randomInt(32)]).join('')}`;

/** A placed order of two boxes of bird's nest and a bag of cashews, delivered by the shop. */
export function orderSnapshot(
  buyer: SignedIn,
  seller: { id: string; shopName: string; taxCode: string | null },
  paymentMethod: PaymentMethod = 'vietqr',
): OrderSnapshot {
  return {
    orderId: uuidv7(),
    code: orderCode(),
    checkoutId: uuidv7(),
    placedAt: new Date().toISOString(),
    buyer: {
      userId: buyer.user.id,
      name: 'Trần Văn Mua',
      phone: '0987654321',
      email: buyer.user.email,
      address: '45 Lê Thánh Tôn, Phường Nha Trang, Tỉnh Khánh Hòa',
      communeCode: '22333',
      provinceCode: '56',
      taxCode: null,
    },
    seller: {
      sellerId: seller.id,
      name: seller.shopName,
      legalForm: 'household',
      taxCode: seller.taxCode,
      address: '12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa',
      phone: '0912345678',
      email: null,
    },
    lines: [
      {
        productId: uuidv7(),
        variantId: uuidv7(),
        name: 'Yến sào tinh chế Hòn Nội',
        variantName: 'Hộp 100 g',
        sku: 'YS-100',
        unit: 'hộp',
        category: 'food.bird_nest',
        supplyKind: 'goods',
        quantity: 2,
        unitPrice: '2400000',
        amount: '4800000',
      },
      {
        productId: uuidv7(),
        variantId: uuidv7(),
        name: 'Hạt điều rang muối',
        variantName: null,
        sku: null,
        unit: 'túi',
        category: 'food.nuts',
        supplyKind: 'goods',
        quantity: 1,
        unitPrice: '185000',
        amount: '185000',
      },
    ],
    deliveryMethod: 'seller_delivery',
    shippingFee: '30000',
    paymentMethod,
    total: '5015000',
  };
}

/** A buyer, a shop whose owner is signed in, and an order between them (not yet published). */
export async function parties(t: TestApp, paymentMethod: PaymentMethod = 'vietqr') {
  const buyer = await signedIn(t, 'buyer', 'Trần Văn Mua');
  const owner = await signedIn(t, 'buyer', 'Nguyễn Thị Hồng Đào');
  const { seller } = await makeSeller(t, { status: 'approved', owner: owner.user });
  return { buyer, owner, seller, order: orderSnapshot(buyer, seller, paymentMethod) };
}

/** Publishes the order as placed (as orders does at checkout) and lets the outbox hand it over. */
export async function place(t: TestApp, order: OrderSnapshot) {
  await publish(t.db, ORDER_PLACED, { order });
  await t.app.outbox.drain();
}

/** A buyer's placed order with its contract made; the contract's code. */
export async function contracted(t: TestApp, paymentMethod: PaymentMethod = 'vietqr') {
  const p = await parties(t, paymentMethod);
  await place(t, p.order);
  return { ...p, code: `HD-${p.order.code}` };
}
