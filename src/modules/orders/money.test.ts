import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { publish } from '../../platform/jobs/outbox.js';
import { escrowHeld, recordPaymentReceived, refundOwed, sellerBalance } from '../ledger/index.js';
import { ledgerProblems } from '../ledger/test-fixtures.js';
import { notifications } from '../notifications/schema.js';
import { PAYMENT_SUCCEEDED, paymentsOf } from '../payments/index.js';
import { postWebhook, transferIn } from '../payments/test-fixtures.js';
import { stockOf } from './checkout-test-fixtures.js';
import { ORDER_COMPLETED, ORDER_RETURNED } from './events.js';
import { orders, orderTransitions } from './schema.js';
import { bringTo, orderingWorld, payOrder, placeOrder } from './test-fixtures.js';

const { t, shop, buyer, who } = await orderingWorld('Phạm Thị Thanh Toán');

const statusOf = async (id: string) =>
  (await t.db.select({ s: orders.status }).from(orders).where(eq(orders.id, id)))[0].s;
const paymentOf = async (id: string) => (await paymentsOf(t.db, [id])).get(id)!;
const eventsOf = async (topic: string, orderId: string) =>
  (
    await t.db.execute(
      sql`SELECT payload FROM outbox WHERE topic = ${topic} AND payload->'order'->>'orderId' = ${orderId}`,
    )
  ).rows;
const sellerApi = (code: string) => `/api/v1/seller/orders/${code}/transitions`;
const buyerApi = (code: string) => `/api/v1/orders/${code}/transitions`;

