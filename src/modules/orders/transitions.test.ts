import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { outbox } from '../../platform/jobs/schema.js';
import { notifications } from '../notifications/schema.js';
import { stockOf } from './checkout-test-fixtures.js';
import { ORDER_COMPLETED, ORDER_STATUS_CHANGED, type OrderCompleted } from './events.js';
import { orderLines, orders, orderTransitions, SYSTEM_ACTOR_ID } from './schema.js';
import { bringTo, orderingWorld, payOrder, placeOrder } from './test-fixtures.js';

const { t, shop, buyer, who } = await orderingWorld('Trần Văn Mua');

const orderOf = async (id: string) => (await t.db.select().from(orders).where(eq(orders.id, id)))[0];
const historyOf = (id: string) =>
  t.db
    .select()
    .from(orderTransitions)
    .where(eq(orderTransitions.orderId, id))
    .orderBy(asc(orderTransitions.id));
const eventsOf = async (topic: string, orderId: string) =>
  (
    await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.topic, topic), sql`${outbox.payload}::text LIKE ${`%${orderId}%`}`))
      .orderBy(asc(outbox.createdAt))
  ).map((e) => e.payload as Record<string, unknown>);
const sellerPage = (code: string) => `/kenh-ban-hang/don-hang/${code}`;

test('paid online: awaiting payment, paid, confirmed, shipped, delivered, completed by the buyer, each step by its side through the forms', async () => {
  const order = await placeOrder(t, shop, buyer, { method: 'vietqr' });
  assert.equal(order.status, 'awaiting_payment');
  const seller = shop.owner.client;
  // Not before the money is there.
  const early = await seller.form(`${sellerPage(order.code)}/confirm`, {});
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /error-summary/);
  assert.equal((await payOrder(t, order)).status, 'paid');
  const confirmed = await seller.form(`${sellerPage(order.code)}/confirm`, {});
  assert.equal(confirmed.statusCode, 303);
  assert.equal(confirmed.headers.location, `${sellerPage(order.code)}?done=confirm`);
  // Shipping by the shop's own delivery needs a carrier and a tracking number.
  const missing = await seller.form(`${sellerPage(order.code)}/ship`, { carrier: '', trackingNo: 'mã sai!' });
  assert.equal(missing.statusCode, 422);
  assert.match(missing.body, /id="f-carrier"[^>]*aria-invalid="true"/);
  assert.match(missing.body, /value="mã sai!"/, 'what was typed is kept');
  const shipped = await seller.form(`${sellerPage(order.code)}/ship`, {
    carrier: 'Viettel Post',
    trackingNo: 'VTP123456789',
  });
  assert.equal(shipped.statusCode, 303);
  // The buyer's page offers no seller steps.
  assert.equal((await buyer.client.form(`/don-hang/${order.code}/deliver`, {})).statusCode, 404);
  assert.equal((await seller.form(`${sellerPage(order.code)}/deliver`, {})).statusCode, 303);
  assert.ok((await orderOf(order.id)).deliveredAt);
  const done = await buyer.client.form(`/don-hang/${order.code}/complete`, {});
  assert.equal(done.statusCode, 303);
  const final = await orderOf(order.id);
  assert.equal(final.status, 'completed');
  assert.equal(final.carrier, 'Viettel Post');
  assert.equal(final.trackingNo, 'VTP123456789');
  assert.ok(final.completedAt);
  const steps = await historyOf(order.id);
  assert.deepEqual(
    steps.map((s) => s.toStatus),
    ['awaiting_payment', 'paid', 'confirmed', 'shipped', 'delivered', 'completed'],
  );
  assert.equal(steps[1].actorId, SYSTEM_ACTOR_ID);
  assert.equal(steps[2].actorId, shop.owner.user.id);
  assert.equal(steps[5].actorId, buyer.user.id);
  assert.equal((await eventsOf(ORDER_STATUS_CHANGED, order.id)).length, 5);
  const [completed] = (await eventsOf(ORDER_COMPLETED, order.id)) as unknown as OrderCompleted[];
  assert.equal(completed.paidThroughPlatform, true);
  assert.equal(completed.order.code, order.code);
  assert.equal(completed.completedAt, final.completedAt!.toISOString());
});

