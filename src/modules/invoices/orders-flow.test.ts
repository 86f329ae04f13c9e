import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { transitionOrder } from '../orders/index.js';
import { orderLines } from '../orders/schema.js';
import { bringTo, type OrderingShop, orderingShop, placeOrder } from '../orders/test-fixtures.js';
import { invoicesOfOrders } from './index.js';
import { invoiceByLookup, signatureCheck } from './queries.js';

/** The invoices of orders taken through the orders module's own lifecycle, events and outbox. */
let t: TestApp;
let shop: OrderingShop;
before(async () => {
  t = await testApp();
  shop = await orderingShop(t);
});
after(() => t.close());

test('an order completed through its lifecycle gets its signed invoice from the outbox', async () => {
  const buyer = await signedIn(t, 'buyer', 'Lê Thị Mua');
  const order = await bringTo(t, await placeOrder(t, shop, buyer, { method: 'cod' }), 'completed', {
    shop,
    buyer,
  });
  await t.app.outbox.drain();
  const [link, ...more] = (await invoicesOfOrders(t.db, [order.id])).get(order.id) ?? [];
  assert.ok(link, 'the order has its invoice');
  assert.equal(more.length, 0);
  const inv = (await invoiceByLookup(t.db, link.lookupCode))!;
  assert.equal(inv.total, order.total, 'the invoice says what the order cost');
  assert.equal(inv.sellerId, shop.seller.id);
  assert.equal(inv.form, '2', "the fixtures' shop is a household business: a sales invoice");
  assert.equal(inv.document.buyer.name, 'Lê Thị Mua');
  assert.equal((await signatureCheck(t.db, inv)).valid, true);
});

test('a partly returned order: its invoice, then an adjustment for what came back', async () => {
  const buyer = await signedIn(t, 'buyer');
  const placed = await placeOrder(t, shop, buyer, { method: 'cod', quantities: [3] });
  const requested = await bringTo(t, placed, 'return_requested', { shop, buyer });
  const [line] = await t.db.select().from(orderLines).where(eq(orderLines.orderId, placed.id));
  await transitionOrder(t.db, {
    orderId: requested.id,
    action: 'accept_return',
    actor: shop.owner.actor,
    returned: [{ lineId: line.id, quantity: 1 }],
    publicUrl: 'http://localhost:3000',
  });
  await t.app.outbox.drain();
  const links = (await invoicesOfOrders(t.db, [placed.id])).get(placed.id) ?? [];
  assert.deepEqual(
    links.map((l) => l.kind),
    ['original', 'adjustment'],
  );
  assert.equal(links[0].total, placed.total);
  assert.equal(links[1].total, -line.unitPrice);
  const adjustment = (await invoiceByLookup(t.db, links[1].lookupCode))!;
  assert.equal(adjustment.document.related?.number, links[0].number);
});
