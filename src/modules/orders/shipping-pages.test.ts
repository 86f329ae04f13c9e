import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { shopWithMembers } from '../catalog/test-fixtures.js';
import { getShippingRule } from './shipping.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const page = '/kenh-ban-hang/giao-hang';

test('a shop without a rule is pick-up only; the owner sets delivery by weight on the page', async () => {
  const shop = await shopWithMembers(t);
  const c = shop.owner.client;
  const empty = await c.get(page);
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /chỉ có thể nhận hàng tại cửa hàng \(12 Trần Phú, /);

  const bad = await c.form(page, { sellerId: shop.seller.id, mode: 'weight', baseFee: '25,5' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Nhập số tiền bằng đồng/);
  assert.match(bad.body, /value="25,5"/, 'what was typed is kept');

  const none = await c.form(page, { sellerId: shop.seller.id, mode: 'flat', baseFee: '20000' });
  assert.equal(none.statusCode, 422);
  assert.match(none.body, /Chọn ít nhất một cách/);

  const ok = await c.form(page, {
    sellerId: shop.seller.id,
    delivers: 'on',
    mode: 'weight',
    baseFee: '25.000',
    perKgFee: '5.000',
    freeFrom: '500.000',
    pickup: 'on',
    pickupAddress: 'Quầy 5, chợ Đầm',
  });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, `${page}?shop=${shop.seller.id}&done=saved`);
  const rule = await getShippingRule(t.db, shop.seller.id);
  assert.equal(rule?.mode, 'weight');
  assert.equal(rule?.baseFee, 25_000n);
  assert.equal(rule?.freeFrom, 500_000n);
  const shown = await c.get(ok.headers.location as string);
  assert.match(shown.body, /Đã lưu cách giao hàng/);
  assert.match(shown.body, /value="Quầy 5, chợ Đầm"/);

  // Staff of the shop may change it too; the JSON twin reads and writes the same rule.
  const api = await shop.staff.client.json('PUT', '/api/v1/seller/shipping', {
    sellerId: shop.seller.id,
    delivers: true,
    mode: 'zone',
    insideFee: 15000,
    outsideFee: '40.000',
    freeFrom: null,
    pickup: false,
  });
  assert.equal(api.statusCode, 200, api.body);
  assert.deepEqual(api.json(), {
    sellerId: shop.seller.id,
    configured: true,
    delivers: true,
    mode: 'zone',
    baseFee: 0,
    perKgFee: 0,
    insideFee: 15000,
    outsideFee: 40000,
    freeFrom: null,
    pickup: false,
    pickupAddress: '12 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa',
  });
  const read = await c.json('GET', `/api/v1/seller/shipping?sellerId=${shop.seller.id}`);
  assert.equal(read.json().mode, 'zone');
  const refused = await c.json('PUT', '/api/v1/seller/shipping', { sellerId: shop.seller.id, mode: 'zone' });
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json().error.fields[0].field, 'delivers');
});

test('role matrix: only members of the shop see or change its delivery settings', async () => {
  const shop = await shopWithMembers(t);
  const stranger = await signedIn(t, 'buyer');
  const officer = await signedIn(t, 'officer');
  const anonymous = new Client(t.app);
  const body = { sellerId: shop.seller.id, delivers: true, mode: 'flat', baseFee: 1000 };

  const visitorPage = await anonymous.get(`${page}?shop=${shop.seller.id}`);
  assert.equal(visitorPage.statusCode, 302);
  assert.match(String(visitorPage.headers.location), /^\/dang-nhap\?next=/);
  assert.equal((await anonymous.json('GET', '/api/v1/seller/shipping')).statusCode, 401);
  assert.equal((await anonymous.json('PUT', '/api/v1/seller/shipping', body)).statusCode, 401);

  for (const who of [stranger, officer]) {
    assert.equal((await who.client.get(`${page}?shop=${shop.seller.id}`)).statusCode, 403);
    assert.equal((await who.client.form(page, { ...body, delivers: 'on', baseFee: '1000' })).statusCode, 403);
    assert.equal((await who.client.json('PUT', '/api/v1/seller/shipping', body)).statusCode, 403);
    assert.equal(
      (await who.client.json('GET', `/api/v1/seller/shipping?sellerId=${shop.seller.id}`)).statusCode,
      403,
    );
  }
  // Someone with no shop at all is told how to get one.
  const noShop = await stranger.client.get(page);
  assert.equal(noShop.statusCode, 200);
  assert.match(noShop.body, /Bạn chưa có gian hàng/);
  assert.equal((await stranger.client.json('GET', '/api/v1/seller/shipping')).statusCode, 404);

  for (const who of [shop.owner, shop.staff]) {
    assert.equal((await who.client.get(page)).statusCode, 200);
    assert.equal((await who.client.json('PUT', '/api/v1/seller/shipping', body)).statusCode, 200);
  }
  // A form without its CSRF token is refused.
  const forged = await shop.owner.client.form(
    page,
    { ...body, delivers: 'on', baseFee: '1' },
    { csrf: false },
  );
  assert.equal(forged.statusCode, 403);
  assert.equal((await getShippingRule(t.db, shop.seller.id))?.baseFee, 1000n);
});

test('the seller centre links to the delivery settings', async () => {
  const shop = await shopWithMembers(t);
  const centre = await shop.owner.client.get('/kenh-ban-hang');
  assert.match(centre.body, new RegExp(`href="/kenh-ban-hang/giao-hang\\?shop=${shop.seller.id}"`));
});
