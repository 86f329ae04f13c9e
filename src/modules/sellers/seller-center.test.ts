import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { sellerDocuments, sellerMembers, sellers } from './schema.js';
import { completeForm, documentUploads, files } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

async function shopOf(taxCode: string) {
  const owner = await signedIn(t);
  const res = await owner.client.multipart(
    '/kenh-ban-hang/dang-ky',
    { ...completeForm(taxCode), _action: 'submit' },
    documentUploads,
  );
  assert.equal(res.statusCode, 303);
  const [{ s }] = await t.db
    .select({ s: sellers })
    .from(sellers)
    .innerJoin(sellerMembers, eq(sellerMembers.sellerId, sellers.id))
    .where(eq(sellerMembers.userId, owner.user.id));
  return { ...owner, seller: s };
}

const members = (sellerId: string) =>
  t.db
    .select({ userId: sellerMembers.userId, role: sellerMembers.role })
    .from(sellerMembers)
    .where(eq(sellerMembers.sellerId, sellerId));

test('the seller centre without a shop invites to apply; with one, shows status, history and documents', async () => {
  const { client } = await signedIn(t);
  const empty = await client.get('/kenh-ban-hang');
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /Bạn chưa có cửa hàng trên sàn\./);
  assert.match(empty.body, /href="\/kenh-ban-hang\/dang-ky"/);

  const owner = await shopOf('4201234566');
  const page = await owner.client.get('/kenh-ban-hang?done=submitted');
  assert.match(page.body, /Đã nộp hồ sơ\. Sở Công Thương sẽ xét duyệt/);
  assert.match(page.body, /<span class="badge submitted">/);
  assert.match(page.body, /Hồ sơ đang chờ Sở Công Thương xét duyệt/);
  assert.match(page.body, /<ol class="timeline"><li>/);
  assert.match(page.body, /dang-ky-kinh-doanh\.pdf/);
  assert.doesNotMatch(
    page.body,
    /href="\/kenh-ban-hang\/dang-ky"/,
    'no second application while one is in progress',
  );
  const api = await owner.client.json('GET', '/api/v1/seller/shops');
  assert.equal(api.statusCode, 200);
  const [shop] = api.json().items;
  assert.equal(shop.status, 'submitted');
  assert.equal(shop.role, 'owner');
  assert.equal(shop.documents.length, 3);
  assert.equal(shop.history[0].to, 'submitted');
});

