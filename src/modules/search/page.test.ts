import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { staticDir } from '../../web/assets.js';
import { upsertSearchDocs } from './documents.js';
import { fixtures, idOf } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
  await upsertSearchDocs(t.db, fixtures);
});
after(() => t.close());

const page = (url: string, lang?: 'en') =>
  new Client(t.app).get(url, lang ? { 'accept-language': 'en' } : {});
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
const cards = (html: string) => [...html.matchAll(/<li><a href="\/san-pham\/([^"]+)"/g)].map((m) => m[1]);

test('the bare page is a search form that works without JavaScript', async () => {
  const res = await page('/tim-kiem');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<search><form method="get" action="\/tim-kiem"/);
  assert.match(res.body, /<label for="f-q">Tìm sản phẩm, đặc sản, dịch vụ<\/label>/);
  assert.doesNotMatch(res.body, /class="cards"/);
  assert.doesNotMatch(res.body, /<script>/, 'no inline script');
});

test('a result card: name, price with unit, valid OCOP stars, seller, origin, responsive image', async () => {
  const res = await page('/tim-kiem?q=yen+sao+cam+lam');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'public, max-age=1');
  assert.match(res.body, /<h1>Kết quả tìm kiếm cho “yen sao cam lam”<\/h1>/);
  const card = res.body.slice(res.body.indexOf('<li><a href="/san-pham/yen-cl-tinh-che"'));
  const one = card.slice(0, card.indexOf('</li>'));
  assert.match(one, /<span class="name">Yến sào Cam Lâm tinh chế hộp 100g<\/span>/);
  assert.match(one, /3\.200\.000 ₫<\/strong> <span>\/ hộp<\/span>/);
  assert.match(one, /<p class="ocop">OCOP 4★<\/p>/);
  assert.match(one, /Hợp tác xã Yến sào Cam Lâm · Xã Cam Lâm/);
  assert.match(
    one,
    /srcset="\/anh\/p\/yen-cl-tinh-che-320\.webp 320w, \/anh\/p\/yen-cl-tinh-che-640\.webp 640w"/,
  );
  assert.match(one, /loading="lazy"/);
  assert.match(one, /alt="Yến sào Cam Lâm tinh chế hộp 100g"/);
});

test('an expired OCOP certificate shows no stars', async () => {
  const res = await page('/tim-kiem?q=yen+sao+hon+noi');
  const card = res.body.slice(res.body.indexOf('<li><a href="/san-pham/yen-sao-expired"'));
  assert.ok(card.length < res.body.length, 'the product is listed');
  assert.doesNotMatch(card.slice(0, card.indexOf('</li>')), /OCOP/);
});

test('filters are links with counts; a chosen one can be removed; sorts are links', async () => {
  const res = await page('/tim-kiem?q=nuoc+mam');
  const links = hrefs(res.body);
  assert.ok(links.includes('/tim-kiem?q=nuoc+mam&category=food.fish_sauce'));
  assert.ok(links.includes('/tim-kiem?q=nuoc+mam&stars=4'));
  assert.ok(links.includes('/tim-kiem?q=nuoc+mam&commune=22909'));
  assert.ok(links.includes('/tim-kiem?q=nuoc+mam&sort=price_asc'));
  assert.match(res.body, /<strong aria-current="true">Phù hợp nhất<\/strong>/);
  assert.match(res.body, /Xã Cà Ná<\/a> <span class="n">\d+<\/span>/);

  const chosen = await page('/tim-kiem?q=nuoc+mam&commune=22909&sort=price_asc');
  assert.equal(chosen.statusCode, 200);
  assert.match(
    chosen.body,
    /<strong>Xã Cà Ná<\/strong> <a href="\/tim-kiem\?q=nuoc\+mam&sort=price_asc">Bỏ lọc<\/a>/,
  );
  const prices = cards(chosen.body).map((k) => fixtures.find((f) => f.key === k)!);
  assert.ok(prices.length >= 2);
  assert.ok(prices.every((f) => f.originCommuneCode === '22909'));
  assert.deepEqual(
    prices.map((f) => f.priceMin),
    prices.map((f) => f.priceMin).sort((a, b) => Number(a - b)),
  );
});

test('the price range is a GET form that keeps the other filters', async () => {
  const res = await page('/tim-kiem?q=mat+ong&category=food.honey');
  const form = res.body.slice(res.body.indexOf('<form method="get" action="/tim-kiem" class="price">'));
  assert.match(form, /<input type="hidden" name="q" value="mat ong"/);
  assert.match(form, /<input type="hidden" name="category" value="food.honey"/);
  const narrowed = await page('/tim-kiem?q=mat+ong&category=food.honey&price_min=&price_max=200.000');
  assert.equal(narrowed.statusCode, 200);
  assert.ok(!cards(narrowed.body).includes('mat-ong-rung'));
  assert.ok(cards(narrowed.body).includes('mat-ong-nhan'));
});

