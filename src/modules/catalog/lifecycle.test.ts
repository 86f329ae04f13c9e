import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/schema.js';
import { notifications } from '../notifications/schema.js';
import { searchDocuments } from '../search/schema.js';
import { bearer, makeSeller } from '../sellers/console-test-fixtures.js';
import { transitionProduct } from './index.js';
import { productForm, shopWithMembers } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const publicUrl = 'http://localhost:3000';
const docOf = async (id: string) =>
  (await t.db.select().from(searchDocuments).where(eq(searchDocuments.productId, id)))[0];
const statusOf = async (id: string) =>
  (await t.db.execute<{ status: string }>(sql`SELECT status FROM products WHERE id = ${id}`)).rows[0].status;

test('who may do what with a shop product: the role matrix over the JSON API', async () => {
  const shop = await shopWithMembers(t);
  const { product } = await shop.product();
  const other = await shopWithMembers(t);
  const buyer = await signedIn(t, 'buyer');
  const officer = await signedIn(t, 'officer');
  const admin = await signedIn(t, 'admin');
  const url = `/api/v1/seller/products/${product.id}`;
  const cases: [string, Client, number, number][] = [
    // who, client, GET, PUT
    ['anonymous', new Client(t.app), 401, 401],
    ['buyer', buyer.client, 403, 403],
    ['member of another shop', other.owner.client, 403, 403],
    ['officer', officer.client, 403, 403],
    ['admin', admin.client, 403, 403],
    ['owner', shop.owner.client, 200, 200],
    ['staff', shop.staff.client, 200, 200],
  ];
  for (const [who, client, get, put] of cases) {
    assert.equal((await client.json('GET', url)).statusCode, get, `${who} GET`);
    const res = await client.json('PUT', url, productForm({ name: `Yến sào sửa bởi ${who}` }));
    assert.equal(res.statusCode, put, `${who} PUT`);
  }
  for (const [who, client, , write] of cases) {
    const res = await client.json('POST', `${url}/transitions`, { action: 'publish' });
    assert.equal(res.statusCode, write, `${who} publish`);
    if (res.statusCode === 200) {
      assert.equal(res.json().status, 'published');
      assert.equal((await client.json('POST', `${url}/transitions`, { action: 'hide' })).statusCode, 200);
    }
  }
  // Officers take down and restore; the shop cannot, even its owner.
  const takeDown = { action: 'take_down', reason: 'Ghi sai hạng sao OCOP trên bao bì' };
  const officerUrl = `/api/v1/officer/products/${product.id}/transitions`;
  for (const [who, client, status] of [
    ['anonymous', new Client(t.app), 401],
    ['buyer', buyer.client, 403],
    ['owner', shop.owner.client, 403],
  ] as const)
    assert.equal((await client.json('POST', officerUrl, takeDown)).statusCode, status, `${who} take down`);
  assert.equal(
    (await shop.owner.client.json('POST', `${url}/transitions`, { action: 'take_down' })).statusCode,
    422,
    'the seller API knows no take_down',
  );
  assert.equal((await admin.client.json('POST', officerUrl, takeDown)).statusCode, 200);
  // A token needs seller:write to change anything; read is enough to look.
  const readOnly = await bearer(t, shop.owner.user.id, ['read']);
  assert.equal((await new Client(t.app).json('GET', url, undefined, readOnly)).statusCode, 200);
  const denied = await new Client(t.app).json('PUT', url, productForm(), readOnly);
  assert.equal(denied.statusCode, 403);
  const writer = await bearer(t, shop.owner.user.id, ['seller:write']);
  assert.equal((await new Client(t.app).json('PUT', url, productForm(), writer)).statusCode, 200);
});

test('only an approved shop publishes: not one under review, suspended or terminated', async () => {
  for (const status of ['submitted', 'suspended', 'terminated'] as const) {
    const owner = await signedIn(t, 'buyer');
    const { seller } = await makeSeller(t, { status: 'approved', owner: owner.user });
    const res = await owner.client.json('POST', '/api/v1/seller/products', {
      sellerId: seller.id,
      ...productForm(),
    });
    assert.equal(res.statusCode, 201);
    const id = res.json().id;
    await t.db.execute(sql`UPDATE sellers SET status = ${status} WHERE id = ${seller.id}`);
    const publish = await owner.client.json('POST', `/api/v1/seller/products/${id}/transitions`, {
      action: 'publish',
    });
    assert.equal(publish.statusCode, 409, status);
    assert.equal(
      publish.json().error.message,
      'Chỉ cửa hàng đã được phê duyệt (và không bị tạm ngừng) mới được đăng bán sản phẩm.',
    );
    assert.equal(await statusOf(id), 'draft');
    assert.equal(await docOf(id), undefined);
  }
  // A draft cannot be hidden, a published product cannot be published again.
  const shop = await shopWithMembers(t);
  const { product } = await shop.product();
  const hide = await shop.owner.client.json('POST', `/api/v1/seller/products/${product.id}/transitions`, {
    action: 'hide',
  });
  assert.equal(hide.statusCode, 409);
  assert.equal(hide.json().error.code, 'invalid_transition');
});