test('staff invitation: e-mailed link, sign in, accept; staff see the shop but do not manage staff; the owner removes them', async () => {
  const owner = await shopOf('4201987658');
  const staffEmail = `nhanvien-${Date.now()}@example.vn`;
  const invite = await owner.client.form(`/kenh-ban-hang/${owner.seller.id}/nhan-vien`, {
    email: staffEmail.toUpperCase(),
  });
  assert.equal(invite.statusCode, 303);
  assert.equal(invite.headers.location, '/kenh-ban-hang?done=invited');
  const center = await owner.client.get('/kenh-ban-hang');
  assert.match(center.body, new RegExp(`${staffEmail} — đã mời, hiệu lực đến`));

  await t.app.outbox.drain();
  const mail = t.mails.find((m) => m.to === staffEmail);
  assert.ok(mail, 'invitation mailed');
  assert.equal(mail.subject, 'Lời mời tham gia cửa hàng Hợp tác xã Yến sào Cam Lâm');
  const link = mail.text.match(/http:\/\/localhost:\d+(\/kenh-ban-hang\/loi-moi\?token=[\w-]+)/)?.[1];
  assert.ok(link, mail.text);

  // Anonymous: sign in first, then come back to the link.
  const anonymous = await signedIn(t);
  anonymous.client.cookies.clear();
  const redirect = await anonymous.client.get(link);
  assert.equal(redirect.statusCode, 302);
  assert.equal(redirect.headers.location, `/dang-nhap?next=${encodeURIComponent(link)}`);

  // Someone signed in with another address cannot take the invitation.
  const stranger = await signedIn(t);
  const refused = await stranger.client.form('/kenh-ban-hang/loi-moi', {
    token: new URL(link, 'http://x').searchParams.get('token')!,
  });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Lời mời này được gửi tới một địa chỉ email khác/);

  const staff = await signedIn(t, 'buyer', 'Nhân Viên Mới', staffEmail);
  const page = await staff.client.get(link);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Bạn được mời làm nhân viên của cửa hàng Hợp tác xã Yến sào Cam Lâm\./);
  const accepted = await staff.client.form('/kenh-ban-hang/loi-moi', {
    token: new URL(link, 'http://x').searchParams.get('token')!,
  });
  assert.equal(accepted.statusCode, 303);
  assert.deepEqual((await members(owner.seller.id)).find((m) => m.userId === staff.user.id)?.role, 'staff');
  // Used once only.
  const reused = await staff.client.get(link);
  assert.equal(reused.statusCode, 404);
  assert.match(reused.body, /Lời mời không tồn tại, đã hết hạn hoặc đã được sử dụng\./);

  const staffView = await staff.client.get('/kenh-ban-hang');
  assert.match(staffView.body, /Hợp tác xã Yến sào Cam Lâm/);
  assert.match(staffView.body, /<dd>Nhân viên<\/dd>/);
  assert.doesNotMatch(staffView.body, /nhan-vien/, 'no staff management for staff');
  const staffInvites = await staff.client.form(`/kenh-ban-hang/${owner.seller.id}/nhan-vien`, {
    email: 'ai-do@example.vn',
  });
  assert.equal(staffInvites.statusCode, 403);
  assert.match(staffInvites.body, /Chỉ chủ cửa hàng mới quản lý được nhân viên\./);
  const staffRemoves = await staff.client.form(
    `/kenh-ban-hang/${owner.seller.id}/nhan-vien/${owner.user.id}/xoa`,
    {},
  );
  assert.equal(staffRemoves.statusCode, 403);

  // Inviting a member again is refused on the field; a bad address too.
  const again = await owner.client.form(`/kenh-ban-hang/${owner.seller.id}/nhan-vien`, { email: staffEmail });
  assert.equal(again.statusCode, 422);
  assert.match(again.body, /Người này đã là thành viên của cửa hàng\./);
  const bad = await owner.client.form(`/kenh-ban-hang/${owner.seller.id}/nhan-vien`, {
    email: 'khong-hop-le',
  });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /value="khong-hop-le"/);

  const removed = await owner.client.form(
    `/kenh-ban-hang/${owner.seller.id}/nhan-vien/${staff.user.id}/xoa`,
    {},
  );
  assert.equal(removed.statusCode, 303);
  assert.deepEqual(
    (await members(owner.seller.id)).map((m) => m.role),
    ['owner'],
  );
  const gone = await staff.client.get('/kenh-ban-hang');
  assert.doesNotMatch(gone.body, /Hợp tác xã Yến sào Cam Lâm/);
});

test('staff invitations through the JSON API', async () => {
  const owner = await shopOf('4200765437');
  const email = `api-staff-${Date.now()}@example.vn`;
  const created = await owner.client.json('POST', `/api/v1/seller/shops/${owner.seller.id}/staff/invites`, {
    email,
  });
  assert.equal(created.statusCode, 201);
  const list = await owner.client.json('GET', `/api/v1/seller/shops/${owner.seller.id}/staff`);
  assert.equal(list.json().invites[0].email, email);
  await t.app.outbox.drain();
  const token = t.mails.find((m) => m.to === email)!.text.match(/token=([\w-]+)/)![1];
  const staff = await signedIn(t, 'buyer', 'Nhân Viên Mới', email);
  const accepted = await staff.client.json('POST', '/api/v1/seller/invites/accept', { token });
  assert.equal(accepted.statusCode, 200);
  assert.equal(accepted.json().sellerId, owner.seller.id);
  const notOwner = await staff.client.json('GET', `/api/v1/seller/shops/${owner.seller.id}/staff`);
  assert.equal(notOwner.statusCode, 403);
  const removed = await owner.client.json(
    'DELETE',
    `/api/v1/seller/shops/${owner.seller.id}/staff/${staff.user.id}`,
    {},
  );
  assert.equal(removed.statusCode, 200);
  assert.equal((await members(owner.seller.id)).length, 1);
});

test("documents: the seller's members and officers download them, anyone else gets 403", async () => {
  const owner = await shopOf('4200111226');
  const [doc] = await t.db
    .select()
    .from(sellerDocuments)
    .where(
      and(eq(sellerDocuments.sellerId, owner.seller.id), eq(sellerDocuments.kind, 'business_registration')),
    );
  const url = `/tep/${doc.fileId}`;
  const mine = await owner.client.get(url);
  assert.equal(mine.statusCode, 200);
  assert.equal(mine.headers['content-type'], 'application/pdf');
  assert.match(
    String(mine.headers['content-disposition']),
    /^attachment; filename\*=UTF-8''dang-ky-kinh-doanh\.pdf$/,
  );
  assert.equal(mine.headers['cache-control'], 'private, no-store');
  assert.deepEqual(mine.rawPayload, files.pdf.data);

  const officer = await signedIn(t, 'officer');
  assert.equal((await officer.client.get(url)).statusCode, 200);
  const other = await signedIn(t);
  const denied = await other.client.get(url);
  assert.equal(denied.statusCode, 403);
  assert.doesNotMatch(denied.body, /%PDF/);
  const anonymous = await signedIn(t);
  anonymous.client.cookies.clear();
  assert.equal((await anonymous.client.get(url)).statusCode, 302);
  assert.equal((await other.client.get('/tep/01900000-0000-7000-8000-000000000000')).statusCode, 404);
});

