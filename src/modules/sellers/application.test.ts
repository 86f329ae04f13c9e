import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { staticDir } from '../../web/assets.js';
import { ocopCertificates, sellerDocuments, sellerMembers, sellers } from './schema.js';
import { completeForm, documentUploads, files } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const FORM = '/kenh-ban-hang/dang-ky';
const ownedBy = async (userId: string) =>
  t.db
    .select({ s: sellers })
    .from(sellers)
    .innerJoin(sellerMembers, eq(sellerMembers.sellerId, sellers.id))
    .where(and(eq(sellerMembers.userId, userId), eq(sellerMembers.role, 'owner')));
/** The items of the error summary, as text. */
const summary = (html: string) =>
  [
    ...(html.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0] ?? '').matchAll(
      /<a href="#f-([^"]+)">([^<]*)<\/a>/g,
    ),
  ].map((m) => ({ field: m[1], text: m[2] }));

test('anonymous users are sent to sign in; the API answers 401', async () => {
  const { client } = await signedIn(t);
  client.cookies.clear();
  const page = await client.get(FORM);
  assert.equal(page.statusCode, 302);
  assert.equal(page.headers.location, `/dang-nhap?next=${encodeURIComponent(FORM)}`);
  const api = await client.get('/api/v1/seller/application');
  assert.equal(api.statusCode, 401);
});

test('the form starts from the account and the instance province, and fits the page budget', async () => {
  const { client, user } = await signedIn(t);
  const res = await client.get(FORM);
  assert.equal(res.statusCode, 200);
  assert.match(
    res.body,
    /<form method="post" action="\/kenh-ban-hang\/dang-ky" enctype="multipart\/form-data"/,
  );
  assert.match(res.body, /name="_csrf"/);
  assert.match(res.body, new RegExp(`name="email" type="email" value="${user.email}"`));
  assert.match(res.body, /<option value="56" selected>Tỉnh Khánh Hòa<\/option>/);
  assert.match(res.body, /Xã Cam Lâm/, 'communes of the province without JavaScript');
  assert.match(res.body, /value="970436"[^>]*>Vietcombank/);
  assert.match(res.body, /Thủy hải sản/);
  assert.match(res.body, /name="ocop\.2\.number"/);
  assert.match(res.body, /Lưu nháp/);
  assert.match(res.body, /Nộp hồ sơ/);
  // Works without JavaScript: the only script is the deferred enhancement, no inline script.
  assert.equal([...res.body.matchAll(/<script/g)].length, 1);
  const css = readFileSync(path.join(staticDir, 'app.css'));
  const total = Buffer.byteLength(res.body) + css.length;
  assert.ok(total <= 40 * 1024, `form page + app.css = ${total} bytes, budget 40 KB`);
});

test('a draft needs only the shop name and legal form; the applicant becomes its owner', async () => {
  const { client, user } = await signedIn(t);
  const res = await client.multipart(FORM, {
    legalForm: 'household',
    shopName: 'Hộ kinh doanh Bánh tráng Ninh Hòa',
    _action: 'draft',
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/kenh-ban-hang/dang-ky?saved=1');
  const [{ s }] = await ownedBy(user.id);
  assert.equal(s.status, 'draft');
  assert.equal(s.slug, 'ho-kinh-doanh-banh-trang-ninh-hoa');
  assert.equal(s.createdBy, user.id);
  const page = await client.get(res.headers.location!);
  assert.match(page.body, /Đã lưu bản nháp/);
  assert.match(page.body, /value="Hộ kinh doanh Bánh tráng Ninh Hòa"/);
  assert.match(page.body, /value="household" checked/);
  // Saving again edits the same application: one in progress per user.
  const again = await client.multipart(FORM, {
    legalForm: 'household',
    shopName: 'Hộ Bánh tráng Ninh Hòa',
    _action: 'draft',
  });
  assert.equal(again.statusCode, 303);
  const rows = await ownedBy(user.id);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].s.slug, 'ho-banh-trang-ninh-hoa');
});

