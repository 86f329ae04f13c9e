import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, type SignedIn, signedIn, type TestApp } from '../../../test/helpers.js';
import { DOCUMENT_TYPES, storeUpload } from '../../platform/storage/storage.js';
import { createSession } from '../identity/index.js';
import { appWithOfficer, makeSeller } from './console-test-fixtures.js';
import { ocopCertificates, sellerDocuments } from './schema.js';

let t: TestApp;
let officer: SignedIn;
before(async () => ({ t, officer } = await appWithOfficer()));
after(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function upload(filename: string, data: Buffer) {
  return storeUpload(
    t.db,
    t.app.deps.storage,
    'file',
    { filename, data },
    { allowed: DOCUMENT_TYPES, maxBytes: 5 << 20 },
  );
}

/** A submitted application with a registration certificate (PDF) and two OCOP certificates. */
async function fullApplication() {
  const made = await makeSeller(t);
  const pdf = await upload('Giấy ĐKKD hộ kinh doanh.pdf', PDF);
  const png = await upload('ocop-yen-sao.png', PNG);
  await t.db
    .insert(sellerDocuments)
    .values({ sellerId: made.seller.id, kind: 'business_registration', fileId: pdf });
  const year = new Date().getUTCFullYear();
  await t.db.insert(ocopCertificates).values([
    {
      sellerId: made.seller.id,
      number: '125/QĐ-UBND',
      productName: 'Yến sào Hòn Nội hộp 50g',
      stars: 4,
      groupCode: 1,
      issuedOn: `${year - 1}-03-15`,
      fileId: png,
    },
    {
      sellerId: made.seller.id,
      number: '88/QĐ-UBND',
      productName: 'Nước yến đóng lon',
      stars: 3,
      groupCode: 2,
      issuedOn: `${year - 4}-01-10`,
    },
  ]);
  return { ...made, pdf, png };
}

test('the detail shows every field with human labels, the documents, OCOP certificates, verification and history', async () => {
  const { seller, pdf, png } = await fullApplication();
  const res = await officer.client.get(`/quan-ly/ho-so/${seller.id}`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'private, no-store');
  const b = res.body;
  assert.match(b, new RegExp(`<h1>${seller.shopName}</h1>`));
  assert.match(b, /<dd><span>Hộ kinh doanh<\/span><\/dd>/);
  assert.match(b, /12 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa/);
  assert.match(b, /Vietcombank – Ngân hàng TMCP Ngoại Thương Việt Nam/);
  assert.match(b, /0011004455667/);
  assert.match(b, /NGUYEN THI HONG DAO/);
  assert.match(b, /056190001234/);
  assert.match(b, /Thực phẩm chế biến/, 'categories by name');
  assert.match(b, /<p>Yến sào khai thác tự nhiên tại đảo Hòn Nội\.<\/p><p>Đóng hộp tại cơ sở\.<\/p>/);
  assert.match(b, /14\/05\/2019/);
  assert.match(b, new RegExp(`<a href="/quan-ly/tep/${pdf}">Giấy ĐKKD hộ kinh doanh\\.pdf</a>`));
  assert.match(b, /Yến sào Hòn Nội hộp 50g<\/strong> – <span>4 sao<\/span> – <span>Nhóm Thực phẩm<\/span>/);
  assert.match(b, /Còn hiệu lực đến ngày 14\/03\//);
  assert.match(b, new RegExp(`<a href="/quan-ly/tep/${png}">`));
  assert.match(b, /Nước yến đóng lon[\s\S]*Đã hết hiệu lực/);
  assert.match(b, /Chưa xác thực/, 'how the identity was verified');
  assert.match(b, /Bản nháp → Chờ xét duyệt/);
  assert.match(b, /Người thực hiện: Nguyễn Thị Hồng Đào/);
  assert.match(b, /Nguyễn Thị Hồng Đào \(Chủ cửa hàng\): owner-/);
  for (const action of ['approve', 'request_changes', 'reject']) {
    assert.match(b, new RegExp(`<form method="post" action="/quan-ly/ho-so/${seller.id}/${action}"`));
  }
  assert.doesNotMatch(b, /\/(suspend|reinstate|terminate)"/);
  assert.match(b, /<textarea id="f-reason-reject" name="reason" rows="3" maxlength="2000" required/);
  assert.match(b, /<textarea id="f-reason-approve" name="reason" rows="3" maxlength="2000" aria-describedby/);

  officer.client.lang = 'en';
  const en = await officer.client.get(`/quan-ly/ho-so/${seller.id}`);
  officer.client.lang = undefined;
  assert.match(en.body, /Household business/);
  assert.match(en.body, /4 stars/);
  assert.match(en.body, />Request changes</);
});

test('the detail has a JSON twin with the same facts', async () => {
  const { seller, pdf } = await fullApplication();
  const res = await officer.client.get(`/api/v1/officer/applications/${seller.id}`);
  assert.equal(res.statusCode, 200);
  const d = res.json();
  assert.equal(d.shopName, seller.shopName);
  assert.equal(d.address, '12 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa');
  assert.deepEqual(d.bank, {
    bin: '970436',
    shortName: 'Vietcombank',
    name: 'Ngân hàng TMCP Ngoại Thương Việt Nam',
  });
  assert.deepEqual(d.documents[0], {
    kind: 'business_registration',
    fileId: pdf,
    name: 'Giấy ĐKKD hộ kinh doanh.pdf',
    mime: 'application/pdf',
    size: PDF.length,
    url: `/quan-ly/tep/${pdf}`,
  });
  assert.deepEqual(
    d.ocop.map((c: { stars: number; valid: boolean }) => [c.stars, c.valid]),
    [
      [3, false],
      [4, true],
    ],
  );
  assert.deepEqual(d.actions, ['request_changes', 'approve', 'reject']);
  assert.equal(d.history[0].to, 'submitted');
});

test('drafts, unknown and malformed ids are not found', async () => {
  const { seller } = await makeSeller(t, { status: 'draft' });
  assert.equal((await officer.client.get(`/quan-ly/ho-so/${seller.id}`)).statusCode, 404);
  assert.equal((await officer.client.get('/quan-ly/ho-so/khong-phai-uuid')).statusCode, 404);
  assert.equal(
    (await officer.client.get('/api/v1/officer/applications/0190a000-0000-7000-8000-000000000000'))
      .statusCode,
    404,
  );
});

test('officers download documents with their stored type; not images as attachments; nosniff', async () => {
  const { pdf, png } = await fullApplication();
  const doc = await officer.client.get(`/quan-ly/tep/${pdf}`);
  assert.equal(doc.statusCode, 200);
  assert.equal(doc.headers['content-type'], 'application/pdf');
  assert.equal(
    doc.headers['content-disposition'],
    `attachment; filename="Giay DKKD ho kinh doanh.pdf"; filename*=UTF-8''${encodeURIComponent('Giấy ĐKKD hộ kinh doanh.pdf')}`,
  );
  assert.equal(doc.headers['x-content-type-options'], 'nosniff');
  assert.equal(doc.headers['cache-control'], 'private, no-store');
  assert.deepEqual(doc.rawPayload, PDF);

  const img = await officer.client.get(`/quan-ly/tep/${png}`);
  assert.equal(img.headers['content-type'], 'image/png');
  assert.match(String(img.headers['content-disposition']), /^inline;/);
  assert.deepEqual(img.rawPayload, PNG);
});

test('the download route serves only files attached to an application, only to officers', async () => {
  const { pdf, owner } = await fullApplication();
  const loose = await upload('khong-dinh-kem.pdf', PDF);
  assert.equal((await officer.client.get(`/quan-ly/tep/${loose}`)).statusCode, 404);
  assert.equal((await officer.client.get('/quan-ly/tep/..%2F..%2Fetc%2Fpasswd')).statusCode, 404);

  const buyer = await signedIn(t, 'buyer');
  assert.equal((await buyer.client.get(`/quan-ly/tep/${pdf}`)).statusCode, 403);
  const member = new Client(t.app);
  member.cookies.set('sid', (await createSession(t.db, owner.id, {})).token);
  assert.equal((await member.get(`/quan-ly/tep/${pdf}`)).statusCode, 403);
  const anonymous = await new Client(t.app).get(`/quan-ly/tep/${pdf}`);
  assert.equal(anonymous.statusCode, 302);
  assert.equal(anonymous.headers.location, `/dang-nhap?next=${encodeURIComponent(`/quan-ly/tep/${pdf}`)}`);
});
