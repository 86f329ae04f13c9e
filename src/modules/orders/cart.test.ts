import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { transitionProduct } from '../catalog/index.js';
import { bearer } from '../sellers/console-test-fixtures.js';
import { sellingShop } from './checkout-test-fixtures.js';
import { cartItems } from './schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const sameOrigin = { 'sec-fetch-site': 'same-origin' };
/** Posts the anonymous product page's form as a browser would (it says the post is same-origin). */
function addAsVisitor(
  c: Client,
  variantId: string,
  quantity: string,
  headers: Record<string, string> = sameOrigin,
) {
  const body = new URLSearchParams({ variantId, quantity }).toString();
  return c.request('POST', '/gio-hang/them/khach', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: body,
  });
}
const linesOf = (owner: string) =>
  t.db.select().from(cartItems).where(eq(cartItems.owner, owner)).orderBy(cartItems.variantId);

test('a visitor adds from the product page, sees lines by shop, changes a quantity within stock, removes', async () => {
  const a = await sellingShop(t, { stock: 5, price: 120_000 });
  const b = await sellingShop(t, { stock: 8, price: 45_000 });
  const visitor = new Client(t.app);

  const product = await visitor.get(`/san-pham/${a.product.slug}`);
  assert.match(product.body, /<form method="post" action="\/gio-hang\/them\/khach" class="add-to-cart">/);
  assert.doesNotMatch(product.body, /name="_csrf"/, 'an anonymous product page stays the same for everyone');
  assert.equal(product.headers['cache-control'], 'public, max-age=60');

  const added = await addAsVisitor(visitor, a.variant.id, '2');
  assert.equal(added.statusCode, 303);
  assert.equal(added.headers.location, '/gio-hang?done=added');
  const cookie = visitor.cookies.get('gio');
  assert.match(cookie ?? '', /^[A-Za-z0-9_-]{22}$/);
  assert.equal((await addAsVisitor(visitor, b.variant.id, '1')).statusCode, 303);
  assert.equal((await addAsVisitor(visitor, a.variant.id, '1')).statusCode, 303, 'adds to what is there');
  assert.deepEqual((await linesOf(`v:${cookie}`)).map((l) => l.quantity).sort(), [1, 3]);

  const page = await visitor.get('/gio-hang?done=added');
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['cache-control'], 'private, no-store');
  assert.match(page.body, /Đã thêm vào giỏ hàng/);
  assert.ok(
    page.body.indexOf(a.seller.shopName) < page.body.indexOf(b.seller.shopName),
    'one section a shop',
  );
  assert.match(page.body, /360\.000 ₫/, '3 × 120.000');
  assert.match(page.body, /Tổng tiền hàng: 405\.000 ₫/);
  assert.match(page.body, /href="\/thanh-toan-don"/);

  const tooMany = await visitor.form('/gio-hang/cap-nhat', { variantId: a.variant.id, quantity: '6' });
  assert.equal(tooMany.statusCode, 422);
  assert.match(tooMany.body, /Chỉ còn 5 hộp “Yến sào tinh chế Hòn Nội”/);
  const moreThanLeft = await addAsVisitor(visitor, a.variant.id, '3');
  assert.equal(moreThanLeft.statusCode, 422, '3 held + 3 more > 5 in stock');
  const set = await visitor.form('/gio-hang/cap-nhat', { variantId: a.variant.id, quantity: '5' });
  assert.equal(set.headers.location, '/gio-hang?done=updated');
  const bad = await visitor.form('/gio-hang/cap-nhat', { variantId: a.variant.id, quantity: '1,5' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Số lượng là số nguyên từ 1 đến 999/);

  // Stock sold elsewhere: the line says how many are left and the cart cannot be checked out.
  await t.db.execute(sql`UPDATE product_variants SET stock = 2 WHERE id = ${a.variant.id}`);
  const short = await visitor.get('/gio-hang');
  assert.match(short.body, /Chỉ còn 2 hộp: hãy giảm số lượng/);
  assert.doesNotMatch(short.body, /href="\/thanh-toan-don"/);
  assert.match(short.body, /Hãy xóa hoặc sửa các dòng được đánh dấu/);

  assert.equal(
    (await visitor.form('/gio-hang/xoa', { variantId: a.variant.id })).headers.location,
    '/gio-hang?done=removed',
  );
  assert.equal(
    (await visitor.form('/gio-hang/cap-nhat', { variantId: b.variant.id, quantity: '0' })).statusCode,
    303,
  );
  assert.match((await visitor.get('/gio-hang')).body, /Giỏ hàng của bạn đang trống/);
});

