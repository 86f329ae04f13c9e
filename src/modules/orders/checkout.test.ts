import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { outbox } from '../../platform/jobs/schema.js';
import { paymentsOf } from '../payments/index.js';
import { sellingShop, stockOf, variantsOf } from './checkout-test-fixtures.js';
import type { OrderSnapshot } from './events.js';
import { cartItems, orderLines, orders, orderTransitions } from './schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const hidden = (body: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';
const address = { provinceCode: '56', communeCode: '22333', street: '25 Lê Thánh Tôn' };

test('a visitor checks out after signing in: one order per shop, all recorded in one go', async () => {
  const a = await sellingShop(t, { stock: 10, price: 1_250_000 });
  const b = await sellingShop(t, { rule: null, stock: 4, price: 95_000 });
  const visitor = new Client(t.app);
  for (const [v, q] of [
    [a.variant.id, '2'],
    [b.variant.id, '3'],
  ])
    await visitor.request('POST', '/gio-hang/them/khach', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      payload: new URLSearchParams({ variantId: v, quantity: q }).toString(),
    });
  const gate = await visitor.get('/thanh-toan-don');
  assert.equal(gate.statusCode, 302);
  assert.equal(gate.headers.location, '/dang-nhap?next=%2Fthanh-toan-don');

  const buyer = await signedIn(t, 'buyer', 'Trần Văn Mua');
  visitor.cookies.set('sid', buyer.client.cookies.get('sid')!);
  const page = await visitor.get('/thanh-toan-don');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /value="Trần Văn Mua"/);
  assert.match(page.body, /Gian hàng giao đến địa chỉ trên – phí giao hàng 30\.000 ₫/);
  assert.match(page.body, /Nhận tại cửa hàng: 12 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa/);
  assert.match(page.body, /Tổng thanh toán<\/dt>\s*<dd><strong class="price big">2\.815\.000 ₫/);
  for (const s of [a, b])
    assert.match(
      page.body,
      new RegExp(`name="payment-${s.seller.id}" value="cod" checked`),
      "a first order: each shop's payment starts at cash on delivery",
    );
  const key = hidden(page.body, 'key');
  const seen = hidden(page.body, 'seen');
  assert.match(key, /^[0-9a-f-]{36}$/);
  assert.equal(seen.split(',').length, 2);

  const form = {
    key,
    seen,
    recipientName: 'Trần Văn Mua',
    phone: '',
    ...address,
    [`delivery-${a.seller.id}`]: 'seller_delivery',
    [`note-${a.seller.id}`]: 'Giao giờ hành chính',
    [`delivery-${b.seller.id}`]: 'pickup',
    [`payment-${a.seller.id}`]: 'vietqr',
  };
  const missing = await visitor.form('/thanh-toan-don', form);
  assert.equal(missing.statusCode, 422);
  assert.match(missing.body, /Số điện thoại: /);
  assert.match(
    missing.body,
    new RegExp(`href="#f-payment-${b.seller.id}">${b.seller.shopName} – Cách thanh toán: Vui lòng chọn`),
  );
  assert.match(missing.body, new RegExp(`name="payment-${a.seller.id}" value="vietqr" checked`));
  assert.match(missing.body, />Giao giờ hành chính</, 'what was typed is kept');
  assert.equal(hidden(missing.body, 'key'), key, 'the same key: a later success is still one checkout');

  const placed = await visitor.form('/thanh-toan-don', {
    ...form,
    phone: '0905 123 456',
    [`payment-${b.seller.id}`]: 'vietqr',
  });
  assert.equal(placed.statusCode, 303, placed.body);
  const done = String(placed.headers.location);
  assert.match(done, /^\/thanh-toan-don\/xong\/[0-9a-f-]{36}$/);
  const again = await visitor.form('/thanh-toan-don', {
    ...form,
    phone: '0905 123 456',
    [`payment-${b.seller.id}`]: 'vietqr',
  });
  assert.equal(again.headers.location, done, 'a second submit of the same form makes nothing new');

  const made = await t.db
    .select()
    .from(orders)
    .where(eq(orders.buyerId, buyer.user.id))
    .orderBy(asc(orders.id));
  assert.equal(made.length, 2);
  const [oa, ob] = made;
  assert.equal(oa.sellerId, a.seller.id);
  assert.match(oa.code, /^DH[0-9A-HJKMNP-TV-Z]{8}$/);
  assert.deepEqual(
    made.map((o) => [
      o.status,
      o.paymentMethod,
      o.deliveryMethod,
      o.subtotal,
      o.shippingFee,
      o.total,
      o.note,
    ]),
    [
      [
        'awaiting_payment',
        'vietqr',
        'seller_delivery',
        2_500_000n,
        30_000n,
        2_530_000n,
        'Giao giờ hành chính',
      ],
      ['awaiting_payment', 'vietqr', 'pickup', 285_000n, 0n, 285_000n, ''],
    ],
  );
  const minutes = (oa.payBy!.getTime() - oa.placedAt.getTime()) / 60_000;
  assert.equal(minutes, t.app.deps.config.buying.paymentMinutes);
  const expected: OrderSnapshot = {
    orderId: oa.id,
    code: oa.code,
    checkoutId: oa.checkoutId,
    placedAt: oa.placedAt.toISOString(),
    buyer: {
      userId: buyer.user.id,
      name: 'Trần Văn Mua',
      phone: '0905123456',
      email: buyer.user.email,
      address: '25 Lê Thánh Tôn, Phường Bắc Nha Trang, Tỉnh Khánh Hòa',
      communeCode: '22333',
      provinceCode: '56',
      taxCode: null,
    },
    seller: {
      sellerId: a.seller.id,
      name: a.seller.shopName,
      legalForm: 'household',
      taxCode: a.seller.taxCode,
      address: '12 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa',
      phone: a.seller.phone,
      email: a.seller.email,
    },
    lines: [
      {
        productId: a.product.id,
        variantId: a.variant.id,
        name: 'Yến sào tinh chế Hòn Nội',
        variantName: null,
        sku: 'YS-50',
        unit: 'hộp',
        category: 'food.bird_nest',
        supplyKind: 'goods',
        quantity: 2,
        unitPrice: '1250000',
        amount: '2500000',
      },
    ],
    deliveryMethod: 'seller_delivery',
    shippingFee: '30000',
    paymentMethod: 'vietqr',
    total: '2530000',
  };
  assert.deepEqual(oa.snapshot, expected);
  assert.equal(ob.snapshot.deliveryMethod, 'pickup');

  const lines = await t.db
    .select()
    .from(orderLines)
    .where(inArray(orderLines.orderId, [oa.id, ob.id]));
  assert.deepEqual(
    lines.map((l) => [l.variantId, l.quantity, l.unitPrice, l.amount]).sort(),
    [
      [a.variant.id, 2, 1_250_000n, 2_500_000n],
      [b.variant.id, 3, 95_000n, 285_000n],
    ].sort(),
  );
  const history = await t.db
    .select()
    .from(orderTransitions)
    .where(inArray(orderTransitions.orderId, [oa.id, ob.id]));
  assert.deepEqual(
    history.map((h) => [h.fromStatus, h.toStatus, h.actorId]),
    [
      [null, 'awaiting_payment', buyer.user.id],
      [null, 'awaiting_payment', buyer.user.id],
    ],
  );
  const payments = await paymentsOf(t.db, [oa.id, ob.id]);
  assert.deepEqual(
    [oa, ob].map((o) => [
      payments.get(o.id)?.method,
      payments.get(o.id)?.status,
      payments.get(o.id)?.amountDue,
    ]),
    [
      ['vietqr', 'pending', 2_530_000n],
      ['vietqr', 'pending', 285_000n],
    ],
  );
  const events = await t.db.select().from(outbox).where(eq(outbox.topic, 'order.placed'));
  const placedEvents = events.map((e) => (e.payload as { order: OrderSnapshot }).order);
  const mine = placedEvents.filter((o) => o.buyer.userId === buyer.user.id);
  assert.equal(mine.length, 2);
  assert.deepEqual(
    mine.find((o) => o.orderId === oa.id),
    expected,
  );
  assert.equal(await stockOf(t, a.variant.id), 8);
  assert.equal(await stockOf(t, b.variant.id), 1);
  assert.equal(
    (
      await t.db
        .select()
        .from(cartItems)
        .where(eq(cartItems.owner, `u:${buyer.user.id}`))
    ).length,
    0,
  );

  const confirmation = await visitor.get(done);
  assert.equal(confirmation.statusCode, 200);
  for (const o of made) {
    assert.match(confirmation.body, new RegExp(`href="/thanh-toan/${o.code}"`));
    assert.match(confirmation.body, new RegExp(`href="/don-hang/${o.code}"`));
  }
  assert.equal(
    (await (await signedIn(t)).client.get(done)).statusCode,
    404,
    "another buyer's checkout is not shown",
  );
});

