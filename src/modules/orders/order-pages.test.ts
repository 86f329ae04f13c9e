import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signedIn } from '../../../test/helpers.js';
import { sellerMembers } from '../sellers/schema.js';
import { bringTo, checkOut, orderingShop, orderingWorld, payOrder, placeOrder } from './test-fixtures.js';

const { t, shop, buyer, who } = await orderingWorld('Nguyễn Thị <Mua> & Bán');

const codesIn = (html: string) => [...html.matchAll(/data-code="(DH[0-9A-Z]{8})"/g)].map((m) => m[1]);

test('the buyer’s orders: newest first, the orders of one checkout together; the JSON twin says the same', async () => {
  const first = await placeOrder(t, shop, buyer, { method: 'cod' });
  const other = await orderingShop(t);
  const [second, sibling] = await checkOut(t, buyer, [{ shop }, { shop: other }], 'vietqr');
  assert.equal(second.checkoutId, sibling.checkoutId);
  const page = await buyer.client.get('/don-hang');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<nav[^>]*>.*href="\/don-hang"/s, 'the header leads to one’s orders');
  const codes = codesIn(page.body);
  assert.deepEqual(codes.slice(2), [first.code]);
  assert.deepEqual(new Set(codes.slice(0, 2)), new Set([second.code, sibling.code]));
  assert.equal((page.body.match(/class="checkout-group"/g) ?? []).length, 2);
  assert.match(page.body, new RegExp(other.seller.shopName));
  const api = (await buyer.client.get('/api/v1/orders')).json();
  assert.deepEqual(
    api.items.map((i: { code: string }) => i.code),
    codes,
  );
  assert.equal(api.items[0].checkoutId, second.checkoutId);
  assert.equal(typeof api.items[0].total, 'number');
});