test('even a draft refuses a missing name and legal form, in Vietnamese', async () => {
  const { client, user } = await signedIn(t);
  const res = await client.multipart(FORM, { description: 'Chưa đặt tên', _action: 'draft' });
  assert.equal(res.statusCode, 422);
  assert.deepEqual(summary(res.body), [
    { field: 'legalForm', text: 'Loại hình: Vui lòng chọn một giá trị trong danh sách.' },
    { field: 'shopName', text: 'Tên cửa hàng: Vui lòng nhập thông tin này.' },
  ]);
  assert.match(res.body, />Chưa đặt tên<\/textarea>/);
  assert.equal((await ownedBy(user.id)).length, 0);
});

const mistakes = {
  legalForm: 'company',
  shopName: 'Công ty TNHH Yến Việt',
  description: 'Yến sào Khánh Hòa',
  taxCode: '0100109107',
  businessRegNo: '0100109106',
  businessRegDate: '2099-01-01',
  repName: 'Trần Văn Bình',
  repCitizenId: '003085012345',
  provinceCode: '56',
  communeCode: '22453',
  street: 'Thôn Tân Hải',
  phone: '0123 456 789',
  email: 'khong-phai-email',
  bankBin: '',
  bankAccountNo: '12-34',
  bankAccountName: 'Trần Văn Bình',
  _action: 'submit',
};

test('a submission with mistakes lists every error, field by field, and keeps the answers', async () => {
  const { client, user } = await signedIn(t);
  const res = await client.multipart(FORM, mistakes);
  assert.equal(res.statusCode, 422);
  assert.deepEqual(summary(res.body), [
    { field: 'categories', text: 'Nhóm sản phẩm, dịch vụ: Chọn ít nhất một nhóm sản phẩm.' },
    {
      field: 'taxCode',
      text: 'Mã số thuế: Mã số thuế không đúng: chữ số thứ 10 (chữ số kiểm tra) không khớp với 9 chữ số đầu. Hãy kiểm tra lại từng chữ số.',
    },
    { field: 'businessRegDate', text: 'Ngày cấp đăng ký kinh doanh: Ngày không được ở tương lai.' },
    {
      field: 'repCitizenId',
      text: 'Số căn cước công dân của người đại diện: Ba chữ số đầu của số định danh cá nhân là mã tỉnh nơi đăng ký khai sinh (từ 001 đến 096, ví dụ 056 là Khánh Hòa). Hãy kiểm tra lại.',
    },
    {
      field: 'phone',
      text: 'Số điện thoại: Số điện thoại không hợp lệ: số di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09; số cố định gồm 11 chữ số bắt đầu bằng 02.',
    },
    { field: 'email', text: 'Email: Địa chỉ email không hợp lệ, ví dụ: ten@example.vn.' },
    { field: 'bankBin', text: 'Ngân hàng: Vui lòng nhập thông tin này.' },
    { field: 'bankAccountNo', text: 'Số tài khoản: Số tài khoản gồm từ 6 đến 19 chữ số.' },
    {
      field: 'documents.business_registration',
      text: 'Giấy chứng nhận đăng ký kinh doanh (tệp): Vui lòng tải lên tài liệu này.',
    },
    {
      field: 'documents.citizen_id_front',
      text: 'Căn cước công dân, mặt trước (tệp): Vui lòng tải lên tài liệu này.',
    },
    {
      field: 'documents.citizen_id_back',
      text: 'Căn cước công dân, mặt sau (tệp): Vui lòng tải lên tài liệu này.',
    },
  ]);
  // Each error is also next to its field, and what was typed is still there.
  assert.match(res.body, /<p class="field-error" id="f-taxCode-error">/);
  assert.match(res.body, /value="0100109107"/);
  assert.match(res.body, /value="003085012345"/);
  assert.match(res.body, /value="khong-phai-email"/);
  assert.match(res.body, /<option value="22453" selected>Xã Cam Lâm<\/option>/);
  assert.equal((await ownedBy(user.id)).length, 0, 'nothing saved');
});