test('cash on delivery, an invoice to a business, a service product, fees by weight', async () => {
  const a = await sellingShop(t, {
    rule: { mode: 'weight', baseFee: 25_000n, perKgFee: 5_000n },
    price: 100_000,
    stock: 20,
  });
  const { product } = await a.published({
    name: 'Tour lặn ngắm san hô Hòn Mun',
    category: 'tourism.tour',
    unit: 'vé',
    weightGrams: '',
    ocopGroup: '',
    ocopStars: '',
    ocopCertificateNo: '',
    ocopIssuedOn: '',
    isKeyProduct: '',
    certifications: [],
    variants: [{ name: 'Người lớn', sku: 'NL', price: '650.000', stock: '20' }],
  });
  const [tour] = await variantsOf(t, product.id);
  const buyer = await signedIn(t);
  const c = buyer.client;
  await c.json('POST', '/api/v1/cart/items', { variantId: a.variant.id, quantity: 15 });
  await c.json('POST', '/api/v1/cart/items', { variantId: tour.id, quantity: 2 });
  // 15 boxes of 100 g: 1.5 kg, so the first kilogram and one more.
  const q = (await c.json('GET', '/api/v1/checkout')).json();
  assert.equal(q.shops[0].shippingFee, 30_000);

  const body = {
    recipientName: 'Lê Thị Mua',
    phone: '+84 905 123 456',
    ...address,
    paymentMethod: 'cod',
    invoice: true,
    companyName: 'Công ty TNHH Du lịch Biển Xanh',
    taxCode: '0100109106-002',
  };
  const bad = await c.json(
    'POST',
    '/api/v1/checkout',
    { ...body, taxCode: '0100109107' },
    { 'idempotency-key': 'k-bad-tax-1' },
  );
  assert.equal(bad.statusCode, 422);
  assert.deepEqual(
    bad.json().error.fields.map((f: { field: string }) => f.field),
    ['taxCode'],
  );
  const res = await c.json('POST', '/api/v1/checkout', body, { 'idempotency-key': 'k-cod-0001' });
  assert.equal(res.statusCode, 201, res.body);
  const [o] = res.json().orders;
  assert.deepEqual(
    [o.status, o.paymentMethod, o.payBy, o.paymentPath, o.total],
    ['placed', 'cod', null, null, 2_830_000],
  );
  const [row] = await t.db.select().from(orders).where(eq(orders.id, o.id));
  assert.equal(row.snapshot.buyer.name, 'Công ty TNHH Du lịch Biển Xanh');
  assert.equal(row.snapshot.buyer.taxCode, '0100109106-002');
  assert.equal(row.snapshot.buyer.phone, '0905123456');
  assert.deepEqual(
    row.snapshot.lines.map((l) => [l.name, l.unit, l.supplyKind]),
    [
      ['Yến sào tinh chế Hòn Nội', 'hộp', 'goods'],
      ['Tour lặn ngắm san hô Hòn Mun', 'vé', 'services'],
    ],
  );
  const [h] = await t.db.select().from(orderTransitions).where(eq(orderTransitions.orderId, o.id));
  assert.deepEqual([h.fromStatus, h.toStatus], [null, 'placed']);
  assert.equal((await paymentsOf(t.db, [o.id])).get(o.id)?.method, 'cod');
});

