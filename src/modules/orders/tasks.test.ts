import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { escrowHeld } from '../ledger/index.js';
import { ledgerProblems } from '../ledger/test-fixtures.js';
import { notifications } from '../notifications/schema.js';
import { paymentsOf } from '../payments/index.js';
import { postWebhook, transferIn } from '../payments/test-fixtures.js';
import { stockOf } from './checkout-test-fixtures.js';
import { ORDER_COMPLETED } from './events.js';
import { orders, orderTransitions, SYSTEM_ACTOR_ID } from './schema.js';
import { bringTo, orderingWorld, placeOrder } from './test-fixtures.js';

const { t, shop, buyer, who } = await orderingWorld('Lê Thị Chậm Trả');

const orderOf = async (id: string) => (await t.db.select().from(orders).where(eq(orders.id, id)))[0];
const payByPast = (id: string) =>
  t.db.execute(sql`UPDATE orders SET pay_by = now() - interval '1 minute' WHERE id = ${id}`);
const deliveredDaysAgo = (id: string, days: number) =>
  t.db.execute(sql`UPDATE orders SET delivered_at = now() - make_interval(days => ${days}) WHERE id = ${id}`);

test('orders.expire_unpaid: an online order whose payment did not come by its deadline is cancelled by the system and its stock released', async () => {
  const stock = await stockOf(t, shop.variants[0].id);
  const late = await placeOrder(t, shop, buyer, { method: 'vietqr', quantities: [4] });
  const onTime = await placeOrder(t, shop, buyer, { method: 'vietqr', quantities: [1] });
  const cod = await placeOrder(t, shop, buyer, { method: 'cod', quantities: [1] });
  await payByPast(late.id);
  assert.equal(await stockOf(t, shop.variants[0].id), stock - 6);
  assert.equal(await t.app.periodic.run('orders.expire_unpaid'), 1);
  const cancelled = await orderOf(late.id);
  assert.equal(cancelled.status, 'cancelled');
  assert.equal(cancelled.stockReleased, true);
  assert.equal(await stockOf(t, shop.variants[0].id), stock - 2);
  assert.equal((await paymentsOf(t.db, [late.id])).get(late.id)!.status, 'cancelled');
  const [step] = await t.db
    .select()
    .from(orderTransitions)
    .where(and(eq(orderTransitions.orderId, late.id), eq(orderTransitions.toStatus, 'cancelled')));
  assert.equal(step.actorId, SYSTEM_ACTOR_ID);
  assert.equal((await orderOf(onTime.id)).status, 'awaiting_payment');
  assert.equal((await orderOf(cod.id)).status, 'placed');
  const told = await t.db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.userId, buyer.user.id), sql`${notifications.title} LIKE ${`%${late.code}%`}`),
    );
  assert.equal(told.length, 1, 'the buyer is told why');
  assert.equal(await t.app.periodic.run('orders.expire_unpaid'), 0, 'nothing left to do');
});

test('orders.expire_unpaid leaves an order whose money came in just before the sweep: it becomes paid', async () => {
  const order = await placeOrder(t, shop, buyer, { method: 'vietqr' });
  // The transfer is recorded (its event not yet handled) when the deadline passes.
  assert.equal(
    (await postWebhook(t, transferIn({ amount: order.total, content: order.code }))).statusCode,
    200,
  );
  await payByPast(order.id);
  assert.equal(await t.app.periodic.run('orders.expire_unpaid'), 0);
  await t.app.outbox.drain();
  assert.equal((await orderOf(order.id)).status, 'paid');
  assert.equal(await escrowHeld(t.db, order.id), order.total);
});

test('orders.auto_complete: a delivered order nobody completed is completed after the configured days, its escrow released', async () => {
  const days = t.app.deps.config.buying.autoCompleteDays;
  const due = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'vietqr' }), 'delivered', who);
  const recent = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'cod' }), 'delivered', who);
  const disputed = await bringTo(
    t,
    await placeOrder(t, shop, buyer, { method: 'vietqr' }),
    'return_requested',
    who,
  );
  await deliveredDaysAgo(due.id, days + 1);
  await deliveredDaysAgo(recent.id, days - 1);
  await deliveredDaysAgo(disputed.id, days + 5);
  assert.equal(await t.app.periodic.run('orders.auto_complete'), 1);
  const done = await orderOf(due.id);
  assert.equal(done.status, 'completed');
  assert.ok(done.completedAt);
  assert.equal(await escrowHeld(t.db, due.id), 0n);
  const events = await t.db.execute(
    sql`SELECT payload FROM outbox WHERE topic = ${ORDER_COMPLETED} AND payload->'order'->>'orderId' = ${due.id}`,
  );
  assert.equal(events.rows.length, 1);
  assert.equal((await orderOf(recent.id)).status, 'delivered');
  assert.equal(
    (await orderOf(disputed.id)).status,
    'return_requested',
    'a return in dispute waits for its decision',
  );
  assert.equal(await t.app.periodic.run('orders.auto_complete'), 0);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('the buyer confirming receipt while the sweep completes the order: completed once, released once', async () => {
  const days = t.app.deps.config.buying.autoCompleteDays;
  for (let round = 0; round < 4; round++) {
    const order = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'vietqr' }), 'delivered', who);
    await deliveredDaysAgo(order.id, days + 1);
    const [res, swept] = await Promise.all([
      buyer.client.json('POST', `/api/v1/orders/${order.code}/transitions`, { action: 'complete' }),
      t.app.periodic.run('orders.auto_complete'),
    ]);
    assert.equal((res.statusCode === 200 ? 1 : 0) + swept, 1, `round ${round}: ${res.statusCode}, ${swept}`);
    const steps = await t.db
      .select()
      .from(orderTransitions)
      .where(and(eq(orderTransitions.orderId, order.id), eq(orderTransitions.toStatus, 'completed')));
    assert.equal(steps.length, 1);
  }
  assert.deepEqual(await ledgerProblems(t.db), []);
});