test('cancelling before payment stops the payment intent and puts the stock back; after payment the escrow goes back to the buyer', async () => {
  const [v] = shop.variants;
  const before = await stockOf(t, v.id);
  const unpaid = await placeOrder(t, shop, buyer, { method: 'vietqr', quantities: [3] });
  assert.equal(await stockOf(t, v.id), before - 3);
  await buyer.client.json('POST', buyerApi(unpaid.code), { action: 'cancel', reason: 'Đổi ý' });
  assert.equal((await paymentOf(unpaid.id)).status, 'cancelled');
  assert.equal(await stockOf(t, v.id), before);
  // A transfer arriving after that is not the order's any more: suspense, and the order stays cancelled.
  await postWebhook(t, transferIn({ amount: unpaid.total, content: unpaid.code }));
  await t.app.outbox.drain();
  assert.equal(await statusOf(unpaid.id), 'cancelled');
  assert.equal(await escrowHeld(t.db, unpaid.id), 0n);

  const paid = await bringTo(
    t,
    await placeOrder(t, shop, buyer, { method: 'vietqr', quantities: [2] }),
    'confirmed',
    who,
  );
  assert.equal(await escrowHeld(t.db, paid.id), paid.total);
  const res = await shop.owner.client.json('POST', sellerApi(paid.code), {
    action: 'cancel',
    reason: 'Hết hàng',
  });
  assert.equal(res.statusCode, 200);
  assert.equal(await escrowHeld(t.db, paid.id), 0n);
  assert.equal(await refundOwed(t.db, paid.id), paid.total);
  assert.equal(await stockOf(t, v.id), before);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('completion releases the escrow to the seller less the fee and the taxes withheld; cash on delivery leaves the fee owed', async () => {
  const start = await sellerBalance(t.db, shop.seller.id);
  const online = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'vietqr' }), 'delivered', who);
  assert.equal((await paymentOf(online.id)).status, 'paid');
  await buyer.client.json('POST', buyerApi(online.code), { action: 'complete' });
  assert.equal(await escrowHeld(t.db, online.id), 0n);
  const afterOnline = await sellerBalance(t.db, shop.seller.id);
  const fee = (online.total * BigInt(Math.round(t.app.deps.config.buying.feePercent * 100))) / 10_000n;
  const gained = afterOnline.payable - start.payable;
  assert.ok(gained > 0n && gained <= online.total - fee, `seller got ${gained} of ${online.total}`);

  const cod = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'cod' }), 'delivered', who);
  assert.equal(
    (await paymentOf(cod.id)).status,
    'collected',
    'delivering a COD order is collecting its cash',
  );
  await bringTo(t, cod, 'completed', who);
  const afterCod = await sellerBalance(t.db, shop.seller.id);
  assert.equal(afterCod.payable, afterOnline.payable, 'nothing to pay out: the seller holds the cash');
  assert.ok(afterCod.receivable > afterOnline.receivable, 'the fee is owed by the seller');
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('an accepted return refunds the goods taken back and releases the rest; their stock is not put back', async () => {
  const [v0, v1] = shop.variants;
  const order = await bringTo(
    t,
    await placeOrder(t, shop, buyer, { method: 'vietqr', quantities: [2, 1] }),
    'return_requested',
    who,
  );
  const stock = [await stockOf(t, v0.id), await stockOf(t, v1.id)];
  const detail = (await shop.owner.client.json('GET', `/api/v1/seller/orders/${order.code}`)).json();
  const line1 = detail.lines.find((l: { variantId: string }) => l.variantId === v1.id);
  const start = await sellerBalance(t.db, shop.seller.id);
  const res = await shop.owner.client.json('POST', sellerApi(order.code), {
    action: 'accept_return',
    returned: [{ lineId: line1.id, quantity: 1 }],
  });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().status, 'returned');
  assert.equal(await refundOwed(t.db, order.id), v1.price);
  assert.equal(await escrowHeld(t.db, order.id), 0n);
  assert.ok(
    (await sellerBalance(t.db, shop.seller.id)).payable > start.payable,
    'the kept goods are paid to the seller',
  );
  assert.deepEqual([await stockOf(t, v0.id), await stockOf(t, v1.id)], stock);
  // What was kept is a sale: completed (its invoice follows), the return adjusting it.
  assert.equal((await eventsOf(ORDER_COMPLETED, order.id)).length, 1);
  assert.equal((await eventsOf(ORDER_RETURNED, order.id)).length, 1);

  // Everything back, nothing to deliver for: all of it refunded, no sale.
  const whole = await bringTo(
    t,
    await placeOrder(t, shop, buyer, { method: 'vietqr', delivery: 'pickup' }),
    'return_requested',
    who,
  );
  const all = await shop.owner.client.json('POST', sellerApi(whole.code), { action: 'accept_return' });
  assert.equal(all.statusCode, 200);
  assert.equal(await refundOwed(t.db, whole.id), whole.total);
  assert.equal((await eventsOf(ORDER_COMPLETED, whole.id)).length, 0);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('the payment event moves an order to paid once, however often it comes', async () => {
  const order = await placeOrder(t, shop, buyer, { method: 'vietqr' });
  assert.equal((await payOrder(t, order)).status, 'paid');
  await t.db.transaction((tx) =>
    publish(tx, PAYMENT_SUCCEEDED, {
      orderId: order.id,
      intentId: 'again',
      amount: String(order.total),
      method: 'vietqr',
      paidAt: new Date().toISOString(),
    }),
  );
  await t.app.outbox.drain();
  const steps = await t.db
    .select()
    .from(orderTransitions)
    .where(and(eq(orderTransitions.orderId, order.id), eq(orderTransitions.toStatus, 'paid')));
  assert.equal(steps.length, 1);
  assert.equal(await statusOf(order.id), 'paid');
  assert.equal(await escrowHeld(t.db, order.id), order.total);
});

test('money that reaches a cancelled order goes back to its buyer, who is told once', async () => {
  const order = await placeOrder(t, shop, buyer, { method: 'vietqr' });
  await buyer.client.json('POST', buyerApi(order.code), { action: 'cancel', reason: 'Không mua nữa' });
  // As an officer allocating a stray transfer to it would leave it: money in escrow, the event published.
  for (let i = 0; i < 2; i++) {
    await t.db.transaction(async (tx) => {
      if (i === 0)
        await recordPaymentReceived(tx, {
          orderId: order.id,
          sellerId: shop.seller.id,
          amount: order.total,
          channel: 'vietqr',
          reference: `late-${order.code}`,
        });
      await publish(tx, PAYMENT_SUCCEEDED, {
        orderId: order.id,
        intentId: 'late',
        amount: String(order.total),
        method: 'vietqr',
        paidAt: new Date().toISOString(),
      });
    });
    await t.app.outbox.drain();
  }
  assert.equal(await statusOf(order.id), 'cancelled');
  assert.equal(await escrowHeld(t.db, order.id), 0n);
  assert.equal(await refundOwed(t.db, order.id), order.total);
  const told = await t.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, buyer.user.id),
        sql`${notifications.title} LIKE ${`%${order.code}%hoàn lại%`}`,
      ),
    );
  assert.equal(told.length, 1);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('a cancellation racing the payment: either the order is cancelled and the money waits for an officer, or it is paid; never both', async () => {
  for (let round = 0; round < 8; round++) {
    const order = await placeOrder(t, shop, buyer, { method: 'vietqr' });
    const [cancel, bank] = await Promise.all([
      buyer.client.json('POST', buyerApi(order.code), { action: 'cancel', reason: 'Đổi ý' }),
      postWebhook(t, transferIn({ amount: order.total, content: order.code })),
    ]);
    assert.equal(bank.statusCode, 200);
    await t.app.outbox.drain();
    const status = await statusOf(order.id);
    const intent = await paymentOf(order.id);
    if (cancel.statusCode === 200) {
      assert.equal(status, 'cancelled', `round ${round}`);
      assert.equal(intent.status, 'cancelled');
      assert.equal(await escrowHeld(t.db, order.id), 0n);
    } else {
      assert.equal(cancel.statusCode, 409, `round ${round}: ${cancel.body}`);
      assert.equal(status, 'paid');
      assert.equal(await escrowHeld(t.db, order.id), order.total);
    }
  }
  assert.deepEqual(await ledgerProblems(t.db), []);
});
