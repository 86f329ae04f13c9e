import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { translate, translator } from '../../platform/http/i18n.js';
import { notifications } from '../notifications/schema.js';
import type { SellerStatus } from './lifecycle.js';
import { statusLabel } from './reference.js';
import { sellerMembers, sellers } from './schema.js';
import { completeForm, documentUploads, files } from './test-fixtures.js';
import { transitionSeller } from './transitions.js';
import { verifyByDocuments } from './verification/index.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const FORM = '/kenh-ban-hang/dang-ky';
/** The status badge, in whatever words the catalogue gives the status. */
const badge = (status: SellerStatus) =>
  new RegExp(`<span class="badge ${status}">${statusLabel(translator('vi'), status)}</span>`);

async function ownShop(userId: string) {
  const [row] = await t.db
    .select({ s: sellers })
    .from(sellers)
    .innerJoin(sellerMembers, and(eq(sellerMembers.sellerId, sellers.id), eq(sellerMembers.role, 'owner')))
    .where(eq(sellerMembers.userId, userId));
  return row?.s;
}

async function officerDoes(
  sellerId: string,
  action: 'request_changes' | 'approve' | 'reject',
  reason?: string,
) {
  const { actor } = await signedIn(t, 'officer');
  return transitionSeller(t.db, {
    sellerId,
    action,
    actor,
    party: 'officer',
    reason,
    publicUrl: 'http://localhost',
  });
}

async function submitted(taxCode: string) {
  const applicant = await signedIn(t);
  const res = await applicant.client.multipart(
    FORM,
    { ...completeForm(taxCode), _action: 'submit' },
    documentUploads,
  );
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  return { ...applicant, seller: (await ownShop(applicant.user.id))! };
}

test('sent back for changes: the reason is shown, the form edits the application, resubmission works', async () => {
  const { client, user, seller } = await submitted('4201234566');
  const reason = 'Ảnh căn cước mặt trước bị mờ, vui lòng chụp lại.';
  assert.equal(await officerDoes(seller.id, 'request_changes', reason), 'needs_changes');
  // The members are told, in the app and by mail.
  const [notice] = await t.db.select().from(notifications).where(eq(notifications.userId, user.id));
  assert.equal(
    notice.title,
    translate('vi', 'seller.notice.request_changes.title', { shop: 'Hợp tác xã Yến sào Cam Lâm' }),
  );
  assert.match(notice.title, /Hợp tác xã Yến sào Cam Lâm/);
  assert.match(notice.body, /Ảnh căn cước mặt trước bị mờ/);

  const form = await client.get(FORM);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Cán bộ đề nghị bổ sung hồ sơ/);
  assert.match(form.body, /Ảnh căn cước mặt trước bị mờ, vui lòng chụp lại\./);
  assert.match(form.body, /value="4201234566"/);
  assert.match(form.body, /Đã đính kèm:<\/span> <a href="\/tep\/[0-9a-f-]{36}">cccd-mat-truoc\.png<\/a>/);

  const center = await client.get('/kenh-ban-hang');
  assert.match(center.body, badge('needs_changes'));
  assert.match(center.body, /Sửa và nộp lại hồ sơ/);

  // Resubmit: the stored values come back through the hidden fields, with a new photo.
  const values: Record<string, string | string[]> = { ...completeForm('4201234566'), _action: 'submit' };
  for (const m of form.body.matchAll(
    /<input type="hidden" name="(documents\.[a-z_]+)" value="([0-9a-f-]{36})"/g,
  ))
    values[m[1]] = m[2];
  const res = await client.multipart(FORM, values, {
    'upload.citizen_id_front': { ...files.png, filename: 'cccd-moi.png' },
  });
  assert.equal(res.statusCode, 303);
  assert.equal((await ownShop(user.id))!.status, 'submitted');

  const history = await client.json('GET', '/api/v1/seller/application/history');
  assert.deepEqual(
    history
      .json()
      .items.map((h: { from: string; to: string; reason: string | null; byOfficer: boolean }) => [
        h.from,
        h.to,
        h.reason,
        h.byOfficer,
      ]),
    [
      ['draft', 'submitted', null, false],
      ['submitted', 'needs_changes', reason, true],
      ['needs_changes', 'submitted', null, false],
    ],
  );
  const page = await client.get('/kenh-ban-hang');
  assert.match(page.body, /Lý do: Ảnh căn cước mặt trước bị mờ/);
  assert.match(page.body, /cccd-moi\.png/);
});

test('approved: the seller centre links the storefront; submitting again is refused (409)', async () => {
  const { client, seller } = await submitted('4201987658');
  await officerDoes(seller.id, 'approve');
  const center = await client.get('/kenh-ban-hang');
  assert.match(center.body, badge('approved'));
  assert.match(center.body, new RegExp(`href="/cua-hang/${seller.slug}"`));
  const res = await client.json('POST', '/api/v1/seller/application/submit', {});
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'invalid_transition');
  assert.equal(
    res.json().error.message,
    'Không thể thực hiện thao tác này khi hồ sơ đang ở trạng thái hiện tại.',
  );
  // Submitting a second time while under review is refused the same way.
  const other = await submitted('4200765437');
  const twice = await other.client.json('POST', '/api/v1/seller/application/submit', {});
  assert.equal(twice.statusCode, 409);
});