test('an unpaid order links to its payment page and can be cancelled with a reason, without JavaScript', async () => {
  const order = await placeOrder(t, shop, buyer, { method: 'vietqr', quantities: [1, 2] });
  const page = await buyer.client.get(`/don-hang/${order.code}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`href="/thanh-toan/${order.code}"`));
  assert.match(page.body, /Chờ thanh toán/);
  assert.match(page.body, /Chưa thanh toán/);
  assert.match(page.body, /Hộp 50 g/);
  assert.match(page.body, /Hộp 100 g/);
  assert.match(page.body, /6\.080\.000/, 'the total: 1,250,000 + 2 × 2,400,000 + 30,000 delivery');
  assert.match(page.body, /Nguyễn Thị &lt;Mua> &amp; Bán/, 'names are escaped');
  assert.match(page.body, new RegExp(`action="/don-hang/${order.code}/cancel"`));
  assert.match(page.body, /name="_csrf"/);
  assert.doesNotMatch(page.body, /\/complete"/, 'nothing to receive yet');
  const json = (await buyer.client.get(`/api/v1/orders/${order.code}`)).json();
  assert.equal(json.paymentPage, `/thanh-toan/${order.code}`);
  assert.deepEqual(json.actions, ['cancel']);
  assert.equal(json.payment.status, 'pending');
  assert.equal(json.payment.amountDue, Number(order.total));
  assert.deepEqual(
    json.history.map((h: { status: string; by: string }) => [h.status, h.by]),
    [['awaiting_payment', 'Người mua']],
  );
  const paid = await payOrder(t, order);
  const after = await buyer.client.get(`/don-hang/${paid.code}`);
  assert.doesNotMatch(after.body, /href="\/thanh-toan\//);
  assert.match(after.body, /Đã thanh toán, sàn đang giữ tiền/);
  const cancelled = await buyer.client.form(`/don-hang/${order.code}/cancel`, { reason: 'Mua nhầm' });
  assert.equal(cancelled.statusCode, 303);
  const done = await buyer.client.get(cancelled.headers.location as string);
  assert.match(done.body, /Đơn hàng đã được hủy/);
  assert.match(done.body, /Lý do: Mua nhầm/);
});

test('the seller centre: orders to handle first, a filter by state with the count of each, in the shop’s pages', async () => {
  const s = await orderingShop(t);
  await bringTo(t, await placeOrder(t, s, buyer, { method: 'cod' }), 'completed', { shop: s, buyer });
  const waiting = await placeOrder(t, s, buyer, { method: 'cod' });
  const shipped = await bringTo(t, await placeOrder(t, s, buyer, { method: 'cod' }), 'shipped', {
    shop: s,
    buyer,
  });
  const centre = await s.staff.client.get('/kenh-ban-hang');
  assert.match(centre.body, new RegExp(`href="/kenh-ban-hang/don-hang\\?shop=${s.seller.id}"`));
  const page = await s.staff.client.get('/kenh-ban-hang/don-hang');
  assert.equal(page.statusCode, 200);
  const rows = [...page.body.matchAll(/<tr data-id="(DH[0-9A-Z]{8})"/g)].map((m) => m[1]);
  assert.deepEqual(rows.slice(0, 2), [waiting.code, shipped.code], 'the longest waiting first');
  assert.match(page.body, /Hoàn thành \(1\)/);
  assert.match(page.body, /Đã đặt \(1\)/);
  assert.match(page.body, /Tất cả \(3\)/);
  const filtered = await s.staff.client.get(`/kenh-ban-hang/don-hang?shop=${s.seller.id}&status=shipped`);
  assert.deepEqual(
    [...filtered.body.matchAll(/<tr data-id="(DH[0-9A-Z]{8})"/g)].map((m) => m[1]),
    [shipped.code],
  );
  const api = (await s.staff.client.get('/api/v1/seller/orders?status=completed')).json();
  assert.equal(api.total, 1);
  assert.equal(api.counts.placed, 1);
  assert.equal(api.counts.cancelled, 0);
  // Someone in two shops moves between them.
  await t.db
    .insert(sellerMembers)
    .values({ sellerId: shop.seller.id, userId: s.staff.user.id, role: 'staff' });
  const two = await s.staff.client.get(`/kenh-ban-hang/don-hang?shop=${shop.seller.id}`);
  assert.match(
    two.body,
    new RegExp(`<option value="${s.seller.id}"`),
    'the shop switch offers the other shop',
  );
  assert.equal((await s.staff.client.get('/kenh-ban-hang/don-hang?shop=khong-co')).statusCode, 404);
});

test('an order’s page in the seller centre offers its next steps as forms, and the packing slip prints what the carrier collects', async () => {
  const cod = await placeOrder(t, shop, buyer, { method: 'cod', quantities: [2] });
  const page = await shop.owner.client.get(`/kenh-ban-hang/don-hang/${cod.code}`);
  assert.match(page.body, new RegExp(`action="/kenh-ban-hang/don-hang/${cod.code}/confirm"`));
  assert.match(page.body, new RegExp(`action="/kenh-ban-hang/don-hang/${cod.code}/cancel"`));
  assert.match(page.body, /25 Lê Thánh Tôn/);
  const slip = await shop.owner.client.get(`/kenh-ban-hang/don-hang/${cod.code}/phieu-dong-goi`);
  assert.equal(slip.statusCode, 200);
  assert.match(slip.body, /orders\.css/);
  assert.match(slip.body, /Thu hộ khi giao \(COD\): 2\.530\.000/);
  assert.match(slip.body, /YS-50/);
  assert.match(slip.body, /0905123456/);
  const confirmed = await bringTo(t, cod, 'confirmed', who);
  const ship = await shop.owner.client.get(`/kenh-ban-hang/don-hang/${confirmed.code}`);
  assert.match(ship.body, /id="f-carrier"/);
  assert.match(ship.body, /id="f-trackingNo"/);
  const online = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'vietqr' }), 'paid', who);
  const paidSlip = await shop.owner.client.get(`/kenh-ban-hang/don-hang/${online.code}/phieu-dong-goi`);
  assert.match(paidSlip.body, /không thu tiền khi giao/);
  const en = await shop.owner.client.get(`/kenh-ban-hang/don-hang/${online.code}/phieu-dong-goi?lang=en`);
  assert.match(en.body, /Paid online: collect nothing on delivery/);
  // A return to decide: how many came back of each line.
  const back = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'cod' }), 'return_requested', who);
  const decide = await shop.owner.client.get(`/kenh-ban-hang/don-hang/${back.code}`);
  assert.match(decide.body, /name="returned\.[0-9a-f-]{36}"[^>]*value="2"/);
  assert.match(decide.body, new RegExp(`action="/kenh-ban-hang/don-hang/${back.code}/reject_return"`));
});

test('officers find an order by its code and read it; a wrong code says so', async () => {
  const officer = await signedIn(t, 'officer');
  const order = await placeOrder(t, shop, buyer, { method: 'cod' });
  assert.match((await officer.client.get('/quan-ly')).body, /href="\/quan-ly\/don-hang"/);
  const found = await officer.client.get(`/quan-ly/don-hang?code=${order.code.toLowerCase()}`);
  assert.equal(found.statusCode, 303);
  assert.equal(found.headers.location, `/quan-ly/don-hang/${order.code}`);
  const page = await officer.client.get(found.headers.location as string);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(shop.seller.shopName));
  assert.doesNotMatch(page.body, /method="post" action="\/quan-ly\/don-hang/, 'nothing to decide');
  const missing = await officer.client.get('/quan-ly/don-hang?code=DH00000000');
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /Không có đơn hàng mã DH00000000/);
});

test('the order’s papers follow it: the signed e-contract once placed, the e-invoice once completed', async () => {
  const order = await placeOrder(t, shop, buyer, { method: 'cod' });
  await t.app.outbox.drain();
  const placed = (await buyer.client.get(`/api/v1/orders/${order.code}`)).json();
  assert.match(placed.contract.url, /^\/hop-dong\//);
  assert.ok(
    (await buyer.client.get(`/don-hang/${order.code}`)).body.includes(`href="${placed.contract.url}"`),
  );
  await bringTo(t, order, 'completed', who);
  await t.app.outbox.drain();
  const done = (await shop.owner.client.get(`/api/v1/seller/orders/${order.code}`)).json();
  assert.equal(done.invoices.length, 1);
  assert.equal(done.invoices[0].kind, 'original');
  assert.equal(done.invoices[0].total, Number(order.total));
  const page = await shop.owner.client.get(`/kenh-ban-hang/don-hang/${order.code}`);
  assert.ok(page.body.includes(`href="${done.invoices[0].url}"`));
});

test('money paid online is said to be held only while the order runs: then released to the seller, or given back', async () => {
  const statusOn = async (code: string) =>
    /Tình trạng thanh toán<\/dt><dd>([^<]*)</.exec((await buyer.client.get(`/don-hang/${code}`)).body)?.[1];
  const sold = await payOrder(t, await placeOrder(t, shop, buyer));
  assert.equal(await statusOn(sold.code), 'Đã thanh toán, sàn đang giữ tiền');
  await bringTo(t, sold, 'completed', who);
  assert.equal(await statusOn(sold.code), 'Đã thanh toán, sàn đã chuyển tiền cho người bán');
  const dropped = await bringTo(t, await placeOrder(t, shop, buyer), 'confirmed', who);
  await bringTo(t, dropped, 'cancelled', who);
  assert.equal(await statusOn(dropped.code), 'Đã thanh toán, tiền được hoàn lại cho người mua');
  const sellerPage = await shop.owner.client.get(`/kenh-ban-hang/don-hang/${sold.code}`);
  assert.match(sellerPage.body, /sàn đã chuyển tiền cho người bán/);
});
