import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditsOf, signedIn, type TestApp, testApp } from '../../../../test/helpers.js';
import { listNotifications } from '../../notifications/index.js';
import { sellerRow, sellerWithOwner } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const page = (id: string) => `/quan-ly/ho-so/${id}/xac-minh`;
const api = (id: string) => `/api/v1/officer/applications/${id}/verification`;

test('an officer records a documents check, audited, and the seller is told', async () => {
  const { seller, owner } = await sellerWithOwner(t);
  const officer = await signedIn(t, 'officer', 'Trần Văn Kiểm');
  const form = await officer.client.get(page(seller.id));
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Chưa xác thực/);
  assert.match(form.body, /Nguyễn Thị Hồng Đào/);
  assert.match(form.body, /Xác nhận đã xác minh qua hồ sơ giấy tờ/);

  const empty = await officer.client.form(page(seller.id), { note: '  ' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Có lỗi cần sửa/);
  assert.match(empty.body, /Ghi chú: Vui lòng nhập thông tin này/);
  assert.equal((await sellerRow(t, seller.id)).verificationMethod, null);

  const note = 'Đã đối chiếu giấy chứng nhận đăng ký hộ kinh doanh và căn cước 056190001234 với bản gốc.';
  const res = await officer.client.form(page(seller.id), { note });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/quan-ly/ho-so/${seller.id}`);

  const s = await sellerRow(t, seller.id);
  assert.equal(s.verificationMethod, 'documents');
  assert.ok(s.verifiedAt);
  assert.deepEqual(s.verification, { officerId: officer.user.id, note });
  const [entry] = await auditsOf(t, seller.id, 'seller.verification.documents');
  assert.equal(entry.actorId, officer.user.id);
  assert.equal(entry.reason, note);
  assert.ok(entry.at);
  const [notice] = await listNotifications(t.db, owner.user.id);
  assert.match(notice.title, /đã được xác minh danh tính/);

  const shown = await officer.client.get(page(seller.id));
  assert.match(shown.body, /Đã xác minh qua hồ sơ giấy tờ bởi cán bộ ngày \d{2}\/\d{2}\/\d{4}/);
  assert.match(shown.body, /Trần Văn Kiểm/);
  assert.match(shown.body, /Thu hồi xác minh/);

  // The seller sees how it was verified, in Vietnamese and in English.
  const mine = await owner.client.get(`/kenh-ban-hang/xac-thuc?seller=${seller.id}`);
  assert.match(mine.body, /Đã xác minh qua hồ sơ giấy tờ bởi cán bộ ngày/);
  assert.match(mine.body, /Sàn chưa kết nối với VNeID/);
  owner.client.lang = 'en';
  const en = await owner.client.get(`/kenh-ban-hang/xac-thuc?seller=${seller.id}`);
  assert.match(en.body, /Verified from documents by an officer on/);

  // Verified already: a second check is refused on the form, and nothing changes.
  const twice = await officer.client.form(page(seller.id), { note: 'Lần nữa' });
  assert.equal(twice.statusCode, 409);
  assert.match(twice.body, /đã được xác thực/);
  assert.deepEqual((await sellerRow(t, seller.id)).verification, { officerId: officer.user.id, note });
});

test('an officer withdraws a verification with a reason; the seller sees why', async () => {
  const { seller, owner } = await sellerWithOwner(t);
  const officer = await signedIn(t, 'officer');
  await officer.client.form(page(seller.id), { note: 'Đối chiếu căn cước và giấy đăng ký.' });

  const noReason = await officer.client.form(`${page(seller.id)}/thu-hoi`, { reason: '' });
  assert.equal(noReason.statusCode, 422);
  assert.match(noReason.body, /Lý do: Vui lòng nhập thông tin này/);
  assert.equal((await sellerRow(t, seller.id)).verificationMethod, 'documents');

  const reason = 'Căn cước nộp kèm là giả mạo (xác nhận của Công an phường).';
  const res = await officer.client.form(`${page(seller.id)}/thu-hoi`, { reason });
  assert.equal(res.statusCode, 303);
  const s = await sellerRow(t, seller.id);
  assert.equal(s.verificationMethod, null);
  assert.equal(s.verifiedAt, null);
  const revoked = (s.verification as { revoked: Record<string, unknown> }).revoked;
  assert.equal(revoked.reason, reason);
  assert.equal(revoked.by, officer.user.id);
  assert.equal(revoked.method, 'documents');
  const [entry] = await auditsOf(t, seller.id, 'seller.verification.revoke');
  assert.equal(entry.reason, reason);
  assert.equal(entry.actorId, officer.user.id);

  const mine = await owner.client.get(`/kenh-ban-hang/xac-thuc?seller=${seller.id}`);
  assert.match(mine.body, /Chưa xác thực/);
  assert.match(mine.body, /đã bị thu hồi ngày \d{2}\/\d{2}\/\d{4}\. Lý do: Căn cước nộp kèm là giả mạo/);
  const notices = await listNotifications(t.db, owner.user.id);
  assert.ok(notices.some((n) => n.body.includes(reason)));

  const again = await officer.client.form(`${page(seller.id)}/thu-hoi`, { reason: 'Lần nữa' });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /chưa được xác thực nên không có gì để thu hồi/);
});

test('the JSON twins verify and withdraw, and say who attested', async () => {
  const { seller } = await sellerWithOwner(t);
  const officer = await signedIn(t, 'admin', 'Lê Thị Quản Trị');
  const missing = await officer.client.json('POST', api(seller.id), {});
  assert.equal(missing.statusCode, 422);
  assert.equal(missing.json().error.fields[0].field, 'note');

  const res = await officer.client.json('POST', api(seller.id), { note: 'Đối chiếu bản gốc.' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.method, 'documents');
  assert.equal(body.documents.officerName, 'Lê Thị Quản Trị');
  assert.ok(!Number.isNaN(Date.parse(body.verifiedAt)));

  const read = await officer.client.json('GET', api(seller.id));
  assert.deepEqual(read.json(), body);

  const revoked = await officer.client.json('POST', `${api(seller.id)}/revoke`, { reason: 'Giấy tờ giả.' });
  assert.equal(revoked.statusCode, 200);
  assert.equal(revoked.json().method, null);
  assert.equal(revoked.json().revoked.reason, 'Giấy tờ giả.');

  const openapi = (await officer.client.get('/api/docs/json')).json();
  assert.ok(openapi.paths['/api/v1/officer/applications/{id}/verification']);
  assert.ok(openapi.paths['/api/v1/seller/verification']);
});

test('role matrix: only officers and admins; anonymous users are sent to sign in', async () => {
  const { seller, owner } = await sellerWithOwner(t);
  const buyer = await signedIn(t, 'buyer');
  for (const [who, c] of [
    ['buyer', buyer.client],
    ['seller', owner.client],
  ] as const) {
    assert.equal((await c.get(page(seller.id))).statusCode, 403, `${who} GET page`);
    assert.equal((await c.form(page(seller.id), { note: 'x' })).statusCode, 403, `${who} POST form`);
    assert.equal(
      (await c.form(`${page(seller.id)}/thu-hoi`, { reason: 'x' })).statusCode,
      403,
      `${who} revoke`,
    );
    assert.equal((await c.json('POST', api(seller.id), { note: 'x' })).statusCode, 403, `${who} POST API`);
    assert.equal((await c.json('GET', api(seller.id))).statusCode, 403, `${who} GET API`);
  }
  const anonymous = await t.app.inject({ method: 'GET', url: page(seller.id) });
  assert.equal(anonymous.statusCode, 302);
  assert.equal(anonymous.headers.location, `/dang-nhap?next=${encodeURIComponent(page(seller.id))}`);
  const anonApi = await t.app.inject({ method: 'POST', url: api(seller.id), payload: { note: 'x' } });
  assert.equal(anonApi.statusCode, 401);
  assert.equal((await sellerRow(t, seller.id)).verificationMethod, null);

  for (const role of ['officer', 'admin'] as const) {
    const { seller: other } = await sellerWithOwner(t);
    const staff = await signedIn(t, role);
    assert.equal((await staff.client.form(page(other.id), { note: 'Đã đối chiếu.' })).statusCode, 303, role);
  }
});

test('nothing to verify on a rejected application, nor without a representative', async () => {
  const officer = await signedIn(t, 'officer');
  const { seller: rejected } = await sellerWithOwner(t, { status: 'rejected' });
  const closed = await officer.client.form(page(rejected.id), { note: 'Đã đối chiếu.' });
  assert.equal(closed.statusCode, 409);
  assert.match(closed.body, /đã bị từ chối hoặc chấm dứt/);

  const { seller: bare } = await sellerWithOwner(t, { repName: null });
  const res = await officer.client.json('POST', api(bare.id), { note: 'Đã đối chiếu.' });
  assert.equal(res.statusCode, 409);
  assert.match(res.json().error.message, /chưa có họ tên và số căn cước/);

  const unknown = await officer.client.get(page('01900000-0000-7000-8000-000000000000'));
  assert.equal(unknown.statusCode, 404);
});

test('without VNeID configured there is no VNeID button and the start answers 404', async () => {
  const { seller, owner } = await sellerWithOwner(t);
  const mine = await owner.client.get(`/kenh-ban-hang/xac-thuc?seller=${seller.id}`);
  assert.doesNotMatch(mine.body, /href="\/kenh-ban-hang\/xac-thuc\/vneid/);
  const start = await owner.client.get(`/kenh-ban-hang/xac-thuc/vneid?seller=${seller.id}`);
  assert.equal(start.statusCode, 404);
  assert.match(start.body, /Sàn chưa kết nối với VNeID/);
  const apiRes = await owner.client.json('GET', `/api/v1/seller/verification?seller=${seller.id}`);
  assert.equal(apiRes.json().vneid, false);
});