test('publishing writes the search document, hiding removes it, and every step is recorded', async () => {
  const shop = await shopWithMembers(t);
  const { product } = await shop.product();
  const url = `/api/v1/seller/products/${product.id}/transitions`;
  assert.equal(await docOf(product.id), undefined, 'a draft is not searchable');
  await shop.staff.client.json('POST', url, { action: 'publish' });
  const doc = await docOf(product.id);
  assert.equal(doc.name, 'Yến sào tinh chế Hòn Nội');
  assert.equal(doc.nameFolded, 'yen sao tinh che hon noi');
  assert.equal(doc.category, 'food.bird_nest');
  assert.equal(doc.ocopStars, 4);
  assert.equal(doc.priceMin, 1_250_000n);
  assert.match(doc.bodyFolded, /phuong bac nha trang/);
  assert.equal(doc.sellerName, shop.seller.shopName);
  // A change of a published product reaches search; a stock change does not need to.
  await shop.owner.client.json(
    'PUT',
    `/api/v1/seller/products/${product.id}`,
    productForm({ name: 'Yến sào Hòn Nội loại 1' }),
  );
  assert.equal((await docOf(product.id)).nameFolded, 'yen sao hon noi loai 1');
  await shop.owner.client.json('POST', url, { action: 'hide' });
  assert.equal(await docOf(product.id), undefined);
  await shop.owner.client.json('POST', url, { action: 'publish' });
  assert.ok(await docOf(product.id));
  const history = (await shop.owner.client.json('GET', url)).json().items;
  assert.deepEqual(
    history.map((h: { from: string | null; to: string }) => [h.from, h.to]),
    [
      [null, 'draft'],
      ['draft', 'published'],
      ['published', 'hidden'],
      ['hidden', 'published'],
    ],
  );
});

test('the search document commits or rolls back with the product change (one transaction)', async () => {
  const shop = await shopWithMembers(t);
  const { product } = await shop.product();
  await assert.rejects(
    t.db.transaction(async (tx) => {
      await transitionProduct(tx, {
        productId: product.id,
        action: 'publish',
        actor: shop.owner.actor,
        party: 'seller',
        publicUrl,
      });
      const inside = await tx.select().from(searchDocuments).where(eq(searchDocuments.productId, product.id));
      assert.equal(inside.length, 1, 'written inside the transaction');
      // Another connection does not see it before the commit.
      assert.equal(await docOf(product.id), undefined);
      throw new Error('roll back');
    }),
    /roll back/,
  );
  assert.equal(await statusOf(product.id), 'draft');
  assert.equal(await docOf(product.id), undefined);
});

test('an officer takes a product down with a reason: audited, the shop is told and sees why', async () => {
  const shop = await shopWithMembers(t);
  const { product } = await shop.product();
  await shop.owner.client.json('POST', `/api/v1/seller/products/${product.id}/transitions`, {
    action: 'publish',
  });
  const officer = await signedIn(t, 'officer');
  const url = `/api/v1/officer/products/${product.id}/transitions`;
  const noReason = await officer.client.json('POST', url, { action: 'take_down', reason: '  ' });
  assert.equal(noReason.statusCode, 422);
  assert.equal(noReason.json().error.message, 'Vui lòng nêu lý do.');
  const reason = 'Sản phẩm ghi 5 sao OCOP nhưng giấy chứng nhận chỉ 4 sao';
  const res = await officer.client.json('POST', url, { action: 'take_down', reason });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().status, 'taken_down');
  assert.equal(await docOf(product.id), undefined, 'gone from search');
  const [audit] = await t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'product.take_down'), eq(auditLog.subjectId, product.id)));
  assert.equal(audit.actorId, officer.user.id);
  assert.equal(audit.reason, reason);
  for (const member of [shop.owner, shop.staff]) {
    const mine = await t.db.select().from(notifications).where(eq(notifications.userId, member.user.id));
    const n = mine.find((x) => x.title === 'Sản phẩm "Yến sào tinh chế Hòn Nội" đã bị gỡ');
    assert.ok(n, 'notified');
    assert.match(n.body, new RegExp(`Lý do: ${reason}`));
    assert.equal(n.link, `/kenh-ban-hang/san-pham/${product.id}`);
  }
  await t.app.outbox.drain();
  assert.ok(t.mails.some((m) => m.to === shop.owner.user.email && /đã bị gỡ/.test(m.subject)));
  // The shop sees the reason, and cannot publish again by itself.
  const mine = await shop.owner.client.json('GET', `/api/v1/seller/products/${product.id}`);
  assert.equal(mine.json().statusReason, reason);
  const page = await shop.owner.client.get(`/kenh-ban-hang/san-pham/${product.id}`);
  assert.match(page.body, new RegExp(reason));
  const again = await shop.owner.client.json('POST', `/api/v1/seller/products/${product.id}/transitions`, {
    action: 'publish',
  });
  assert.equal(again.statusCode, 409);
  // Restored, it comes back hidden; the shop publishes it again.
  const restore = await officer.client.json('POST', url, { action: 'restore', reason: 'Đã sửa hạng sao' });
  assert.equal(restore.json().status, 'hidden');
  assert.equal(restore.json().statusReason, 'Đã sửa hạng sao');
  const restoredAudit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'product.restore'));
  assert.equal(restoredAudit.length, 1);
  await shop.owner.client.json('POST', `/api/v1/seller/products/${product.id}/transitions`, {
    action: 'publish',
  });
  assert.ok(await docOf(product.id));
});

test('the catalog API is in the OpenAPI document', async () => {
  const doc = (await new Client(t.app).get('/api/docs/json')).json();
  for (const path of [
    '/api/v1/seller/products',
    '/api/v1/seller/products/{id}',
    '/api/v1/seller/products/{id}/transitions',
    '/api/v1/seller/products/{id}/images',
    '/api/v1/seller/products/{id}/variants/{variantId}/stock',
    '/api/v1/officer/products',
    '/api/v1/officer/products/{id}/transitions',
  ])
    assert.ok(doc.paths[path], path);
  assert.equal(doc.paths['/api/v1/seller/products'].post.tags[0], 'catalog');
});
