import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertDocumented,
  auditsOf,
  Client,
  type SignedIn,
  signedIn,
  type TestApp,
  testApp,
} from '../../../test/helpers.js';
import { bearer } from '../sellers/console-test-fixtures.js';
import { bringTo, type OrderingShop, orderingShop, placeOrder } from './test-fixtures.js';
import type { Order } from './transitions.js';

/**
 * Who sees and moves an order: its buyer, the members of its shop, officers (any order, read;
 * a disputed return, decided). Everyone else finds no such order; the wrong role is refused.
 */
type Who = 'anonymous' | 'buyer' | 'other buyer' | 'owner' | 'staff' | 'other shop' | 'officer' | 'admin';

let t: TestApp;
let shop: OrderingShop;
let buyer: SignedIn;
let order: Order;
const clients = {} as Record<Who, Client>;
before(async () => {
  t = await testApp();
  shop = await orderingShop(t);
  const other = await orderingShop(t);
  buyer = await signedIn(t, 'buyer', 'Người Mua Chính');
  order = await placeOrder(t, shop, buyer, { method: 'cod' });
  clients.anonymous = new Client(t.app);
  clients.buyer = buyer.client;
  clients['other buyer'] = (await signedIn(t, 'buyer')).client;
  clients.owner = shop.owner.client;
  clients.staff = shop.staff.client;
  clients['other shop'] = other.owner.client;
  clients.officer = (await signedIn(t, 'officer')).client;
  clients.admin = (await signedIn(t, 'admin')).client;
});
after(() => t.close());

const everyone = Object.keys({
  anonymous: 0,
  buyer: 0,
  'other buyer': 0,
  owner: 0,
  staff: 0,
  'other shop': 0,
  officer: 0,
  admin: 0,
}) as Who[];

/** Expected status of a page and of its JSON twin, per viewer. */
function expect(who: Who, allowed: Who[], api: boolean, denied = 404) {
  if (who === 'anonymous') return api ? 401 : 302;
  return allowed.includes(who) ? 200 : denied;
}

test('reading an order: the buyer on the buyer side, the shop on the seller side, officers on the console', async () => {
  const c = order.code;
  const views: [string, Who[], boolean, number?][] = [
    [`/don-hang/${c}`, ['buyer'], false],
    [`/api/v1/orders/${c}`, ['buyer'], true],
    [`/kenh-ban-hang/don-hang/${c}`, ['owner', 'staff'], false],
    [`/kenh-ban-hang/don-hang/${c}/phieu-dong-goi`, ['owner', 'staff'], false],
    [`/api/v1/seller/orders/${c}`, ['owner', 'staff'], true],
    [`/quan-ly/don-hang/${c}`, ['officer', 'admin'], false, 403],
    [`/api/v1/officer/orders/${c}`, ['officer', 'admin'], true, 403],
  ];
  for (const [url, allowed, api, denied] of views)
    for (const who of everyone) {
      const res = await clients[who].get(url);
      assert.equal(res.statusCode, expect(who, allowed, api, denied), `${who} GET ${url}`);
      if (who === 'anonymous' && !api)
        assert.equal(res.headers.location, `/dang-nhap?next=${encodeURIComponent(url)}`);
    }
  // The lists show each viewer their own.
  for (const who of everyone) {
    const mine = await clients[who].get('/api/v1/orders');
    if (who === 'anonymous') assert.equal(mine.statusCode, 401);
    else
      assert.equal(
        mine.json().items.some((i: { code: string }) => i.code === c),
        who === 'buyer',
        `${who} lists it as theirs`,
      );
  }
  const shopList = await clients['other shop'].get('/api/v1/seller/orders');
  assert.equal(shopList.json().total, 0);
  assert.equal(
    (await clients.staff.get(`/api/v1/seller/orders?sellerId=${shop.seller.id}`)).json().total >= 1,
    true,
  );
  assert.equal(
    (await clients['other shop'].get(`/api/v1/seller/orders?sellerId=${shop.seller.id}`)).statusCode,
    404,
  );
  assert.equal((await clients.buyer.get('/kenh-ban-hang/don-hang')).headers.location, '/kenh-ban-hang');
  assert.match((await clients.buyer.get('/tai-khoan')).body, /<a href="\/don-hang">Đơn hàng của tôi<\/a>/);
});