test('a tax code held by another live seller is refused with an explanation', async () => {
  await submitted('4200111226');
  const b = await signedIn(t);
  const res = await b.client.multipart(
    FORM,
    { ...completeForm('4200111226'), _action: 'submit' },
    documentUploads,
  );
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Mã số thuế: Mã số thuế này đã được một cửa hàng khác đăng ký trên sàn/);
  assert.equal(await ownShop(b.user.id), undefined);
});

test('two applicants submitting one tax code at once: exactly one gets it', async () => {
  // Both save drafts first (drafts hold no tax code), then submit at the same moment.
  const taxCode = '0100109106';
  const [a, b] = await Promise.all([signedIn(t), signedIn(t)]);
  for (const x of [a, b]) {
    const draft = await x.client.multipart(
      FORM,
      { ...completeForm(taxCode), _action: 'draft' },
      documentUploads,
    );
    assert.equal(draft.statusCode, 303);
  }
  const results = await Promise.all(
    [a, b].map((x) => x.client.json('POST', '/api/v1/seller/application/submit', {})),
  );
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 422]);
  const refused = results.find((r) => r.statusCode === 422)!.json();
  assert.deepEqual(refused.error.fields, [
    {
      field: 'taxCode',
      message:
        'Mã số thuế này đã được một cửa hàng khác đăng ký trên sàn. Nếu đây là mã của bạn, vui lòng liên hệ Sở Công Thương để được hỗ trợ.',
    },
  ]);
});

test('a rejected application frees its tax code and the applicant may apply again', async () => {
  const { client, user, seller } = await submitted('0300588569');
  await officerDoes(seller.id, 'reject', 'Không phải sản phẩm của địa phương.');
  const center = await client.get('/kenh-ban-hang');
  assert.match(center.body, badge('rejected'));
  assert.match(center.body, /Không phải sản phẩm của địa phương\./);
  assert.match(center.body, /href="\/kenh-ban-hang\/dang-ky"/);
  const form = await client.get(FORM);
  assert.doesNotMatch(form.body, /value="0300588569"/, 'a fresh form, not the rejected application');
  const again = await client.multipart(
    FORM,
    { ...completeForm('0300588569'), _action: 'submit' },
    documentUploads,
  );
  assert.equal(again.statusCode, 303);
  const mine = await t.db
    .select({ status: sellers.status })
    .from(sellers)
    .where(eq(sellers.createdBy, user.id));
  assert.deepEqual(mine.map((m) => m.status).sort(), ['rejected', 'submitted']);
});

test('identity verification: shown in the seller centre, kept on edits, cleared when the representative changes', async () => {
  const { client, user, seller } = await submitted('0101248141');
  const officer = await signedIn(t, 'officer');
  await verifyByDocuments(t.db, {
    actor: officer.actor,
    publicUrl: 'http://localhost',
    sellerId: seller.id,
    note: 'Đã đối chiếu bản gốc.',
  });
  const center = await client.get('/kenh-ban-hang');
  assert.match(center.body, /Đã xác minh qua hồ sơ giấy tờ bởi cán bộ ngày/);
  assert.match(center.body, new RegExp(`href="/kenh-ban-hang/xac-thuc\\?seller=${seller.id}"`));

  await officerDoes(seller.id, 'request_changes', 'Bổ sung mô tả sản phẩm.');
  const resubmit = async (changes: Record<string, string>) => {
    const form = await client.get(FORM);
    const values: Record<string, string | string[]> = {
      ...completeForm('0101248141'),
      ...changes,
      _action: 'submit',
    };
    for (const m of form.body.matchAll(
      /<input type="hidden" name="(documents\.[a-z_]+)" value="([0-9a-f-]{36})"/g,
    ))
      values[m[1]] = m[2];
    const res = await client.multipart(FORM, values);
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    return (await ownShop(user.id))!;
  };
  // Same person, typed without diacritics: still verified.
  const kept = await resubmit({
    description: 'Yến sào tinh chế, yến thô, nước yến.',
    repName: 'nguyen van an',
  });
  assert.equal(kept.verificationMethod, 'documents');

  await officerDoes(seller.id, 'request_changes', 'Người đại diện đã thay đổi?');
  const changed = await resubmit({ repName: 'Lê Thị Hoa', repCitizenId: '056186001234' });
  assert.equal(changed.verificationMethod, null);
  assert.equal(changed.verifiedAt, null);
  assert.match((await client.get('/kenh-ban-hang')).body, /Chưa xác thực/);
});
