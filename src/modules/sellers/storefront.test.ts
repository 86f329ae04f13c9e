import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { makeSeller } from './console-test-fixtures.js';
import { ocopCertificates } from './schema.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const year = new Date().getUTCFullYear();

/** An approved shop with a valid and an expired OCOP certificate, verified by an officer. */
async function approvedShop(status: 'approved' | 'suspended' = 'approved') {
  const { seller } = await makeSeller(t, { status });
  await t.db.insert(ocopCertificates).values([
    {
      sellerId: seller.id,
      number: '125/QĐ-UBND',
      productName: 'Yến sào Hòn Nội hộp 50g',
      stars: 4,
      groupCode: 1,
      issuedOn: `${year - 1}-03-15`,
    },
    {
      sellerId: seller.id,
      number: '88/QĐ-UBND',
      productName: 'Nước yến đóng lon',
      stars: 3,
      groupCode: 2,
      issuedOn: `${year - 4}-01-10`,
    },
  ]);
  await t.db.execute(
    sql`UPDATE sellers SET verification_method = 'documents', verified_at = '2026-02-10T03:00:00Z' WHERE id = ${seller.id}`,
  );
  return seller;
}

test('an approved shop shows what the law asks a seller to disclose', async () => {
  const seller = await approvedShop();
  const res = await new Client(t.app).get(`/cua-hang/${seller.slug}`);
  assert.equal(res.statusCode, 200);
  const b = res.body;
  assert.match(b, new RegExp(`<h1>${seller.shopName}</h1>`));
  assert.match(b, /<dt>Loại hình<\/dt><dd><span>Hộ kinh doanh<\/span><\/dd>/);
  assert.match(b, /<dt>Chủ hộ kinh doanh<\/dt><dd><span>Nguyễn Thị Hồng Đào<\/span><\/dd>/);
  assert.match(
    b,
    /<dt>Địa chỉ<\/dt><dd><span>12 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa<\/span><\/dd>/,
  );
  assert.match(b, new RegExp(`<dt>Mã số thuế</dt><dd><span>${seller.taxCode}</span></dd>`));
  assert.match(b, new RegExp(`Số ${seller.businessRegNo}, cấp ngày 14/05/2019`));
  assert.match(b, /<a href="tel:0912345678">0912345678<\/a>/);
  assert.match(b, new RegExp(`<a href="mailto:${seller.email}">`));
  assert.match(b, /Đã xác minh qua hồ sơ giấy tờ bởi cán bộ ngày 10\/02\/2026/);
  assert.match(b, /Yến sào khai thác tự nhiên tại đảo Hòn Nội\./);
  assert.match(b, /Yến sào Hòn Nội hộp 50g<\/strong> – <span>4 sao<\/span> – <span>Nhóm Thực phẩm<\/span>/);
  assert.match(b, /Giấy chứng nhận số 125\/QĐ-UBND, cấp ngày 15\/03\//);
  assert.match(b, /<li data-valid="true">[\s\S]*?Còn hiệu lực đến ngày 14\/03\//);
  assert.match(
    b,
    /<li data-valid="false">[\s\S]*?Đã hết hiệu lực/,
    'an expired certificate is not shown as valid',
  );
  assert.match(b, /Nghị định 52\/2013\/NĐ-CP \(sửa đổi bởi Nghị định 85\/2021\/NĐ-CP\)/);
  assert.doesNotMatch(b, /056190001234|0011004455667/, 'no citizen ID or bank account in public');
  assert.doesNotMatch(b, /tạm ngừng/);
  assert.match(b, new RegExp(`<link rel="canonical" href="http://localhost:\\d+/cua-hang/${seller.slug}"/>`));
  assert.match(
    b,
    /<meta name="description" content="Yến sào khai thác tự nhiên tại đảo Hòn Nội\. Đóng hộp tại cơ sở\."\/>/,
  );
});

test('anonymous visitors get a publicly cacheable page without cookies; signed-in visitors a private one', async () => {
  const seller = await approvedShop();
  const anon = await new Client(t.app).get(`/cua-hang/${seller.slug}`);
  assert.equal(anon.headers['cache-control'], 'public, max-age=60');
  assert.equal(anon.headers['set-cookie'], undefined);
  assert.match(String(anon.headers.vary), /Cookie/);
  const buyer = await signedIn(t, 'buyer');
  const mine = await buyer.client.get(`/cua-hang/${seller.slug}`);
  assert.equal(mine.statusCode, 200);
  assert.equal(mine.headers['cache-control'], 'private, no-store');
  const api = await buyer.client.get(`/api/v1/shops/${seller.slug}`);
  assert.equal(api.headers['cache-control'], 'private, no-store');
});

test('a suspended shop says at the top that it cannot sell, without the reason', async () => {
  const seller = await approvedShop('suspended');
  const res = await new Client(t.app).get(`/cua-hang/${seller.slug}`);
  assert.equal(res.statusCode, 200);
  const banner = res.body.indexOf('Cửa hàng đang bị tạm ngừng hoạt động trên sàn và không thể bán hàng');
  assert.ok(banner > 0 && banner < res.body.indexOf('<h1>'), 'the notice comes before the shop name');
  assert.doesNotMatch(res.body, /Lý do kiểm thử/);
  const api = await new Client(t.app).get(`/api/v1/shops/${seller.slug}`);
  assert.equal(api.json().status, 'suspended');
  assert.equal(api.json().canSell, false);
});

test('applications and closed shops have no public page', async () => {
  for (const status of ['draft', 'submitted', 'needs_changes', 'rejected', 'terminated'] as const) {
    const { seller } = await makeSeller(t, { status });
    assert.equal((await new Client(t.app).get(`/cua-hang/${seller.slug}`)).statusCode, 404, status);
    const api = await new Client(t.app).get(`/api/v1/shops/${seller.slug}`);
    assert.equal(api.statusCode, 404, status);
    assert.equal(api.json().error.code, 'not_found');
  }
  assert.equal((await new Client(t.app).get('/cua-hang/khong-co-cua-hang-nay')).statusCode, 404);
});

test('the JSON twin carries the same disclosure', async () => {
  const seller = await approvedShop();
  const res = await new Client(t.app).get(`/api/v1/shops/${seller.slug}`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'public, max-age=60');
  const s = res.json();
  assert.equal(s.shopName, seller.shopName);
  assert.equal(s.canSell, true);
  assert.equal(s.legalForm, 'household');
  assert.equal(s.ownerName, 'Nguyễn Thị Hồng Đào');
  assert.equal(s.address, '12 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa');
  assert.equal(s.businessRegDate, '2019-05-14');
  assert.deepEqual(s.verification, { method: 'documents', verifiedAt: '2026-02-10T03:00:00.000Z' });
  assert.deepEqual(
    s.ocop.map((c: { stars: number; valid: boolean; group: { vi: string } }) => [
      c.stars,
      c.valid,
      c.group.vi,
    ]),
    [
      [3, false, 'Đồ uống'],
      [4, true, 'Thực phẩm'],
    ],
  );
  assert.equal('repCitizenId' in s || 'bankAccountNo' in s, false);
});

test('page weight: the shop page and its stylesheet stay under 40 KB uncompressed', async () => {
  const { seller } = await makeSeller(t, {
    status: 'approved',
    values: {
      description:
        'Yến sào khai thác tự nhiên, đóng hộp tại cơ sở theo tiêu chuẩn an toàn thực phẩm. '.repeat(20),
    },
  });
  await t.db.insert(ocopCertificates).values(
    Array.from({ length: 5 }, (_, i) => ({
      sellerId: seller.id,
      number: `${100 + i}/QĐ-UBND`,
      productName: `Sản phẩm OCOP số ${i + 1}`,
      stars: 3 + (i % 3),
      groupCode: 1 + i,
      issuedOn: `${year - 1}-06-0${i + 1}`,
    })),
  );
  const c = new Client(t.app);
  const page = await c.get(`/cua-hang/${seller.slug}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Sản phẩm OCOP số 5/);
  const href = page.body.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1] ?? '';
  assert.ok(href.startsWith('/static/app.css'), href);
  const css = await c.get(href);
  assert.equal(css.statusCode, 200);
  const total = page.rawPayload.length + css.rawPayload.length;
  assert.ok(
    total <= 40 * 1024,
    `page ${page.rawPayload.length} B + css ${css.rawPayload.length} B = ${total} B`,
  );
});
