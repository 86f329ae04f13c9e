import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { auditLog } from '../../platform/audit/schema.js';
import { bearer } from '../sellers/console-test-fixtures.js';
import { shopWithMembers } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

async function published(name: string) {
  const shop = await shopWithMembers(t);
  const { product } = await shop.product({ name });
  await shop.owner.client.json('POST', `/api/v1/seller/products/${product.id}/transitions`, {
    action: 'publish',
  });
  return { shop, product };
}

test('officers find products by name without diacritics and by status; nobody else sees the list', async () => {
  const { shop } = await published('Nước mắm Vạn Ninh 35 độ đạm');
  await published('Tỏi cô đơn Lý Sơn');
  await shop.product({ name: 'Nước mắm nhĩ bản nháp' });
  const officer = await signedIn(t, 'officer');
  const list = await officer.client.get('/quan-ly/san-pham?q=nuoc+mam&status=published');
  assert.equal(list.statusCode, 200);
  assert.equal(list.headers['cache-control'], 'private, no-store');
  assert.match(list.body, /1 sản phẩm/);
  assert.match(list.body, /Nước mắm Vạn Ninh 35 độ đạm<\/a><\/td><td>Cơ sở Yến sào Hòn Nội/);
  const api = await officer.client.json('GET', '/api/v1/officer/products?q=nuoc%20mam');
  assert.deepEqual(
    api
      .json()
      .items.map((i: { name: string; status: string }) => [i.name, i.status])
      .sort(),
    [
      ['Nước mắm Vạn Ninh 35 độ đạm', 'published'],
      ['Nước mắm nhĩ bản nháp', 'draft'],
    ].sort(),
  );
  assert.equal((await new Client(t.app).get('/quan-ly/san-pham')).statusCode, 302);
  assert.equal((await shop.owner.client.get('/quan-ly/san-pham')).statusCode, 403);
  assert.equal((await shop.owner.client.json('GET', '/api/v1/officer/products')).statusCode, 403);
});

test('the take-down form needs a reason; the decision is audited and the shop sees it', async () => {
  const { shop, product } = await published('Sâm Ngọc Linh 5 năm tuổi');
  const officer = await signedIn(t, 'officer');
  const page = await officer.client.get(`/quan-ly/san-pham/${product.id}`);
  assert.match(page.body, new RegExp(`action="/quan-ly/san-pham/${product.id}/go-bo"`));
  assert.doesNotMatch(page.body, /khoi-phuc/);
  const empty = await officer.client.form(`/quan-ly/san-pham/${product.id}/go-bo`, { reason: '' });
  assert.equal(empty.statusCode, 422);
  assert.match(
    empty.body,
    /<a href="#f-officer.take_down.reason">Lý do gỡ sản phẩm: Vui lòng nêu lý do\.<\/a>/,
  );
  const reason = 'Không có giấy tờ chứng minh nguồn gốc sâm Ngọc Linh';
  const done = await officer.client.form(`/quan-ly/san-pham/${product.id}/go-bo`, { reason });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, `/quan-ly/san-pham/${product.id}?done=go-bo`);
  const after = await officer.client.get(done.headers.location!);
  assert.match(after.body, /Đã gỡ sản phẩm; người bán đã được thông báo\./);
  assert.match(after.body, new RegExp(`action="/quan-ly/san-pham/${product.id}/khoi-phuc"`));
  // Taking down twice: someone else already did it.
  const twice = await officer.client.form(`/quan-ly/san-pham/${product.id}/go-bo`, { reason: 'Lần nữa' });
  assert.equal(twice.statusCode, 409);
  const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, product.id));
  assert.deepEqual(
    audit.map((a) => [a.action, a.reason]),
    [['product.take_down', reason]],
  );
  const seller = await shop.owner.client.get(`/kenh-ban-hang/san-pham/${product.id}`);
  assert.match(seller.body, /Sản phẩm đã bị cơ quan quản lý gỡ khỏi sàn/);
  assert.match(seller.body, new RegExp(`<strong>Lý do: </strong><span>${reason}</span>`));
  assert.doesNotMatch(seller.body, /\/publish"/, 'no publish button while taken down');
  assert.match(
    seller.body,
    /Bị gỡ khỏi sàn<\/span> <span>bởi cơ quan quản lý<\/span><p>Lý do: Không có giấy tờ/,
  );
  // An officer token needs officer:write to decide.
  const readToken = await bearer(t, officer.user.id, ['read']);
  const refused = await new Client(t.app).json(
    'POST',
    `/api/v1/officer/products/${product.id}/transitions`,
    { action: 'restore', reason: 'Đã bổ sung giấy tờ' },
    readToken,
  );
  assert.equal(refused.statusCode, 403);
  const restored = await officer.client.form(`/quan-ly/san-pham/${product.id}/khoi-phuc`, {
    reason: 'Đã bổ sung giấy tờ',
  });
  assert.equal(restored.statusCode, 303);
  const detail = await officer.client.json('GET', `/api/v1/officer/products/${product.id}`);
  assert.equal(detail.json().status, 'hidden');
  assert.deepEqual(
    detail.json().history.map((h: { to: string; reason: string | null }) => [h.to, h.reason]),
    [
      ['draft', null],
      ['published', null],
      ['taken_down', reason],
      ['hidden', 'Đã bổ sung giấy tờ'],
    ],
  );
});
