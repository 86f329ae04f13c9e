import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { transitionProduct } from '../catalog/index.js';
import { approvedShop, birdNest, fishSauce } from './test-fixtures.js';

let t: TestApp;
let shop: Awaited<ReturnType<typeof approvedShop>>;
let nest: { id: string; slug: string; name: string };
let sauce: { id: string; slug: string; name: string };
before(async () => {
  t = await testApp();
  shop = await approvedShop(t);
  nest = await shop.product(birdNest(), { images: ['Hộp yến sào 50 g', 'Tổ yến trước khi làm sạch'] });
  sauce = await shop.product(fishSauce());
});
after(() => t.close());

const get = (url: string, headers?: Record<string, string>) => new Client(t.app).get(url, headers);

/** The page's JSON-LD block, parsed. */
function jsonLd(body: string) {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body);
  assert.ok(m, 'the page has a JSON-LD block');
  return JSON.parse(m[1]);
}
const meta = (body: string, property: string) =>
  new RegExp(`<meta (?:property|name)="${property.replace(/[:+]/g, '\\$&')}" content="([^"]*)"`).exec(
    body,
  )?.[1];

test('a product page shows the product: prices by variant, stock state, unit, description, facts', async () => {
  const res = await get(`/san-pham/${nest.slug}`);
  assert.equal(res.statusCode, 200);
  const b = res.body;
  assert.match(b, new RegExp(`<h1>${nest.name}</h1>`));
  assert.match(b, /1\.250\.000 ₫ – 2\.400\.000 ₫/);
  assert.match(b, /\/ hộp/);
  // The compare-at price is struck through, and said so to screen readers.
  assert.match(b, /<s><span class="visually-hidden">Giá trước đây: <\/span><span>1\.400\.000 ₫<\/span><\/s>/);
  // Stock as a state, never the numbers: 50 g has 10, 100 g has none.
  assert.match(b, /Hộp 50 g<\/th><td>.*?<\/td><td>Còn hàng<\/td>/s);
  assert.match(b, /Hộp 100 g<\/th><td>.*?<\/td><td>Hết hàng<\/td>/s);
  assert.doesNotMatch(b, />10</);
  // Markdown rendered; its heading moved under the page's h2.
  assert.match(b, /Tổ yến đảo <strong>Hòn Nội<\/strong>/);
  assert.match(b, /<h3>Cách dùng<\/h3>/);
  assert.match(b, /Phường Nha Trang, Tỉnh Khánh Hòa|Khánh Hòa/);
  assert.match(b, /730 ngày kể từ ngày sản xuất/);
  assert.match(b, /Nơi khô ráo, thoáng mát\./);
  assert.match(b, /HACCP/);
  assert.match(b, /Sản phẩm chủ lực của tỉnh/);
});