test('cash on delivery: confirmed straight away, shipped, delivered with the cash, completed, through the JSON API', async () => {
  const order = await placeOrder(t, shop, buyer, { method: 'cod' });
  assert.equal(order.status, 'placed');
  const api = `/api/v1/seller/orders/${order.code}/transitions`;
  const seller = shop.staff.client;
  const confirmed = await seller.json('POST', api, { action: 'confirm' });
  assert.equal(confirmed.statusCode, 200);
  assert.equal(confirmed.json().status, 'confirmed');
  assert.deepEqual(confirmed.json().actions, ['ship', 'cancel']);
  const noTracking = await seller.json('POST', api, { action: 'ship', carrier: 'GHTK' });
  assert.equal(noTracking.statusCode, 422);
  assert.deepEqual(
    noTracking.json().error.fields.map((f: { field: string }) => f.field),
    ['trackingNo'],
  );
  assert.equal(
    (await seller.json('POST', api, { action: 'ship', carrier: 'GHTK', trackingNo: 'S1.2/3' })).statusCode,
    200,
  );
  assert.equal((await seller.json('POST', api, { action: 'deliver' })).json().status, 'delivered');
  const buyerApi = `/api/v1/orders/${order.code}/transitions`;
  const done = await buyer.client.json('POST', buyerApi, { action: 'complete' });
  assert.equal(done.statusCode, 200);
  assert.equal(done.json().status, 'completed');
  assert.deepEqual(done.json().actions, []);
  const [completed] = (await eventsOf(ORDER_COMPLETED, order.id)) as unknown as OrderCompleted[];
  assert.equal(completed.paidThroughPlatform, false);
});

test('a pick-up order is made ready without a carrier', async () => {
  const order = await placeOrder(t, shop, buyer, { method: 'cod', delivery: 'pickup' });
  const api = `/api/v1/seller/orders/${order.code}/transitions`;
  await shop.owner.client.json('POST', api, { action: 'confirm' });
  const ready = await shop.owner.client.json('POST', api, { action: 'ship' });
  assert.equal(ready.statusCode, 200);
  assert.equal(ready.json().status, 'shipped');
  assert.equal(ready.json().carrier, null);
});

test('the buyer cancels until the seller confirms, with a reason; the seller until it ships; the stock is released once', async () => {
  for (const [method, status] of [
    ['cod', 'placed'],
    ['vietqr', 'awaiting_payment'],
    ['vietqr', 'paid'],
  ] as const) {
    const order = await bringTo(t, await placeOrder(t, shop, buyer, { method }), status, who);
    const noReason = await buyer.client.form(`/don-hang/${order.code}/cancel`, { reason: '  ' });
    assert.equal(noReason.statusCode, 422, status);
    assert.match(noReason.body, /id="f-reason"[^>]*aria-invalid="true"/);
    const res = await buyer.client.form(`/don-hang/${order.code}/cancel`, { reason: 'Đặt nhầm số lượng' });
    assert.equal(res.statusCode, 303, status);
    const after = await orderOf(order.id);
    assert.equal(after.status, 'cancelled');
    assert.equal(after.stockReleased, true);
    const last = (await historyOf(order.id)).at(-1)!;
    assert.equal(last.reason, 'Đặt nhầm số lượng');
    assert.equal(last.actorId, buyer.user.id);
    // Twice is once: the second finds the order cancelled.
    const again = await buyer.client.json('POST', `/api/v1/orders/${order.code}/transitions`, {
      action: 'cancel',
      reason: 'Lần nữa',
    });
    assert.equal(again.statusCode, 409);
  }
  const confirmed = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'cod' }), 'confirmed', who);
  const byBuyer = await buyer.client.json('POST', `/api/v1/orders/${confirmed.code}/transitions`, {
    action: 'cancel',
    reason: 'Đổi ý',
  });
  assert.equal(byBuyer.statusCode, 403, 'the seller has confirmed: too late for the buyer');
  const api = `/api/v1/seller/orders/${confirmed.code}/transitions`;
  const noReason = await shop.owner.client.json('POST', api, { action: 'cancel' });
  assert.equal(noReason.statusCode, 422);
  assert.equal(noReason.json().error.fields[0].field, 'reason');
  const bySeller = await shop.owner.client.json('POST', api, { action: 'cancel', reason: 'Hết hàng' });
  assert.equal(bySeller.statusCode, 200);
  assert.equal(bySeller.json().status, 'cancelled');
  const shipped = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'cod' }), 'shipped', who);
  const late = await shop.owner.client.json('POST', `/api/v1/seller/orders/${shipped.code}/transitions`, {
    action: 'cancel',
    reason: 'Muộn',
  });
  assert.equal(late.statusCode, 409);
});

