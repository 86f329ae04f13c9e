import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { ValidationError } from '../../platform/http/errors.js';
import { outbox } from '../../platform/jobs/schema.js';
import { paymentsOf } from '../payments/index.js';
import { placeCheckout } from './checkout.js';
import { sellingShop } from './checkout-test-fixtures.js';
import type { OrderSnapshot } from './events.js';
import { orders } from './schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const hidden = (body: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';
const contact = {
  recipientName: 'Võ Thị Mua',
  phone: '0905123456',
  provinceCode: '56',
  communeCode: '22333',
  street: '25 Lê Thánh Tôn',
};
const checked = (body: string, sellerId: string) =>
  new RegExp(`name="payment-${sellerId}" value="(\\w+)" checked`).exec(body)?.[1];

test("one checkout, each shop's order paid its own way: VietQR for one, VNPAY for the other", async () => {
  const a = await sellingShop(t, { price: 400_000 });
  const b = await sellingShop(t, { price: 90_000 });
  const buyer = await signedIn(t);
  const c = buyer.client;
  for (const s of [a, b])
    await c.json('POST', '/api/v1/cart/items', { variantId: s.variant.id, quantity: 2 });

  const page = await c.get('/thanh-toan-don');
  assert.deepEqual([checked(page.body, a.seller.id), checked(page.body, b.seller.id)], ['cod', 'cod']);
  const placed = await c.form('/thanh-toan-don', {
    ...contact,
    key: hidden(page.body, 'key'),
    seen: hidden(page.body, 'seen'),
    [`delivery-${a.seller.id}`]: 'seller_delivery',
    [`delivery-${b.seller.id}`]: 'seller_delivery',
    [`payment-${a.seller.id}`]: 'vietqr',
    [`payment-${b.seller.id}`]: 'vnpay',
  });
  assert.equal(placed.statusCode, 303, placed.body);

  const made = await t.db
    .select()
    .from(orders)
    .where(eq(orders.buyerId, buyer.user.id))
    .orderBy(asc(orders.id));
  assert.deepEqual(
    made.map((o) => [o.sellerId, o.status, o.paymentMethod, o.snapshot.paymentMethod, o.total]),
    [
      [a.seller.id, 'awaiting_payment', 'vietqr', 'vietqr', 830_000n],
      [b.seller.id, 'awaiting_payment', 'vnpay', 'vnpay', 210_000n],
    ],
  );
  for (const o of made) assert.ok(o.payBy, 'both are paid online: both have a deadline');
  const intents = await paymentsOf(
    t.db,
    made.map((o) => o.id),
  );
  assert.deepEqual(
    made.map((o) => [intents.get(o.id)?.method, intents.get(o.id)?.status, intents.get(o.id)?.amountDue]),
    [
      ['vietqr', 'pending', 830_000n],
      ['vnpay', 'pending', 210_000n],
    ],
  );
  const events = (await t.db.select().from(outbox).where(eq(outbox.topic, 'order.placed')))
    .map((e) => (e.payload as { order: OrderSnapshot }).order)
    .filter((o) => o.buyer.userId === buyer.user.id);
  assert.deepEqual(
    made.map((o) => events.find((e) => e.orderId === o.id)?.paymentMethod),
    ['vietqr', 'vnpay'],
  );
  const done = await c.get(String(placed.headers.location));
  for (const [o, label] of [
    [made[0], 'Chuyển khoản ngân hàng bằng mã VietQR'],
    [made[1], 'Thẻ ngân hàng hoặc ví điện tử qua VNPAY'],
  ] as const) {
    assert.match(done.body, new RegExp(`<tr data-id="${o.code}">[\\s\\S]*?<td>${label}</td>`));
    assert.match(done.body, new RegExp(`href="/thanh-toan/${o.code}"`));
  }

  // The next checkout offers the method of the latest order first.
  for (const s of [a, b])
    await c.json('POST', '/api/v1/cart/items', { variantId: s.variant.id, quantity: 1 });
  const next = await c.get('/thanh-toan-don');
  assert.deepEqual([checked(next.body, a.seller.id), checked(next.body, b.seller.id)], ['vnpay', 'vnpay']);
});

test('the API: a per-shop method wins over the top-level one, which serves the other shops', async () => {
  const a = await sellingShop(t);
  const b = await sellingShop(t, { rule: null });
  const buyer = await signedIn(t);
  const c = buyer.client;
  for (const s of [a, b])
    await c.json('POST', '/api/v1/cart/items', { variantId: s.variant.id, quantity: 1 });

  const halfChosen = await c.json(
    'POST',
    '/api/v1/checkout',
    { ...contact, sellers: [{ sellerId: a.seller.id, payment: 'vnpay' }] },
    { 'idempotency-key': 'per-shop-1' },
  );
  assert.equal(halfChosen.statusCode, 422);
  assert.deepEqual(halfChosen.json().error.fields, [
    { field: `payment-${b.seller.id}`, message: 'Vui lòng chọn một giá trị trong danh sách.' },
  ]);
  const wrong = await c.json(
    'POST',
    '/api/v1/checkout',
    { ...contact, paymentMethod: 'cod', sellers: [{ sellerId: a.seller.id, payment: 'cash' }] },
    { 'idempotency-key': 'per-shop-2' },
  );
  assert.deepEqual(
    wrong.json().error.fields.map((f: { field: string }) => f.field),
    [`payment-${a.seller.id}`],
  );
  // Where VNPAY is not set up: refused where it was asked, once for the shared method.
  const off = async (input: Record<string, unknown>) => {
    const config = { ...t.app.deps.config.buying, vnpay: undefined };
    const buyerOf = { id: buyer.user.id, email: buyer.user.email };
    const err = await placeCheckout(t.db, { buyer: buyerOf, key: 'vnpay-off-1', input, config }).catch(
      (e: unknown) => e,
    );
    assert.ok(err instanceof ValidationError);
    return err.fields.map((f) => [f.field, f.key]);
  };
  assert.deepEqual(await off({ ...contact, paymentMethod: 'vnpay' }), [
    ['paymentMethod', 'checkout.vnpay_off'],
  ]);
  assert.deepEqual(
    await off({ ...contact, paymentMethod: 'cod', sellers: [{ sellerId: b.seller.id, payment: 'vnpay' }] }),
    [[`payment-${b.seller.id}`, 'checkout.vnpay_off']],
  );

  const res = await c.json(
    'POST',
    '/api/v1/checkout',
    { ...contact, paymentMethod: 'cod', sellers: [{ sellerId: a.seller.id, payment: 'vnpay' }] },
    { 'idempotency-key': 'per-shop-3' },
  );
  assert.equal(res.statusCode, 201, res.body);
  const placed = res.json().orders as {
    id: string;
    sellerId: string;
    status: string;
    paymentMethod: string;
  }[];
  assert.deepEqual(
    placed.map((o) => [o.sellerId, o.status, o.paymentMethod]),
    [
      [a.seller.id, 'awaiting_payment', 'vnpay'],
      [b.seller.id, 'placed', 'cod'],
    ],
  );
  const intents = await paymentsOf(
    t.db,
    placed.map((o) => o.id),
  );
  const rows = await t.db.select().from(orders).where(eq(orders.checkoutId, res.json().checkoutId));
  for (const o of placed) {
    assert.equal(intents.get(o.id)?.method, o.paymentMethod);
    assert.equal(rows.find((r) => r.id === o.id)?.snapshot.paymentMethod, o.paymentMethod);
  }
});