test('moving an order: each side only through its own door, each action only by the side the table names', async () => {
  for (const who of everyone) {
    const o = await placeOrder(t, shop, buyer, { method: 'cod' });
    const cancel = await clients[who].json('POST', `/api/v1/orders/${o.code}/transitions`, {
      action: 'cancel',
      reason: `Hủy bởi ${who}`,
    });
    assert.equal(cancel.statusCode, expect(who, ['buyer'], true), `${who} cancels as buyer`);
    const confirm = await clients[who].json('POST', `/api/v1/seller/orders/${o.code}/transitions`, {
      action: 'confirm',
    });
    const seller = who === 'owner' || who === 'staff';
    assert.equal(confirm.statusCode, seller ? 200 : expect(who, [], true), `${who} confirms as seller`);
    const form = await clients[who].form(`/kenh-ban-hang/don-hang/${o.code}/deliver`, {});
    assert.equal(form.statusCode, who === 'anonymous' ? 401 : seller ? 409 : 404, `${who} delivers by form`);
  }
  // The buyer side offers no seller step, the seller side no buyer step (unknown: 422 by the API, 404 by form).
  const o = await placeOrder(t, shop, buyer, { method: 'cod' });
  const wrongDoor = await buyer.client.json('POST', `/api/v1/orders/${o.code}/transitions`, {
    action: 'confirm',
  });
  assert.equal(wrongDoor.statusCode, 422);
  assert.equal(
    (await shop.owner.client.form(`/kenh-ban-hang/don-hang/${o.code}/complete`, {})).statusCode,
    404,
  );
  assert.equal((await buyer.client.form(`/don-hang/${o.code}/expire`, {})).statusCode, 404);
});

test('a disputed return: the shop or an officer decides, an officer’s decision is audited; buyers and other shops cannot', async () => {
  for (const who of everyone) {
    const o = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'cod' }), 'return_requested', {
      shop,
      buyer,
    });
    const res = await clients[who].json('POST', `/api/v1/officer/orders/${o.code}/transitions`, {
      action: 'reject_return',
      reason: 'Hàng đúng mô tả, ảnh người mua gửi không cho thấy lỗi',
    });
    assert.equal(res.statusCode, expect(who, ['officer', 'admin'], true, 403), `${who} decides as officer`);
    if (res.statusCode === 200) {
      const [audit] = await auditsOf(t, o.id, 'order.reject_return');
      assert.equal(audit.reason, 'Hàng đúng mô tả, ảnh người mua gửi không cho thấy lỗi');
      const history = res.json().history;
      assert.equal(history.at(-1).by, 'Cán bộ Sở');
    }
  }
  const o = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'cod' }), 'return_requested', {
    shop,
    buyer,
  });
  const byForm = await clients.officer.form(`/quan-ly/don-hang/${o.code}/accept_return`, {});
  assert.equal(byForm.statusCode, 303);
  assert.equal((await auditsOf(t, o.id, 'order.accept_return')).length, 1);
  // Officers read; they take no other step.
  const other = await placeOrder(t, shop, buyer, { method: 'cod' });
  assert.equal(
    (await clients.officer.form(`/quan-ly/don-hang/${other.code}/cancel`, { reason: 'x' })).statusCode,
    404,
  );
});

test('tokens: read to look; seller:write to move the shop’s orders; buyer:write for one’s own', async () => {
  const o = await placeOrder(t, shop, buyer, { method: 'cod' });
  const ownerRead = await bearer(t, shop.owner.user.id, ['read']);
  const anon = new Client(t.app);
  assert.equal(
    (await anon.json('GET', `/api/v1/seller/orders/${o.code}`, undefined, ownerRead)).statusCode,
    200,
  );
  const confirm = { action: 'confirm' };
  const url = `/api/v1/seller/orders/${o.code}/transitions`;
  assert.equal((await anon.json('POST', url, confirm, ownerRead)).statusCode, 403);
  const ownerWrite = await bearer(t, shop.owner.user.id, ['seller:write']);
  assert.equal((await anon.json('POST', url, confirm, ownerWrite)).statusCode, 200);
  const buyerRead = await bearer(t, buyer.user.id, ['read']);
  assert.equal((await anon.json('GET', `/api/v1/orders/${o.code}`, undefined, buyerRead)).statusCode, 200);
  const cancel = { action: 'cancel', reason: 'Qua API' };
  assert.equal(
    (await anon.json('POST', `/api/v1/orders/${o.code}/transitions`, cancel, buyerRead)).statusCode,
    403,
  );
  // The shop has confirmed that one; the buyer's program cancels a new one.
  const mine = await placeOrder(t, shop, buyer, { method: 'cod' });
  const buyerWrite = await bearer(t, buyer.user.id, ['buyer:write']);
  const cancelled = await anon.json('POST', `/api/v1/orders/${mine.code}/transitions`, cancel, buyerWrite);
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.equal(cancelled.json().status, 'cancelled');
});

test('the order API is in the OpenAPI document; the pages are not', async () => {
  await assertDocumented(
    t,
    [
      '/api/v1/orders',
      '/api/v1/orders/{code}',
      '/api/v1/orders/{code}/transitions',
      '/api/v1/seller/orders',
      '/api/v1/seller/orders/{code}',
      '/api/v1/seller/orders/{code}/transitions',
      '/api/v1/officer/orders/{code}',
      '/api/v1/officer/orders/{code}/transitions',
    ],
    ['/don-hang/{code}'],
  );
});