test('a price changed between the review and the order is checked again and shown', async () => {
  const a = await sellingShop(t, { price: 1_250_000 });
  const buyer = await signedIn(t);
  await buyer.client.json('POST', '/api/v1/cart/items', { variantId: a.variant.id, quantity: 1 });
  const page = await buyer.client.get('/thanh-toan-don');
  await t.db.execute(sql`UPDATE product_variants SET price = 1300000 WHERE id = ${a.variant.id}`);
  const form = {
    key: hidden(page.body, 'key'),
    seen: hidden(page.body, 'seen'),
    recipientName: 'Người Mua',
    phone: '0905123456',
    ...address,
    paymentMethod: 'cod',
    [`delivery-${a.seller.id}`]: 'seller_delivery',
  };
  const refused = await buyer.client.form('/thanh-toan-don', form);
  assert.equal(refused.statusCode, 422);
  assert.match(
    refused.body,
    /Giá của “Yến sào tinh chế Hòn Nội” đã đổi từ 1\.250\.000 ₫ thành 1\.300\.000 ₫/,
  );
  assert.match(refused.body, /<td>1\.300\.000 ₫<\/td>/, 'the review shows the new price');
  assert.equal((await t.db.select().from(orders).where(eq(orders.buyerId, buyer.user.id))).length, 0);
  assert.equal(await stockOf(t, a.variant.id), 10);

  const accepted = await buyer.client.form('/thanh-toan-don', {
    ...form,
    seen: hidden(refused.body, 'seen'),
  });
  assert.equal(accepted.statusCode, 303);
  const [o] = await t.db.select().from(orders).where(eq(orders.buyerId, buyer.user.id));
  assert.equal(o.subtotal, 1_300_000n);

  // The API says the same when it sends the lines it reviewed.
  await buyer.client.json('POST', '/api/v1/cart/items', { variantId: a.variant.id, quantity: 2 });
  const res = await buyer.client.json(
    'POST',
    '/api/v1/checkout',
    {
      ...form,
      key: undefined,
      seen: undefined,
      expected: [{ variantId: a.variant.id, quantity: 2, unitPrice: 1_250_000 }],
    },
    { 'idempotency-key': 'k-price-api-1' },
  );
  assert.equal(res.statusCode, 422);
  assert.deepEqual(res.json().error.fields, [
    {
      field: `line-${a.variant.id}`,
      message:
        'Giá của “Yến sào tinh chế Hòn Nội” đã đổi từ 1.250.000 ₫ thành 1.300.000 ₫; hãy kiểm tra rồi đặt hàng lần nữa.',
    },
  ]);
});
