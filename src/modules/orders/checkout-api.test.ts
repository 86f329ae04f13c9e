import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { bearer } from '../sellers/console-test-fixtures.js';
import { checkoutForm, sellingShop, stockOf } from './checkout-test-fixtures.js';
import { orders } from './schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

let keys = 0;
const key = () => ({ 'idempotency-key': `test-key-${++keys}-${Date.now()}` });
const fields = (res: { json(): { error: { fields: { field: string; message: string }[] } } }) =>
  Object.fromEntries(res.json().error.fields.map((f) => [f.field, f.message]));

test('zone fees follow the delivery address; a method the shop does not offer is refused', async () => {
  const zone = await sellingShop(t, {
    rule: { mode: 'zone', insideFee: 15_000n, outsideFee: 40_000n, pickup: false },
  });
  const none = await sellingShop(t, { rule: null });
  const buyer = await signedIn(t);
  const c = buyer.client;
  for (const s of [zone, none])
    await c.json('POST', '/api/v1/cart/items', { variantId: s.variant.id, quantity: 1 });

  const inside = (await c.json('GET', '/api/v1/checkout?provinceCode=56')).json();
  assert.deepEqual(
    inside.shops.map((s: { delivery: unknown; pickup: unknown; chosen: string; shippingFee: number }) => [
      s.delivery,
      s.pickup,
      s.chosen,
      s.shippingFee,
    ]),
    [
      [{ fee: 15_000 }, null, 'seller_delivery', 15_000],
      [null, { address: '12 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa' }, 'pickup', 0],
    ],
  );
  assert.deepEqual(inside.paymentMethods, ['cod', 'vietqr', 'vnpay']);
  const outside = (await c.json('GET', '/api/v1/checkout?provinceCode=01')).json();
  assert.equal(outside.shops[0].shippingFee, 40_000);
  assert.equal(outside.total, 1_250_000 * 2 + 40_000);

  const refused = await c.json(
    'POST',
    '/api/v1/checkout',
    {
      ...checkoutForm,
      sellers: [
        { sellerId: zone.seller.id, delivery: 'pickup' },
        { sellerId: none.seller.id, delivery: 'seller_delivery' },
      ],
    },
    key(),
  );
  assert.equal(refused.statusCode, 422);
  assert.deepEqual(
    Object.keys(fields(refused)).sort(),
    [`delivery-${none.seller.id}`, `delivery-${zone.seller.id}`].sort(),
  );

  // The page: the fees follow a change of province with the "update" button (no JavaScript needed).
  const page = await c.get('/thanh-toan-don');
  const refreshed = await c.form('/thanh-toan-don', {
    _refresh: '1',
    provinceCode: '01',
    communeCode: '',
    key: 'abcdefgh-1',
  });
  assert.equal(refreshed.statusCode, 200);
  assert.match(page.body, /phí giao hàng 15\.000 ₫/);
  assert.match(refreshed.body, /phí giao hàng 40\.000 ₫/);
  assert.match(refreshed.body, /Phường Ba Đình/, 'the communes of the chosen province');

  const placed = await c.json(
    'POST',
    '/api/v1/checkout',
    { ...checkoutForm, provinceCode: '01', communeCode: '00004' },
    key(),
  );
  assert.equal(placed.statusCode, 201, placed.body);
  assert.deepEqual(
    placed
      .json()
      .orders.map((o: { deliveryMethod: string; shippingFee: number }) => [o.deliveryMethod, o.shippingFee]),
    [
      ['seller_delivery', 40_000],
      ['pickup', 0],
    ],
  );
  const read = await c.json('GET', `/api/v1/checkouts/${placed.json().checkoutId}`);
  assert.deepEqual(read.json(), placed.json());
});

