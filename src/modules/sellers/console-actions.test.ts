import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditsOf, type SignedIn, signedIn, type TestApp } from '../../../test/helpers.js';
import { translate } from '../../platform/http/i18n.js';
import { notifications } from '../notifications/schema.js';
import { appWithOfficer, bearer, makeSeller } from './console-test-fixtures.js';
import { sellers } from './schema.js';

let t: TestApp;
let officer: SignedIn;
before(async () => ({ t, officer } = await appWithOfficer()));
after(() => t.close());

const statusOf = async (id: string) =>
  (await t.db.select({ s: sellers.status }).from(sellers).where(eq(sellers.id, id)))[0].s;
/** The seller module's own wording of a notice, filled in as the member receives it. */
const vi = (key: string, params: Record<string, string> = {}) => translate('vi', key, params);
const noticesOf = (userId: string) =>
  t.db.select().from(notifications).where(eq(notifications.userId, userId));

test('approving with a note: 303 back to the detail with a confirmation, audit row, history and the owner told', async () => {
  const { seller, owner } = await makeSeller(t);
  const res = await officer.client.form(`/quan-ly/ho-so/${seller.id}/approve`, {
    reason: 'Hồ sơ đầy đủ, chúc cơ sở kinh doanh tốt.',
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/quan-ly/ho-so/${seller.id}?done=approve`);
  assert.equal(await statusOf(seller.id), 'approved');

  const page = await officer.client.get(res.headers.location as string);
  assert.match(page.body, /Đã phê duyệt hồ sơ\. Người bán đã được thông báo\./);
  assert.match(page.body, /Chờ xét duyệt → Đã duyệt/);
  assert.match(page.body, /Người thực hiện: Trần Thị Cán Bộ/);
  assert.match(page.body, /Lý do \/ ghi chú: Hồ sơ đầy đủ, chúc cơ sở kinh doanh tốt\./);
  // From approved, the only decision left is to suspend.
  assert.match(page.body, /action="\/quan-ly\/ho-so\/[^"]+\/suspend"/);
  assert.doesNotMatch(page.body, /action="\/quan-ly\/ho-so\/[^"]+\/(approve|reject|request_changes)"/);

  const [audit] = await auditsOf(t, seller.id, 'seller.approve');
  assert.equal(audit.actorId, officer.user.id);
  assert.equal(audit.subjectType, 'seller');
  assert.equal(audit.reason, 'Hồ sơ đầy đủ, chúc cơ sở kinh doanh tốt.');
  assert.deepEqual(audit.data, { from: 'submitted', to: 'approved' });

  const [notice] = await noticesOf(owner.id);
  assert.equal(notice.title, vi('seller.notice.approve.title', { shop: seller.shopName }));
  assert.equal(
    notice.body,
    vi('seller.notice.approve.body', {
      shop: seller.shopName,
      reason: 'Hồ sơ đầy đủ, chúc cơ sở kinh doanh tốt.',
    }),
  );
  assert.match(notice.body, /Hồ sơ đầy đủ, chúc cơ sở kinh doanh tốt\./);
});

test('approving needs no note', async () => {
  const { seller, owner } = await makeSeller(t);
  const res = await officer.client.form(`/quan-ly/ho-so/${seller.id}/approve`, { reason: '' });
  assert.equal(res.statusCode, 303);
  assert.equal(await statusOf(seller.id), 'approved');
  const [notice] = await noticesOf(owner.id);
  assert.equal(notice.body, vi('seller.notice.approve.body_noreason', { shop: seller.shopName }));
});

test('rejecting without a reason re-renders the detail with 422 and the error on the reason field', async () => {
  const { seller } = await makeSeller(t);
  for (const reason of ['', '   ']) {
    const res = await officer.client.form(`/quan-ly/ho-so/${seller.id}/reject`, { reason });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /<a href="#f-reason-reject">Lý do từ chối: Vui lòng nêu lý do\.<\/a>/);
    assert.match(res.body, /<p class="field-error" id="f-reason-reject-error">Vui lòng nêu lý do\.<\/p>/);
    assert.match(res.body, /id="f-reason-reject"[^>]*aria-invalid="true"/);
  }
  assert.equal(await statusOf(seller.id), 'submitted');
  assert.equal((await auditsOf(t, seller.id, 'seller.reject')).length, 0);

  officer.client.lang = 'en';
  const en = await officer.client.form(`/quan-ly/ho-so/${seller.id}/request_changes`, { reason: '' });
  officer.client.lang = undefined;
  assert.equal(en.statusCode, 422);
  assert.match(en.body, /What needs to change: Please give a reason\./);
});

test('rejecting and requesting changes with a reason tell the seller why', async () => {
  const rejected = await makeSeller(t);
  const res = await officer.client.form(`/quan-ly/ho-so/${rejected.seller.id}/reject`, {
    reason: 'Mã số thuế không khớp với giấy đăng ký.',
  });
  assert.equal(res.statusCode, 303);
  assert.equal(await statusOf(rejected.seller.id), 'rejected');
  const [n1] = await noticesOf(rejected.owner.id);
  assert.match(n1.body, /Lý do: Mã số thuế không khớp với giấy đăng ký\./);
  assert.equal(
    (await auditsOf(t, rejected.seller.id, 'seller.reject'))[0].reason,
    'Mã số thuế không khớp với giấy đăng ký.',
  );

  const changes = await makeSeller(t);
  const res2 = await officer.client.form(`/quan-ly/ho-so/${changes.seller.id}/request_changes`, {
    reason: 'Bổ sung ảnh CCCD mặt sau.',
  });
  assert.equal(res2.statusCode, 303);
  assert.equal(await statusOf(changes.seller.id), 'needs_changes');
  const [n2] = await noticesOf(changes.owner.id);
  assert.equal(n2.title, vi('seller.notice.request_changes.title', { shop: changes.seller.shopName }));
  assert.match(n2.body, /Bổ sung ảnh CCCD mặt sau\./);
});

test('suspending, reinstating and terminating a shop each need a reason and are audited', async () => {
  const { seller, owner } = await makeSeller(t, { status: 'approved' });
  const missing = await officer.client.form(`/quan-ly/ho-so/${seller.id}/suspend`, { reason: '' });
  assert.equal(missing.statusCode, 422);
  assert.match(missing.body, /Lý do tạm ngừng: Vui lòng nêu lý do\./);

  const steps: [string, string, string][] = [
    ['suspend', 'Có phản ánh về hàng giả.', 'suspended'],
    ['reinstate', 'Đã xác minh, phản ánh không đúng.', 'approved'],
    ['suspend', 'Tái phạm.', 'suspended'],
    ['terminate', 'Vi phạm nhiều lần.', 'terminated'],
  ];
  for (const [action, reason, to] of steps) {
    const res = await officer.client.form(`/quan-ly/ho-so/${seller.id}/${action}`, { reason });
    assert.equal(res.statusCode, 303, action);
    assert.equal(await statusOf(seller.id), to);
  }
  assert.equal((await auditsOf(t, seller.id, 'seller.suspend')).length, 2);
  assert.equal((await auditsOf(t, seller.id, 'seller.terminate'))[0].reason, 'Vi phạm nhiều lần.');
  const titles = (await noticesOf(owner.id)).map((n) => n.title);
  for (const action of ['suspend', 'reinstate', 'terminate']) {
    assert.ok(titles.includes(vi(`seller.notice.${action}.title`, { shop: seller.shopName })), action);
  }

  const page = await officer.client.get(`/quan-ly/ho-so/${seller.id}`);
  assert.match(page.body, /Không có thao tác nào cho trạng thái hiện tại\./);
});

test('an action the state no longer allows (another officer decided meanwhile) is a clear 409', async () => {
  const { seller } = await makeSeller(t);
  const other = await signedIn(t, 'officer', 'Lê Văn Cán Bộ Khác');
  assert.equal(
    (await other.client.form(`/quan-ly/ho-so/${seller.id}/approve`, { reason: '' })).statusCode,
    303,
  );

  const res = await officer.client.form(`/quan-ly/ho-so/${seller.id}/reject`, { reason: 'Thiếu giấy tờ.' });
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /Không thể thực hiện “Từ chối”: hồ sơ hiện đang ở trạng thái “Đã duyệt”/);
  assert.equal(await statusOf(seller.id), 'approved');

  const again = await officer.client.form(`/quan-ly/ho-so/${seller.id}/approve`, { reason: '' });
  assert.equal(again.statusCode, 409, 'approving an approved seller');
  const api = await officer.client.json('POST', `/api/v1/officer/applications/${seller.id}/transitions`, {
    action: 'approve',
  });
  assert.equal(api.statusCode, 409);
  assert.equal(api.json().error.code, 'invalid_transition');
  assert.equal((await auditsOf(t, seller.id, 'seller.approve')).length, 1);
});

test('unknown actions, unknown sellers and drafts are 404; a form without its CSRF token is refused', async () => {
  const { seller } = await makeSeller(t);
  assert.equal(
    (await officer.client.form(`/quan-ly/ho-so/${seller.id}/delete`, { reason: 'x' })).statusCode,
    404,
  );
  assert.equal(
    (await officer.client.form('/quan-ly/ho-so/0190a000-0000-7000-8000-000000000000/approve', {})).statusCode,
    404,
  );
  const draft = await makeSeller(t, { status: 'draft' });
  assert.equal((await officer.client.form(`/quan-ly/ho-so/${draft.seller.id}/approve`, {})).statusCode, 404);
  const noToken = await officer.client.form(
    `/quan-ly/ho-so/${seller.id}/approve`,
    { reason: '' },
    { csrf: false },
  );
  assert.equal(noToken.statusCode, 403);
  assert.equal(await statusOf(seller.id), 'submitted');
});

test('the JSON API decides with the same rules; bearer tokens need the officer:write scope', async () => {
  const { seller } = await makeSeller(t);
  const url = `/api/v1/officer/applications/${seller.id}/transitions`;
  const missing = await officer.client.json('POST', url, { action: 'reject' });
  assert.equal(missing.statusCode, 422);
  assert.deepEqual(missing.json().error.fields, [{ field: 'reason', message: 'Vui lòng nêu lý do.' }]);

  const readOnly = await bearer(t, officer.user.id, ['read']);
  const refused = await officer.client.json(
    'POST',
    url,
    { action: 'request_changes', reason: 'Bổ sung ảnh.' },
    readOnly,
  );
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'forbidden');
  assert.equal(await statusOf(seller.id), 'submitted');

  const writer = await bearer(t, officer.user.id, ['officer:write']);
  const ok = await officer.client.json(
    'POST',
    url,
    { action: 'request_changes', reason: 'Bổ sung ảnh.' },
    writer,
  );
  assert.equal(ok.statusCode, 200);
  assert.deepEqual(ok.json(), { id: seller.id, status: 'needs_changes' });
  // Reading needs the read scope.
  assert.equal(
    (await officer.client.json('GET', `/api/v1/officer/applications/${seller.id}`, undefined, writer))
      .statusCode,
    403,
  );
  const detail = await officer.client.json(
    'GET',
    `/api/v1/officer/applications/${seller.id}`,
    undefined,
    readOnly,
  );
  assert.equal(detail.statusCode, 200);
  assert.equal(detail.json().history.at(-1).reason, 'Bổ sung ảnh.');
});