test('an add the browser does not vouch for is asked again with a token; forms need their token', async () => {
  const a = await sellingShop(t);
  const visitor = new Client(t.app);
  const unproven: Record<string, string>[] = [
    {},
    { 'sec-fetch-site': 'cross-site' },
    { origin: 'https://evil.example' },
  ];
  for (const headers of unproven) {
    const res = await addAsVisitor(visitor, a.variant.id, '2', headers);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Thêm 2 × “Yến sào tinh chế Hòn Nội” vào giỏ hàng của bạn\?/);
    assert.equal(visitor.cookies.get('gio'), undefined, 'nothing was added, no cart was made');
  }
  const token = /name="_csrf" value="([^"]+)"/.exec(
    (await addAsVisitor(visitor, a.variant.id, '2', {})).body,
  )![1];
  const confirmed = await visitor.form('/gio-hang/them', {
    _csrf: token,
    variantId: a.variant.id,
    quantity: '2',
  });
  assert.equal(confirmed.statusCode, 303);
  assert.deepEqual(
    (await linesOf(`v:${visitor.cookies.get('gio')}`)).map((l) => l.quantity),
    [2],
  );
  const origin = await addAsVisitor(visitor, a.variant.id, '1', { origin: 'http://localhost:3000' });
  assert.equal(origin.statusCode, 303, 'an older browser: Origin of this site');

  const forged = await visitor.form(
    '/gio-hang/them',
    { variantId: a.variant.id, quantity: '1' },
    { csrf: false },
  );
  assert.equal(forged.statusCode, 403);
  assert.equal(
    (await visitor.form('/gio-hang/xoa', { variantId: a.variant.id }, { csrf: false })).statusCode,
    403,
  );
  assert.deepEqual(
    (await linesOf(`v:${visitor.cookies.get('gio')}`)).map((l) => l.quantity),
    [3],
  );
});

test("a visitor's cart joins the account's at the next cart access: quantities add up, capped at stock", async () => {
  const a = await sellingShop(t, { stock: 5 });
  const b = await sellingShop(t, { stock: 9 });
  const buyer = await signedIn(t);
  // The account already holds 4 of A (from another device).
  assert.equal(
    (await buyer.client.json('POST', '/api/v1/cart/items', { variantId: a.variant.id, quantity: 4 }))
      .statusCode,
    200,
  );
  const page = await buyer.client.get(`/san-pham/${a.product.slug}`);
  assert.match(page.body, /action="\/gio-hang\/them" class="add-to-cart"><input type="hidden" name="_csrf"/);

  const visitor = new Client(t.app);
  await addAsVisitor(visitor, a.variant.id, '3');
  await addAsVisitor(visitor, b.variant.id, '2');
  const visitorOwner = `v:${visitor.cookies.get('gio')}`;
  // Signing in keeps the browser's cookies: the session joins them.
  visitor.cookies.set('sid', buyer.client.cookies.get('sid')!);
  const merged = await visitor.json('GET', '/api/v1/cart');
  assert.equal(merged.statusCode, 200);
  const lines = merged
    .json()
    .groups.flatMap((g: { lines: { variantId: string; quantity: number }[] }) => g.lines);
  assert.deepEqual(
    Object.fromEntries(lines.map((l: { variantId: string; quantity: number }) => [l.variantId, l.quantity])),
    { [a.variant.id]: 5, [b.variant.id]: 2 },
  );
  assert.equal(visitor.cookies.get('gio'), undefined, 'the visitor cookie goes');
  assert.equal((await linesOf(visitorOwner)).length, 0);
  // Merging twice at once cannot add the visitor's lines twice.
  const again = new Client(t.app);
  await addAsVisitor(again, b.variant.id, '3');
  again.cookies.set('sid', buyer.client.cookies.get('sid')!);
  await Promise.all([again.get('/gio-hang'), again.json('GET', '/api/v1/cart'), again.get('/gio-hang')]);
  const [bLine] = (await linesOf(`u:${buyer.user.id}`)).filter((l) => l.variantId === b.variant.id);
  assert.equal(bLine.quantity, 5);
});