test('JSON API: draft, upload documents, submit with errors listed, then submit', async () => {
  const { client } = await signedIn(t);
  client.lang = 'en';
  assert.equal((await client.json('GET', '/api/v1/seller/application')).statusCode, 404);
  const draft = await client.json('POST', '/api/v1/seller/application', {
    legalForm: 'individual',
    shopName: 'Bà Sáu bánh căn',
  });
  assert.equal(draft.statusCode, 200);
  assert.equal(draft.json().status, 'draft');
  assert.equal(draft.json().slug, 'ba-sau-banh-can');
  assert.deepEqual(draft.json().actions, ['submit']);

  const early = await client.json('POST', '/api/v1/seller/application/submit', {});
  assert.equal(early.statusCode, 422);
  const fields = early.json().error.fields.map((f: { field: string }) => f.field);
  assert.ok(
    fields.includes('taxCode') && fields.includes('documents.citizen_id_front') && fields.includes('bankBin'),
    fields.join(),
  );
  assert.ok(
    !fields.includes('documents.business_registration'),
    'individuals need no registration certificate',
  );
  assert.ok(!fields.includes('businessRegNo'));
  assert.equal(
    early.json().error.fields.find((f: { field: string }) => f.field === 'taxCode').message,
    'Enter this information.',
  );

  for (const kind of ['citizen_id_front', 'citizen_id_back']) {
    const up = await client.multipart('/api/v1/seller/application/documents', { kind }, { file: files.png });
    assert.equal(up.statusCode, 201, up.body);
    assert.equal(up.json().attached, true);
  }
  const refused = await client.multipart(
    '/api/v1/seller/application/documents',
    { kind: 'citizen_id_back' },
    { file: files.fakePdf },
  );
  assert.equal(refused.statusCode, 422);
  assert.equal(
    refused.json().error.fields[0].message,
    'This file type is not accepted. Accepted: PDF, JPG, PNG, WebP.',
  );

  const form = completeForm();
  const full = await client.json('POST', '/api/v1/seller/application', {
    ...form,
    legalForm: 'individual',
    shopName: 'Bà Sáu bánh căn',
    taxCode: '056185012345',
    businessRegNo: '',
    businessRegDate: '',
    bankAccountName: 'Lê Thị Sáu',
    ocop: [
      {
        number: '45/QĐ-UBND',
        productName: 'Bánh căn Phan Rang',
        stars: 3,
        groupCode: 1,
        issuedOn: '2025-01-10',
      },
    ],
  });
  assert.equal(full.statusCode, 200, full.body);
  assert.equal(full.json().bankAccountName, 'LE THI SAU');
  assert.equal(full.json().ocop[0].stars, 3);
  const done = await client.json('POST', '/api/v1/seller/application/submit', {});
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().status, 'submitted');
  assert.deepEqual(done.json().actions, []);
  const openapi = await client.get('/api/docs/json');
  assert.ok(openapi.json().paths['/api/v1/seller/application']);
  assert.ok(openapi.json().paths['/api/v1/seller/application/submit']);
});

test('personal access tokens: "read" looks at the application, "seller:write" is needed to change it', async () => {
  const owner = await shopOf('0101245486');
  const make = async (scopes: string[]) => {
    const res = await owner.client.json('POST', '/api/v1/me/tokens', {
      name: `tích hợp ${scopes.join()}`,
      scopes,
    });
    assert.equal(res.statusCode, 201, res.body);
    return { authorization: `Bearer ${res.json().token}` };
  };
  const api = new Client(t.app);
  const read = await make(['read']);
  assert.equal(
    (await api.json('GET', '/api/v1/seller/application', undefined, read)).json().status,
    'submitted',
  );
  const denied = await api.json(
    'POST',
    `/api/v1/seller/shops/${owner.seller.id}/staff/invites`,
    { email: 'a@example.vn' },
    read,
  );
  assert.equal(denied.statusCode, 403);
  assert.equal(denied.json().error.code, 'forbidden');
  const write = await make(['seller:write']);
  const allowed = await api.json(
    'POST',
    `/api/v1/seller/shops/${owner.seller.id}/staff/invites`,
    { email: 'a@example.vn' },
    write,
  );
  assert.equal(allowed.statusCode, 201);
});