test('the next page link continues where the page ended', async () => {
  const one = await page('/tim-kiem?q=nha+trang');
  const next = hrefs(one.body).find((h) => h.includes('cursor='));
  assert.ok(next, 'a next page');
  assert.equal(cards(one.body).length, 24);
  const two = await page(next);
  assert.equal(two.statusCode, 200);
  const both = [...cards(one.body), ...cards(two.body)];
  assert.equal(new Set(both).size, both.length, 'no product twice');
  assert.ok(hrefs(two.body).includes('/tim-kiem?q=nha+trang'), 'back to the first page');
});

test('nothing found: the closest words and categories, as links', async () => {
  let res = await page('/tim-kiem?q=qeu+tra+bong');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Không tìm thấy sản phẩm nào cho “qeu tra bong”\./);
  assert.match(res.body, /Có phải bạn muốn tìm:/);
  assert.ok(
    hrefs(res.body).some((h) =>
      decodeURIComponent(h.replace(/\+/g, ' ')).startsWith('/tim-kiem?q=Quế Trà Bồng'),
    ),
  );
  res = await page('/tim-kiem?q=do+thu+cong+bang+tre');
  assert.ok(hrefs(res.body).includes('/tim-kiem?category=crafts'));
  assert.match(res.body, />Thủ công mỹ nghệ và quà lưu niệm<\/a>/);
});

test('a wrong filter re-shows the form with the errors listed, status 422', async () => {
  const res = await page('/tim-kiem?q=yen&stars=7&price_min=re');
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Có lỗi cần sửa/);
  assert.match(res.body, /Số sao OCOP: Số sao OCOP phải là 3, 4 hoặc 5\./);
  assert.match(res.body, /Giá từ: Giá phải là số tiền nguyên \(đồng\), ví dụ 250\.000\./);
  assert.match(res.body, /name="q" type="search" value="yen"/);
});

test('in English', async () => {
  const res = await page('/tim-kiem?q=tour+hon+ba', 'en');
  assert.match(res.body, /<h1>Search results for “tour hon ba”<\/h1>/);
  assert.match(res.body, /Best match/);
  assert.match(res.body, /Price, low to high/);
  assert.match(res.body, /750,000 ₫<\/strong> <span>\/ person<\/span>/);
});

test('names are escaped', async () => {
  await upsertSearchDocs(t.db, [
    { ...fixtures[0], productId: idOf('xss'), slug: 'xss', name: 'Bánh <script>alert(1)</script> ngon' },
  ]);
  const res = await page('/tim-kiem?q=banh+alert+ngon');
  assert.match(res.body, /<span class="name">Bánh &lt;script>alert\(1\)&lt;\/script> ngon<\/span>/);
  assert.doesNotMatch(res.body, /<script>alert/);
});

test('a page of 24 results stays within 40 KB of HTML and CSS', async () => {
  // The heaviest realistic page: long names and seller names, three renditions, every facet full.
  const heavy = Array.from({ length: 30 }, (_, i) => ({
    ...fixtures[i],
    productId: idOf(`heavy-${i}`),
    slug: `dac-san-khanh-hoa-hop-qua-tet-cao-cap-gom-yen-sao-nuoc-mam-va-mat-ong-rung-${i}`,
    name: `Đặc sản Khánh Hòa hộp quà Tết cao cấp gồm yến sào, nước mắm và mật ong rừng số ${i}`,
    sellerName: `Hợp tác xã Dịch vụ Nông nghiệp và Du lịch Cộng đồng số ${i}`,
    sellerId: idOf(`heavy-seller-${i}`),
    ocopStars: 4,
    ocopExpiresOn: '2029-01-01',
    image: {
      alt: `Hộp quà đặc sản số ${i}`,
      renditions: [320, 640, 1024].map((w) => ({
        width: w,
        key: `p/01964a1b-7c3d-7e8f-9a0b-1c2d3e4f5a6b-${i}-${w}.webp`,
      })),
    },
  }));
  await upsertSearchDocs(t.db, heavy);
  const res = await page('/tim-kiem?q=dac+san+hop+qua+tet');
  assert.equal(cards(res.body).length, 24);
  const css = [...res.body.matchAll(/<link rel="stylesheet" href="\/static\/([^?"]+)/g)].map(
    (m) => readFileSync(path.join(staticDir, m[1])).length,
  );
  assert.equal(css.length, 2, 'app.css and search.css');
  const total = Buffer.byteLength(res.body) + css.reduce((a, b) => a + b, 0);
  assert.ok(total <= 40 * 1024, `${total} bytes`);
});

test('anonymous visitors share the page made from the same answer; each language and each signed-in visitor gets its own', async () => {
  const url = '/tim-kiem?q=nuoc+mam';
  const [a, b] = await Promise.all([page(url), page(url)]);
  assert.equal(a.statusCode, 200);
  assert.equal(a.body, b.body);
  assert.match(a.body, /<html lang="vi">/);
  const en = await page(url, 'en');
  assert.match(en.body, /<html lang="en">/);
  assert.notEqual(en.body, a.body);
  const buyer = await signedIn(t, 'buyer', 'Trần Thị Mua');
  const own = await buyer.client.get(url);
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /name="_csrf"/, 'the signed-in page carries its own token (sign-out form)');
  assert.doesNotMatch(a.body, /name="_csrf"/, 'the shared page carries no token');
  assert.equal(cards(own.body).join(), cards(a.body).join(), 'the same results');
});