test('the same mistakes in English', async () => {
  const { client } = await signedIn(t);
  client.lang = 'en';
  const res = await client.multipart(FORM, mistakes);
  assert.equal(res.statusCode, 422);
  const texts = summary(res.body).map((e) => e.text);
  assert.ok(
    texts.includes(
      'Tax code: This tax code is not valid: the 10th digit (check digit) does not match the first nine. Please check each digit.',
    ),
  );
  assert.ok(texts.includes('Products and services: Choose at least one product category.'));
  assert.ok(texts.includes('Bank: Enter this information.'));
  assert.match(res.body, /There is a problem/);
});

test('a commune outside the chosen province is refused', async () => {
  const { client } = await signedIn(t);
  const res = await client.multipart(
    FORM,
    { ...completeForm('4200111226'), communeCode: '00004', _action: 'submit' },
    documentUploads,
  );
  assert.equal(res.statusCode, 422);
  assert.deepEqual(summary(res.body), [
    {
      field: 'communeCode',
      text: 'Xã/phường/đặc khu: Xã/phường đã chọn không thuộc tỉnh/thành phố đã chọn. Hãy chọn lại xã/phường.',
    },
  ]);
});

test('"update the commune list" re-renders the form for the new province, answers kept, no errors', async () => {
  const { client, user } = await signedIn(t);
  const res = await client.multipart(FORM, {
    shopName: 'Hợp tác xã Trà Ba Vì',
    provinceCode: '01',
    communeCode: '22453',
    phone: '09',
    _refresh: '1',
  });
  assert.equal(res.statusCode, 200);
  assert.doesNotMatch(res.body, /error-summary|field-error/);
  assert.match(res.body, /value="Hợp tác xã Trà Ba Vì"/);
  assert.match(res.body, /<option value="01" selected>Thành phố Hà Nội<\/option>/);
  assert.match(res.body, /Phường Ba Đình/);
  assert.doesNotMatch(res.body, /Xã Cam Lâm/);
  assert.equal((await ownedBy(user.id)).length, 0);
});

test('a text file renamed .pdf is refused by content; good files stay attached for the next try', async () => {
  const { client, user } = await signedIn(t);
  const first = await client.multipart(
    FORM,
    { ...completeForm('4201987658'), _action: 'submit' },
    {
      'upload.business_registration': files.fakePdf,
      'upload.citizen_id_front': files.png,
      'upload.citizen_id_back': files.png,
    },
  );
  assert.equal(first.statusCode, 422);
  assert.deepEqual(summary(first.body), [
    {
      field: 'documents.business_registration',
      text: 'Giấy chứng nhận đăng ký kinh doanh (tệp): Loại tệp không được chấp nhận. Chỉ nhận: PDF, JPG, PNG, WebP.',
    },
  ]);
  const kept = [
    ...first.body.matchAll(/<input type="hidden" name="(documents\.[a-z_]+)" value="([0-9a-f-]{36})"/g),
  ].map((m) => [m[1], m[2]]);
  assert.deepEqual(
    kept.map(([k]) => k),
    ['documents.citizen_id_front', 'documents.citizen_id_back'],
  );
  assert.match(first.body, /Đã đính kèm:<\/span> <a href="\/tep\/[0-9a-f-]{36}">cccd-mat-truoc\.png<\/a>/);
  // The next post sends the kept ids back (as the browser would) with a real PDF.
  const second = await client.multipart(
    FORM,
    { ...completeForm('4201987658'), ...Object.fromEntries(kept), _action: 'submit' },
    { 'upload.business_registration': files.pdf },
  );
  assert.equal(second.statusCode, 303);
  assert.equal(second.headers.location, '/kenh-ban-hang?done=submitted');
  const [{ s }] = await ownedBy(user.id);
  assert.equal(s.status, 'submitted');
  const docs = await t.db.select().from(sellerDocuments).where(eq(sellerDocuments.sellerId, s.id));
  assert.deepEqual(docs.map((d) => d.kind).sort(), [
    'business_registration',
    'citizen_id_back',
    'citizen_id_front',
  ]);
});

