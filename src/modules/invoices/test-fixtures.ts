/** Hand-made order snapshots for the invoices' tests: the orders module need not exist for them. */
import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type {
  LegalForm,
  OrderCompleted,
  OrderLineSnapshot,
  OrderReturned,
  OrderSnapshot,
} from '../orders/events.js';

const code = () => `DH${randomBytes(5).toString('hex').toUpperCase().slice(0, 8)}`;

export function line(over: Partial<OrderLineSnapshot> = {}): OrderLineSnapshot {
  const quantity = over.quantity ?? 2;
  const unitPrice = over.unitPrice ?? '1250000';
  return {
    productId: uuidv7(),
    variantId: uuidv7(),
    name: 'Yến sào tinh chế Hòn Nội',
    variantName: 'Hộp 50 g',
    sku: 'YS-50',
    unit: 'hộp',
    category: 'food.bird_nest',
    supplyKind: 'goods',
    quantity,
    unitPrice,
    amount: String(BigInt(unitPrice) * BigInt(quantity)),
    ...over,
  };
}

/**
 * A cooperative's order of bird's nest (10%, 8% while reduced), honey (not subject to VAT) and
 * a sedge mat (5%), delivered for 30 000 đ; `legalForm` and the lines can be changed.
 */
export function snapshot(
  over: { legalForm?: LegalForm; sellerId?: string; buyerId?: string; lines?: OrderLineSnapshot[] } = {},
): OrderSnapshot {
  const lines = over.lines ?? [
    line(),
    line({
      name: 'Mật ong hoa cà phê',
      variantName: null,
      sku: null,
      unit: 'chai',
      category: 'food.honey',
      quantity: 1,
      unitPrice: '185000',
    }),
    line({
      name: 'Chiếu cói Nga Sơn',
      variantName: null,
      sku: 'CC-1',
      unit: 'chiếc',
      category: 'crafts.rattan_sedge',
      quantity: 1,
      unitPrice: '420000',
    }),
  ];
  const shippingFee = '30000';
  const subtotal = lines.reduce((s, l) => s + BigInt(l.amount), 0n);
  return {
    orderId: uuidv7(),
    code: code(),
    checkoutId: uuidv7(),
    placedAt: '2026-11-18T03:00:00.000Z',
    buyer: {
      userId: over.buyerId ?? uuidv7(),
      name: 'Trần Văn Bình',
      phone: '0905123456',
      email: 'binh@example.vn',
      address: '45 Lê Lợi, Phường Nha Trang, Khánh Hòa',
      communeCode: '22333',
      provinceCode: '56',
      taxCode: null,
    },
    seller: {
      sellerId: over.sellerId ?? uuidv7(),
      name: 'Hợp tác xã Yến sào Cam Lâm',
      legalForm: over.legalForm ?? 'cooperative',
      taxCode: '4201234566',
      address: 'Thôn Tân Hải, Xã Cam Lâm, Khánh Hòa',
      phone: '0258 3822 222',
      email: 'htx.yensao@example.vn',
    },
    lines,
    deliveryMethod: 'seller_delivery',
    shippingFee,
    paymentMethod: 'vietqr',
    total: String(subtotal + BigInt(shippingFee)),
  };
}

export function completed(order: OrderSnapshot, completedAt = '2026-11-20T02:00:00.000Z'): OrderCompleted {
  return { order, completedAt, paidThroughPlatform: true };
}

/** The first line of the order returned in part (`quantity` of it), its money given back. */
export function returned(
  order: OrderSnapshot,
  quantity = 1,
  returnedAt = '2026-11-25T04:00:00.000Z',
): OrderReturned {
  const l = order.lines[0];
  const back = { ...l, quantity, amount: String(BigInt(l.unitPrice) * BigInt(quantity)) };
  return { order, lines: [back], amount: back.amount, returnedAt };
}