test('images carry srcset, sizes, width, height and alt; only the first loads eagerly', async () => {
  const b = (await get(`/san-pham/${nest.slug}`)).body;
  const imgs = [...b.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
  assert.equal(imgs.length, 2);
  for (const img of imgs) {
    assert.match(
      img,
      /srcset="\/anh\/products\/[^"]+-320\.webp 320w, [^"]+-640\.webp 640w, [^"]+-1024\.webp 1024w"/,
    );
    assert.match(img, /sizes="/);
    assert.match(img, /width="1024" height="768"/);
  }
  assert.match(imgs[0], /alt="Hộp yến sào 50 g"/);
  assert.match(imgs[0], /loading="eager"/);
  assert.match(imgs[1], /alt="Tổ yến trước khi làm sạch"/);
  assert.match(imgs[1], /loading="lazy"/);
});

test('breadcrumbs: home > top category > leaf category > product', async () => {
  const b = (await get(`/san-pham/${nest.slug}`)).body;
  const crumbs = /<nav class="crumbs"[^>]*>([\s\S]*?)<\/nav>/.exec(b)?.[1] ?? '';
  assert.match(
    crumbs,
    new RegExp(
      '<a href="/">Trang chủ</a>.*<a href="/danh-muc/food">Thực phẩm chế biến</a>.*' +
        `<a href="/danh-muc/food.bird_nest">Yến sào</a>.*<li aria-current="page">${nest.name}</li>`,
      's',
    ),
  );
});

test('the seller disclosure: name linking to the shop, legal form, address, tax code, phone', async () => {
  const b = (await get(`/san-pham/${nest.slug}`)).body;
  const block = b.slice(b.indexOf('id="seller"'));
  assert.match(block, new RegExp(`<a href="/cua-hang/${shop.seller.slug}">${shop.seller.shopName}</a>`));
  assert.match(block, /Hộ kinh doanh/);
  assert.match(block, /12 Trần Phú/);
  assert.match(block, new RegExp(`Mã số thuế</dt><dd>${shop.seller.taxCode}</dd>`));
  assert.match(block, /href="tel:0912345678"/);
  assert.match(block, /Nguyễn Thị Hồng Đào/);
});

test('OCOP shows while the certificate is valid, with stars, group, number and expiry', async () => {
  const b = (await get(`/san-pham/${nest.slug}`)).body;
  assert.match(b, /OCOP 4 sao/);
  assert.match(b, /Nhóm: Thực phẩm/);
  const expiry = new Date(Date.UTC(new Date().getUTCFullYear() + 2, 2, 14)).toISOString().slice(0, 10);
  const [y, m, d] = expiry.split('-');
  assert.match(b, new RegExp(`Giấy chứng nhận số 125/QĐ-UBND, hiệu lực đến ngày ${d}/${m}/${y}`));
});

test('an expired OCOP certificate is not shown, on the page or in its data', async () => {
  const year = new Date().getUTCFullYear();
  const old = await shop.product(
    birdNest({ ocopIssuedOn: `${year - 4}-01-10`, ocopCertificateNo: '9/QĐ-CŨ' }),
  );
  const b = (await get(`/san-pham/${old.slug}`)).body;
  assert.doesNotMatch(b, /OCOP/);
  assert.doesNotMatch(b, /9\/QĐ-CŨ/);
  assert.equal(jsonLd(b).award, undefined);
  const api = (await get(`/api/v1/products/${old.slug}`)).json();
  assert.equal(api.ocop, null);
  assert.equal(jsonLd((await get(`/san-pham/${nest.slug}`)).body).award, 'OCOP 4 sao');
});

test('JSON-LD: a Product with an AggregateOffer over its variants, in VND, with stock and seller', async () => {
  const res = await get(`/san-pham/${nest.slug}`);
  const ld = jsonLd(res.body);
  assert.equal(ld['@context'], 'https://schema.org');
  assert.equal(ld['@type'], 'Product');
  assert.equal(ld.name, nest.name);
  assert.equal(ld.url, `http://localhost:3000/san-pham/${nest.slug}`);
  assert.equal(ld.image.length, 2);
  assert.match(ld.image[0], /^http:\/\/localhost:3000\/anh\/products\/.+-1024\.webp$/);
  const o = ld.offers;
  assert.equal(o['@type'], 'AggregateOffer');
  assert.equal(o.priceCurrency, 'VND');
  assert.equal(o.lowPrice, '1250000');
  assert.equal(o.highPrice, '2400000');
  assert.equal(o.offerCount, 2);
  assert.equal(o.availability, 'https://schema.org/InStock');
  assert.deepEqual(
    o.offers.map((x: { price: string; availability: string; priceCurrency: string }) => [
      x.price,
      x.priceCurrency,
      x.availability,
    ]),
    [
      ['1250000', 'VND', 'https://schema.org/InStock'],
      ['2400000', 'VND', 'https://schema.org/OutOfStock'],
    ],
  );
  assert.deepEqual(o.seller, {
    '@type': 'Organization',
    name: shop.seller.shopName,
    url: `http://localhost:3000/cua-hang/${shop.seller.slug}`,
  });
  // A single variant is a plain Offer.
  const one = jsonLd((await get(`/san-pham/${sauce.slug}`)).body).offers;
  assert.equal(one['@type'], 'Offer');
  assert.equal(one.price, '95000');
  assert.equal(one.priceCurrency, 'VND');
  assert.equal(one.availability, 'https://schema.org/InStock');
  assert.equal(one.seller.name, shop.seller.shopName);
});

test('JSON-LD cannot end its script block early, and the CSP still allows no inline script', async () => {
  const tricky = await shop.product(fishSauce({ name: 'Mắm </script><script>alert(1)</script> ruốc' }));
  const res = await get(`/san-pham/${tricky.slug}`);
  // Inside quoted attributes "<" is plain text; everywhere else it must not open a tag.
  const outsideAttributes = res.body.replace(/="[^"]*"/g, '=""');
  assert.doesNotMatch(outsideAttributes, /<script>alert/);
  assert.equal(jsonLd(res.body).name, 'Mắm </script><script>alert(1)</script> ruốc');
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  // Two script elements: the site's file, and the JSON-LD data block (which browsers do not run).
  assert.deepEqual(
    [...outsideAttributes.matchAll(/<script[^>]*>/g)].map((m) => m[0]),
    ['<script src="" defer>', '<script type="">'],
  );
  assert.match(res.body, /<script src="\/static\/app\.js\?v=\w+" defer>/);
  assert.match(res.body, /<script type="application\/ld\+json">\{/);
});

test('Open Graph tags, canonical URL and description', async () => {
  const b = (await get(`/san-pham/${nest.slug}`)).body;
  const url = `http://localhost:3000/san-pham/${nest.slug}`;
  assert.match(b, new RegExp(`<link rel="canonical" href="${url}"`));
  assert.equal(meta(b, 'og:type'), 'product');
  assert.equal(meta(b, 'og:title'), nest.name);
  assert.equal(meta(b, 'og:url'), url);
  assert.match(meta(b, 'og:image') ?? '', /^http:\/\/localhost:3000\/anh\/products\/.+\.webp$/);
  assert.equal(meta(b, 'product:price:amount'), '1250000');
  assert.equal(meta(b, 'product:price:currency'), 'VND');
  assert.equal(
    meta(b, 'description'),
    'Tổ yến đảo Hòn Nội, làm sạch lông bằng tay. Cách dùng Chưng cách thủy 30 phút.',
  );
  assert.equal(meta(b, 'og:description'), meta(b, 'description'));
});

test('other addresses of a product redirect 301 to its canonical slug', async () => {
  const byId = await get(`/san-pham/${nest.id}?lang=en`);
  assert.equal(byId.statusCode, 301);
  assert.equal(byId.headers.location, `/san-pham/${nest.slug}?lang=en`);
  const typed = await get(`/san-pham/${encodeURIComponent(nest.name.replace(/ /g, '-'))}`);
  assert.equal(typed.statusCode, 301);
  assert.equal(typed.headers.location, `/san-pham/${nest.slug}`);
  assert.equal(
    (await get(`/san-pham/${nest.slug.toUpperCase()}`)).headers.location,
    `/san-pham/${nest.slug}`,
  );
  assert.equal((await get('/san-pham/khong-co-san-pham-nay')).statusCode, 404);
});

test('only published products are public: drafts, hidden and taken-down ones are 404', async () => {
  const draft = await shop.product(fishSauce(), { draft: true });
  const hidden = await shop.product(fishSauce());
  await shop.act(hidden.id, 'hide');
  const down = await shop.product(fishSauce());
  const officer = await signedIn(t, 'officer');
  await transitionProduct(t.db, {
    productId: down.id,
    action: 'take_down',
    actor: officer.actor,
    party: 'officer',
    reason: 'Nhãn hàng hóa không đúng quy định',
    publicUrl: 'http://localhost:3000',
  });
  for (const p of [draft, hidden, down]) {
    assert.equal((await get(`/san-pham/${p.slug}`)).statusCode, 404, p.slug);
    assert.equal((await get(`/san-pham/${p.id}`)).statusCode, 404, p.id);
    assert.equal((await get(`/api/v1/products/${p.slug}`)).statusCode, 404);
  }
  const page = await get(`/san-pham/${down.slug}`);
  assert.match(page.body, /Không tìm thấy/);
});

test('a terminated shop’s products are not public; a suspended shop’s say it cannot sell', async () => {
  const other = await approvedShop(t);
  const p = await other.product(fishSauce());
  await t.db.execute(sql`UPDATE sellers SET status = 'suspended' WHERE id = ${other.seller.id}`);
  const res = await get(`/san-pham/${p.slug}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /đang bị tạm ngừng hoạt động/);
  assert.equal(jsonLd(res.body).offers.availability, 'https://schema.org/OutOfStock');
  await t.db.execute(sql`UPDATE sellers SET status = 'terminated' WHERE id = ${other.seller.id}`);
  assert.equal((await get(`/san-pham/${p.slug}`)).statusCode, 404);
});

test('the description is the catalog’s sanitised HTML: no markup from the seller gets through', async () => {
  const p = await shop.product(
    fishSauce({
      description: 'Ngon <img src=x onerror=alert(1)> [bấm](javascript:alert(1)) [web](https://ví-dụ.vn)',
    }),
  );
  const b = (await get(`/san-pham/${p.slug}`)).body;
  const prose = /<div class="prose">([\s\S]*?)<\/div>/.exec(b)?.[1] ?? '';
  assert.doesNotMatch(prose, /<img/);
  assert.match(prose, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.doesNotMatch(prose, /href="javascript:/);
  assert.match(prose, /rel="nofollow ugc noopener"/);
});

test('in English: labels, stock states and the OCOP badge', async () => {
  const c = new Client(t.app);
  c.lang = 'en';
  const b = (await c.get(`/san-pham/${nest.slug}`)).body;
  assert.match(b, /<html lang="en">/);
  assert.match(b, /Options and prices/);
  assert.match(b, /In stock/);
  assert.match(b, /Out of stock/);
  assert.match(b, /OCOP 4 stars/);
  assert.match(b, /Seller information/);
  assert.match(b, /<a href="\/">Home<\/a>/);
  assert.match(b, /Bird/);
  assert.equal(meta(b, 'og:locale'), 'en_US');
});

test('the JSON twin answers the page’s facts by slug or id', async () => {
  const res = await get(`/api/v1/products/${nest.id}`);
  assert.equal(res.statusCode, 200);
  const p = res.json();
  assert.equal(p.slug, nest.slug);
  assert.equal(p.priceMin, 1250000);
  assert.equal(p.priceMax, 2400000);
  assert.deepEqual(
    p.variants.map((v: { inStock: boolean; compareAtPrice: number | null }) => [v.inStock, v.compareAtPrice]),
    [
      [true, 1400000],
      [false, null],
    ],
  );
  assert.equal(p.ocop.stars, 4);
  assert.equal(p.seller.taxCode, shop.seller.taxCode);
  assert.equal(p.images[0].renditions.length, 3);
  assert.equal((await get('/api/docs/json')).json().paths['/api/v1/products/{slug}'].get.tags[0], 'catalog');
});