test('two cancellations of one order at once: one wins, the other is refused, one history row, stock released once', async () => {
  const stock = await stockOf(t, shop.variants[0].id);
  for (let round = 0; round < 5; round++) {
    const order = await placeOrder(t, shop, buyer, { method: 'cod' });
    const results = await Promise.all([
      buyer.client.json('POST', `/api/v1/orders/${order.code}/transitions`, {
        action: 'cancel',
        reason: 'Người mua hủy',
      }),
      shop.owner.client.json('POST', `/api/v1/seller/orders/${order.code}/transitions`, {
        action: 'cancel',
        reason: 'Người bán hủy',
      }),
      shop.staff.client.json('POST', `/api/v1/seller/orders/${order.code}/transitions`, {
        action: 'confirm',
      }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [200, 409, 409], `round ${round}: ${codes}`);
    const moves = (await historyOf(order.id)).filter((s) => s.fromStatus === 'placed');
    assert.equal(moves.length, 1);
    assert.equal((await eventsOf(ORDER_STATUS_CHANGED, order.id)).length, 1);
    if ((await orderOf(order.id)).status === 'cancelled')
      assert.equal(await stockOf(t, shop.variants[0].id), stock);
    else await bringTo(t, await orderOf(order.id), 'cancelled', who);
  }
  assert.equal(await stockOf(t, shop.variants[0].id), stock, 'every unit back, none twice');
});

test('a return: asked with a reason after delivery, rejected with a reason, asked again, accepted in part', async () => {
  const order = await bringTo(
    t,
    await placeOrder(t, shop, buyer, { method: 'vietqr', quantities: [2, 1] }),
    'delivered',
    who,
  );
  const buyerApi = `/api/v1/orders/${order.code}/transitions`;
  assert.equal((await buyer.client.json('POST', buyerApi, { action: 'request_return' })).statusCode, 422);
  const asked = await buyer.client.json('POST', buyerApi, { action: 'request_return', reason: 'Hộp bị móp' });
  assert.equal(asked.json().status, 'return_requested');
  const sellerApi = `/api/v1/seller/orders/${order.code}/transitions`;
  assert.equal(
    (await shop.owner.client.json('POST', sellerApi, { action: 'reject_return' })).statusCode,
    422,
  );
  const rejected = await shop.owner.client.json('POST', sellerApi, {
    action: 'reject_return',
    reason: 'Hộp móp do người nhận làm rơi',
  });
  assert.equal(rejected.json().status, 'delivered');
  await buyer.client.json('POST', buyerApi, { action: 'request_return', reason: 'Vẫn muốn trả' });
  const lines = await t.db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.id));
  const tooMany = await shop.owner.client.form(`${sellerPage(order.code)}/accept_return`, {
    [`returned.${lines[0].id}`]: '3',
    [`returned.${lines[1].id}`]: '0',
  });
  assert.equal(tooMany.statusCode, 422);
  assert.match(tooMany.body, new RegExp(`id="f-returned.${lines[0].id}"[^>]*aria-invalid="true"`));
  const accepted = await shop.owner.client.form(`${sellerPage(order.code)}/accept_return`, {
    [`returned.${lines[0].id}`]: '1',
    [`returned.${lines[1].id}`]: '0',
  });
  assert.equal(accepted.statusCode, 303);
  assert.equal((await orderOf(order.id)).status, 'returned');
  const after = await t.db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.id));
  assert.deepEqual(
    after.map((l) => l.returnedQuantity),
    [1, 0],
  );
  const [returned] = await eventsOf('order.returned', order.id);
  assert.equal(returned.amount, String(lines[0].unitPrice));
  assert.deepEqual(
    (returned.lines as { variantId: string; quantity: number }[]).map((l) => [l.variantId, l.quantity]),
    [[lines[0].variantId, 1]],
  );
  // No return after completion.
  const completed = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'cod' }), 'completed', who);
  const tooLate = await buyer.client.json('POST', `/api/v1/orders/${completed.code}/transitions`, {
    action: 'request_return',
    reason: 'Muộn',
  });
  assert.equal(tooLate.statusCode, 409);
});

test('each step tells the other side in the app and by mail; whoever made it is not told', async () => {
  const order = await placeOrder(t, shop, buyer, { method: 'cod' });
  await t.app.outbox.drain();
  t.mails.length = 0;
  await shop.owner.client.json('POST', `/api/v1/seller/orders/${order.code}/transitions`, {
    action: 'confirm',
  });
  const noticesOf = (userId: string, code = order.code) =>
    t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), sql`${notifications.title} LIKE ${`%${code}%`}`));
  assert.equal((await noticesOf(buyer.user.id)).length, 1);
  assert.equal((await noticesOf(buyer.user.id))[0].link, `/don-hang/${order.code}`);
  assert.equal((await noticesOf(shop.staff.user.id)).length, 1, 'the other members of the shop');
  assert.equal((await noticesOf(shop.owner.user.id)).length, 0, 'not the one who confirmed');
  await t.app.outbox.drain();
  const mail = t.mails.find((m) => m.to === buyer.user.email);
  assert.ok(mail);
  assert.match(mail.subject, new RegExp(order.code));
  assert.match(mail.text, new RegExp(`/don-hang/${order.code}`));
  const other = await placeOrder(t, shop, buyer, { method: 'cod' });
  await buyer.client.json('POST', `/api/v1/orders/${other.code}/transitions`, {
    action: 'cancel',
    reason: 'Không cần nữa',
  });
  const [cancelled] = await noticesOf(shop.owner.user.id, other.code);
  assert.match(cancelled.body, /Không cần nữa/, 'the shop reads the buyer’s reason');
  assert.equal(cancelled.link, `/kenh-ban-hang/don-hang/${other.code}`);
  assert.equal((await noticesOf(buyer.user.id, other.code)).length, 0);
});