test('products no longer published and shops not approved are shown as unavailable', async () => {
  const a = await sellingShop(t);
  const b = await sellingShop(t);
  const buyer = await signedIn(t);
  for (const s of [a, b])
    await buyer.client.json('POST', '/api/v1/cart/items', { variantId: s.variant.id, quantity: 1 });
  await transitionProduct(t.db, {
    productId: a.product.id,
    action: 'hide',
    actor: a.owner.actor,
    party: 'seller',
    publicUrl: 'http://localhost:3000',
  });
  await t.db.execute(sql`UPDATE sellers SET status = 'suspended' WHERE id = ${b.seller.id}`);
  const cart = (await buyer.client.json('GET', '/api/v1/cart')).json();
  assert.deepEqual(
    cart.groups.map((g: { lines: { problem: string }[] }) => g.lines[0].problem),
    ['unavailable', 'shop_unavailable'],
  );
  assert.equal(cart.ready, false);
  assert.equal(cart.total, 0);
  const page = await buyer.client.get('/gio-hang');
  assert.match(page.body, /Sản phẩm này không còn được bán/);
  assert.match(page.body, /Gian hàng đang tạm ngừng bán/);
  const refused = await buyer.client.json('POST', '/api/v1/cart/items', {
    variantId: a.variant.id,
    quantity: 1,
  });
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json().error.fields[0].message, 'Sản phẩm này không còn được bán.');
});

test('the JSON twin: add, set, remove; unknown variants; what a token may do', async () => {
  const a = await sellingShop(t, { stock: 3, price: 99_000 });
  const buyer = await signedIn(t);
  const c = buyer.client;
  const added = await c.json('POST', '/api/v1/cart/items', { variantId: a.variant.id });
  assert.equal(added.statusCode, 200);
  assert.deepEqual(added.json().groups[0].lines[0], {
    variantId: a.variant.id,
    productId: a.product.id,
    name: 'Yến sào tinh chế Hòn Nội',
    variantName: null,
    slug: a.product.slug,
    unit: 'hộp',
    unitPrice: 99_000,
    quantity: 1,
    amount: 99_000,
    problem: null,
    stockLeft: null,
  });
  const over = await c.json('PUT', `/api/v1/cart/items/${a.variant.id}`, { quantity: 4 });
  assert.equal(over.statusCode, 422);
  assert.equal(over.json().error.fields[0].message, 'Chỉ còn 3 hộp “Yến sào tinh chế Hòn Nội”.');
  assert.equal(
    (await c.json('PUT', `/api/v1/cart/items/${a.variant.id}`, { quantity: 3 })).json().total,
    297_000,
  );
  assert.equal((await c.json('PUT', '/api/v1/cart/items/nope', { quantity: 3 })).statusCode, 404);
  assert.equal(
    (await c.json('POST', '/api/v1/cart/items', { variantId: '0190a000-0000-7000-8000-000000000000' }))
      .statusCode,
    404,
  );
  assert.equal((await c.json('DELETE', `/api/v1/cart/items/${a.variant.id}`)).json().count, 0);

  const read = await bearer(t, buyer.user.id, ['read']);
  assert.equal((await new Client(t.app).json('GET', '/api/v1/cart', undefined, read)).statusCode, 200);
  const write = await new Client(t.app).json('POST', '/api/v1/cart/items', { variantId: a.variant.id }, read);
  assert.equal(write.statusCode, 403);
  // A visitor's JSON client gets a cart of its own.
  const visitor = new Client(t.app);
  assert.equal(
    (await visitor.json('POST', '/api/v1/cart/items', { variantId: a.variant.id, quantity: 2 })).json().count,
    2,
  );
  assert.equal((await visitor.json('GET', '/api/v1/cart')).json().count, 2);
});

test("visitors' carts older than their cookie are forgotten by the periodic task", async () => {
  const a = await sellingShop(t);
  const b = await sellingShop(t);
  await t.db.insert(cartItems).values([
    {
      owner: 'v:old-visitor-cart-000000',
      variantId: a.variant.id,
      quantity: 1,
      addedAt: new Date(Date.now() - 31 * 86_400_000),
    },
    { owner: 'v:old-visitor-cart-000000', variantId: b.variant.id, quantity: 1 },
    {
      owner: 'u:0190a000-0000-7000-8000-000000000001',
      variantId: a.variant.id,
      quantity: 1,
      addedAt: new Date(Date.now() - 400 * 86_400_000),
    },
  ]);
  assert.ok(t.app.periodic.names().includes('orders.forget_visitor_carts'));
  assert.equal(await t.app.periodic.run('orders.forget_visitor_carts'), 1);
  assert.deepEqual(
    (await linesOf('v:old-visitor-cart-000000')).map((l) => l.variantId),
    [b.variant.id],
  );
  assert.equal(
    (await linesOf('u:0190a000-0000-7000-8000-000000000001')).length,
    1,
    "an account's cart stays",
  );
});