test("another user's file id cannot be attached", async () => {
  const a = await signedIn(t);
  const first = await a.client.multipart(
    FORM,
    { legalForm: 'individual', shopName: 'Bà Tư', _action: 'draft' },
    { 'upload.citizen_id_front': files.png },
  );
  assert.equal(first.statusCode, 303);
  const [{ s }] = await ownedBy(a.user.id);
  const [doc] = await t.db.select().from(sellerDocuments).where(eq(sellerDocuments.sellerId, s.id));
  const b = await signedIn(t);
  const res = await b.client.multipart(FORM, {
    legalForm: 'individual',
    shopName: 'Ông Năm',
    'documents.citizen_id_front': doc.fileId,
    _action: 'draft',
  });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Tệp đính kèm không còn hợp lệ/);
  assert.doesNotMatch(res.body, /cccd-mat-truoc/, "the other user's file name is not shown");
});

test('a complete application with OCOP certificates is submitted and recorded', async () => {
  const { client, user } = await signedIn(t);
  const res = await client.multipart(
    FORM,
    {
      ...completeForm('4200765437'),
      'ocop.0.number': '123/QĐ-UBND',
      'ocop.0.productName': 'Yến sào tinh chế Cam Lâm',
      'ocop.0.stars': '4',
      'ocop.0.groupCode': '1',
      'ocop.0.issuedOn': '2024-06-15',
      _action: 'submit',
    },
    { ...documentUploads, 'upload.ocop.0': files.pdf },
  );
  assert.equal(res.statusCode, 303);
  const [{ s }] = await ownedBy(user.id);
  assert.equal(s.status, 'submitted');
  assert.ok(s.submittedAt);
  assert.equal(s.taxCode, '4200765437');
  assert.equal(s.phone, '02583822222', 'landline normalised');
  assert.equal(s.bankAccountNo, '0071000123456');
  assert.equal(s.bankAccountName, 'HOP TAC XA YEN SAO CAM LAM');
  assert.deepEqual(s.categories, ['food', 'herbal']);
  const [cert] = await t.db.select().from(ocopCertificates).where(eq(ocopCertificates.sellerId, s.id));
  assert.equal(cert.stars, 4);
  assert.equal(cert.productName, 'Yến sào tinh chế Cam Lâm');
  assert.ok(cert.fileId);
  // While under review the form is replaced by a notice, and a new post is refused.
  const page = await client.get(FORM);
  assert.match(page.body, /đang chờ Sở Công Thương xét duyệt/);
  assert.doesNotMatch(page.body, /enctype="multipart\/form-data"/);
  const again = await client.multipart(FORM, {
    legalForm: 'company',
    shopName: 'Cửa hàng thứ hai',
    _action: 'draft',
  });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /đang được xét duyệt/);
});

test('shop names make unique slugs', async () => {
  const slugs: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { client, user } = await signedIn(t);
    await client.multipart(FORM, {
      legalForm: 'cooperative',
      shopName: 'Hợp tác xã Nước mắm Vạn Ninh',
      _action: 'draft',
    });
    slugs.push((await ownedBy(user.id))[0].s.slug);
  }
  assert.deepEqual(slugs, [
    'hop-tac-xa-nuoc-mam-van-ninh',
    'hop-tac-xa-nuoc-mam-van-ninh-2',
    'hop-tac-xa-nuoc-mam-van-ninh-3',
  ]);
});