test('everything is checked: contact, address, payment, key, and each line against the catalog', async () => {
  const a = await sellingShop(t, { stock: 3 });
  const b = await sellingShop(t);
  const buyer = await signedIn(t);
  const c = buyer.client;

  const empty = await c.json('POST', '/api/v1/checkout', checkoutForm, key());
  assert.equal(empty.statusCode, 422);
  assert.equal(fields(empty)._, 'Giỏ hàng trống: không có gì để đặt.');
  assert.equal(
    (await c.get('/thanh-toan-don')).headers.location,
    '/gio-hang',
    'nothing to check out: back to the cart',
  );

  await c.json('POST', '/api/v1/cart/items', { variantId: a.variant.id, quantity: 3 });
  await c.json('POST', '/api/v1/cart/items', { variantId: b.variant.id, quantity: 1 });
  const noKey = await c.json('POST', '/api/v1/checkout', checkoutForm);
  assert.equal(noKey.statusCode, 422);
  assert.deepEqual(Object.keys(fields(noKey)), ['key']);

  const invalid = await c.json(
    'POST',
    '/api/v1/checkout',
    {
      recipientName: ' ',
      phone: '12345',
      provinceCode: '56',
      communeCode: '00004',
      street: 'x',
      paymentMethod: 'cash',
    },
    key(),
  );
  assert.equal(invalid.statusCode, 422);
  assert.deepEqual(
    Object.keys(fields(invalid)).sort(),
    ['paymentMethod', 'phone', 'recipientName', 'street'].sort(),
  );
  const commune = await c.json('POST', '/api/v1/checkout', { ...checkoutForm, communeCode: '00004' }, key());
  assert.deepEqual(Object.keys(fields(commune)), ['communeCode']);
  c.lang = 'en';
  const english = await c.json(
    'POST',
    '/api/v1/checkout',
    { ...checkoutForm, paymentMethod: undefined },
    key(),
  );
  assert.equal(fields(english).paymentMethod, 'Choose one of the values in the list.');
  c.lang = undefined;

  // Between the cart and the checkout: one line sold out elsewhere, the other's product hidden.
  await t.db.execute(sql`UPDATE product_variants SET stock = 0 WHERE id = ${a.variant.id}`);
  await t.db.execute(sql`UPDATE products SET status = 'hidden' WHERE id = ${b.product.id}`);
  const gone = await c.json('POST', '/api/v1/checkout', checkoutForm, key());
  assert.equal(gone.statusCode, 422);
  assert.deepEqual(fields(gone), {
    [`line-${a.variant.id}`]: '“Yến sào tinh chế Hòn Nội” đã hết hàng.',
    [`line-${b.variant.id}`]: '“Yến sào tinh chế Hòn Nội” không còn được bán; hãy bỏ khỏi giỏ hàng.',
  });
  const page = await c.get('/thanh-toan-don');
  assert.doesNotMatch(page.body, /<button type="submit">Đặt hàng<\/button>/);
  assert.match(page.body, /Hãy xóa hoặc sửa các dòng được đánh dấu/);
  await t.db.execute(sql`UPDATE product_variants SET stock = 2 WHERE id = ${a.variant.id}`);
  await c.json('DELETE', `/api/v1/cart/items/${b.variant.id}`);
  const short = await c.json('POST', '/api/v1/checkout', checkoutForm, key());
  assert.equal(
    fields(short)[`line-${a.variant.id}`],
    'Chỉ còn 2 hộp “Yến sào tinh chế Hòn Nội”; hãy giảm số lượng trong giỏ hàng.',
  );
  assert.equal((await t.db.select().from(orders).where(eq(orders.buyerId, buyer.user.id))).length, 0);
  assert.equal(await stockOf(t, a.variant.id), 2, 'nothing was reserved');
});

test('role matrix: buyers check out (a token with buyer:write); visitors sign in; officers, admins and other tokens may not', async () => {
  const a = await sellingShop(t);
  const visitor = new Client(t.app);
  assert.equal((await visitor.get('/thanh-toan-don')).statusCode, 302);
  assert.equal((await visitor.json('GET', '/api/v1/checkout')).statusCode, 401);
  assert.equal((await visitor.json('POST', '/api/v1/checkout', checkoutForm, key())).statusCode, 401);
  assert.equal((await visitor.form('/thanh-toan-don', checkoutForm)).statusCode, 401);
  assert.equal(
    (await visitor.json('GET', '/api/v1/checkouts/0190a000-0000-7000-8000-000000000000')).statusCode,
    401,
  );

  for (const role of ['officer', 'admin'] as const) {
    const staff = await signedIn(t, role);
    assert.equal((await staff.client.get('/thanh-toan-don')).statusCode, 403);
    assert.equal((await staff.client.json('GET', '/api/v1/checkout')).statusCode, 403);
    assert.equal((await staff.client.json('POST', '/api/v1/checkout', checkoutForm, key())).statusCode, 403);
  }

  const buyer = await signedIn(t);
  await buyer.client.json('POST', '/api/v1/cart/items', { variantId: a.variant.id, quantity: 1 });
  assert.equal((await buyer.client.get('/thanh-toan-don')).statusCode, 200);
  const forged = await buyer.client.form(
    '/thanh-toan-don',
    { ...checkoutForm, key: 'forged-123' },
    { csrf: false },
  );
  assert.equal(forged.statusCode, 403, 'the form needs its CSRF token');
  const token = await bearer(t, buyer.user.id, ['read', 'seller:write']);
  const viaToken = new Client(t.app);
  assert.equal((await viaToken.json('GET', '/api/v1/checkout', undefined, token)).statusCode, 200);
  assert.equal(
    (await viaToken.json('POST', '/api/v1/checkout', checkoutForm, { ...token, ...key() })).statusCode,
    403,
  );
  assert.equal(
    (await viaToken.json('POST', '/api/v1/cart/items', { variantId: a.variant.id, quantity: 1 }, token))
      .statusCode,
    403,
  );

  const placed = await buyer.client.json('POST', '/api/v1/checkout', checkoutForm, key());
  assert.equal(placed.statusCode, 201);
  const other = await signedIn(t);
  assert.equal(
    (await other.client.json('GET', `/api/v1/checkouts/${placed.json().checkoutId}`)).statusCode,
    404,
  );

  // A token the buyer makes on the token page with buyer:write fills the cart and checks out.
  const made = await buyer.client.form('/tai-khoan/token', {
    name: 'Ứng dụng đặt hàng',
    scopes: ['buyer:write'],
  });
  assert.equal(made.statusCode, 201);
  assert.match(made.body, /buyer:write: mua hàng/, 'the scope is offered with its label');
  const writer = { authorization: `Bearer ${/<code>(tmdt_[\w-]+)<\/code>/.exec(made.body)![1]}` };
  const program = new Client(t.app);
  const added = await program.json(
    'POST',
    '/api/v1/cart/items',
    { variantId: a.variant.id, quantity: 1 },
    writer,
  );
  assert.equal(added.statusCode, 200, added.body);
  const bought = await program.json('POST', '/api/v1/checkout', checkoutForm, { ...writer, ...key() });
  assert.equal(bought.statusCode, 201, bought.body);
  assert.equal(bought.json().orders.length, 1);
  assert.equal(bought.json().orders[0].total, 1_250_000 + 30_000);
});

test('the JSON twins are in the OpenAPI document', async () => {
  const doc = (await new Client(t.app).get('/api/docs/json')).json();
  for (const [path, method] of [
    ['/api/v1/cart', 'get'],
    ['/api/v1/cart/items', 'post'],
    ['/api/v1/cart/items/{variantId}', 'put'],
    ['/api/v1/cart/items/{variantId}', 'delete'],
    ['/api/v1/checkout', 'get'],
    ['/api/v1/checkout', 'post'],
    ['/api/v1/checkouts/{id}', 'get'],
    ['/api/v1/seller/shipping', 'get'],
    ['/api/v1/seller/shipping', 'put'],
  ])
    assert.ok(doc.paths[path]?.[method]?.summary, `${method} ${path}`);
  assert.ok(
    doc.paths['/api/v1/checkout'].post.parameters.some((p: { name: string }) => p.name === 'idempotency-key'),
  );
});
