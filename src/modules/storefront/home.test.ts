import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, type TestApp, testApp } from '../../../test/helpers.js';
import { approvedShop, birdNest, fishSauce } from './test-fixtures.js';

const year = new Date().getUTCFullYear();
let t: TestApp;
let shop: Awaited<ReturnType<typeof approvedShop>>;
let five: { slug: string; name: string };
let expired: { slug: string; name: string };
let keyOnly: { slug: string; name: string };
let plain: { slug: string; name: string };
const shopSauces: string[] = [];
let otherShop: { slug: string; shopName: string };

// The home page's showcases are read through a cache of one second: every product exists before the first read.
before(async () => {
  t = await testApp();
  shop = await approvedShop(t);
  five = await shop.product(birdNest({ ocopStars: '5', isKeyProduct: '', originCommuneCode: '22453' }), {
    images: ['Hộp yến sào Cam Lâm'],
  });
  expired = await shop.product(birdNest({ ocopIssuedOn: `${year - 4}-01-10`, isKeyProduct: '' }));
  keyOnly = await shop.product(fishSauce({ isKeyProduct: 'on', originCommuneCode: '22489' }));
  plain = await shop.product(fishSauce({ originCommuneCode: '22489' }));
  await shop.product(fishSauce({ originCommuneCode: '22489', category: 'food.dried' }));
  const other = await approvedShop(t);
  for (let i = 0; i < 26; i++) shopSauces.push((await other.product(fishSauce())).slug);
  await other.product(fishSauce(), { draft: true });
  otherShop = other.seller;
});
after(() => t.close());

const section = (body: string, id: string) => {
  const start = body.indexOf(`<section aria-labelledby="${id}">`);
  return start < 0 ? '' : body.slice(start, body.indexOf('</section>', start));
};

test('home: the province’s name, the search box and the call to sell', async () => {
  const b = (await new Client(t.app).get('/')).body;
  assert.match(b, /<h1>Sàn thương mại điện tử tỉnh Khánh Hòa<\/h1>/);
  assert.match(b, /<search><form class="search" method="get" action="\/tim-kiem">/);
  assert.match(b, /<label for="q">Tìm sản phẩm<\/label><input id="q" name="q" type="search"/);
  assert.match(b, /<a href="\/kenh-ban-hang\/dang-ky">Đăng ký bán hàng<\/a>/);
});

test('home: featured OCOP products are the valid ones, most stars first', async () => {
  const ocop = section((await new Client(t.app).get('/')).body, 'ocop');
  assert.match(ocop, /<h2 id="ocop">Sản phẩm OCOP tiêu biểu<\/h2>/);
  const slugs = [...ocop.matchAll(/href="\/san-pham\/([^"]+)"/g)].map((m) => m[1]);
  assert.equal(slugs[0], five.slug);
  assert.ok(!slugs.includes(expired.slug), 'an expired certificate is not featured');
  assert.ok(!slugs.includes(plain.slug));
  assert.match(ocop, /OCOP 5 sao/);
  // The card's picture loads first and is decorative: the link reads the product's name.
  assert.match(ocop, /<img [^>]*alt=""[^>]*loading="eager"/);
});

test('home: key products of the province', async () => {
  const key = section((await new Client(t.app).get('/')).body, 'key');
  assert.match(key, /Sản phẩm chủ lực của tỉnh/);
  assert.match(key, new RegExp(`href="/san-pham/${keyOnly.slug}"`));
  assert.doesNotMatch(key, new RegExp(`href="/san-pham/${plain.slug}"`));
});

test('home: every top category with its number of products', async () => {
  const cats = section((await new Client(t.app).get('/')).body, 'categories');
  assert.match(cats, /<a href="\/danh-muc\/food">Thực phẩm chế biến \(31\)<\/a>/);
  assert.match(cats, /<a href="\/danh-muc\/seafood">Thủy hải sản \(0\)<\/a>/);
  assert.match(cats, /<a href="\/danh-muc\/tourism">Dịch vụ du lịch \(0\)<\/a>/);
});

test('home: specialities by commune, most products first, each a filtered search', async () => {
  const places = section((await new Client(t.app).get('/')).body, 'specialties');
  assert.match(places, /Đặc sản theo xã, phường/);
  const items = [...places.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a> <span>([^<]+)<\/span><\/li>/g)];
  assert.deepEqual(
    items.map((m) => [m[1], m[2], m[3]]),
    [
      ['/tim-kiem?commune=22489', 'Xã Vạn Ninh', 'Nước mắm &amp; gia vị; Đặc sản khô (3 sản phẩm)'],
      // Ties by commune code.
      ['/tim-kiem?commune=22333', 'Phường Bắc Nha Trang', 'Yến sào (1 sản phẩm)'],
      ['/tim-kiem?commune=22453', 'Xã Cam Lâm', 'Yến sào (1 sản phẩm)'],
    ],
  );
});

test('home in English', async () => {
  const c = new Client(t.app);
  c.lang = 'en';
  const b = (await c.get('/')).body;
  assert.match(b, /<html lang="en">/);
  assert.match(b, /Featured OCOP products/);
  assert.match(b, /Specialities by commune/);
  assert.match(b, /Food \(31\)/);
  assert.match(b, /Apply to sell/);
});

test('the home JSON twin', async () => {
  const home = (await new Client(t.app).get('/api/v1/home')).json();
  assert.equal(home.ocop[0].slug, five.slug);
  assert.equal(home.ocop[0].ocopStars, 5);
  assert.ok(home.keyProducts.some((p: { slug: string }) => p.slug === keyOnly.slug));
  assert.equal(home.categories.find((c: { code: string }) => c.code === 'food').count, 31);
  assert.equal(home.specialties.find((s: { code: string }) => s.code === '22489').name, 'Xã Vạn Ninh');
});

test('a shop page lists the shop’s published products with a "show more" link', async () => {
  const first = await new Client(t.app).get(`/cua-hang/${otherShop.slug}`);
  assert.equal(first.statusCode, 200);
  const products = section(first.body, 'products');
  assert.match(products, /<h2 id="products">Sản phẩm của cửa hàng<\/h2>/);
  const page1 = [...products.matchAll(/href="\/san-pham\/([^"]+)"/g)].map((m) => m[1]);
  assert.equal(page1.length, 24);
  assert.equal(page1[0], shopSauces[25], 'newest first');
  const more = /rel="next" href="([^"]+)"/.exec(products)?.[1];
  assert.ok(more);
  const second = section((await new Client(t.app).get(more)).body, 'products');
  const page2 = [...second.matchAll(/href="\/san-pham\/([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(new Set([...page1, ...page2]), new Set(shopSauces), 'published products only, each once');
  // The disclosure stays on the page.
  assert.match(first.body, /Thông tin người bán/);
  const api = (await new Client(t.app).get(`/api/v1/shops/${otherShop.slug}/products`)).json();
  assert.equal(api.items.length, 24);
  assert.ok(api.nextCursor);
  assert.equal((await new Client(t.app).get('/api/v1/shops/khong-co/products')).statusCode, 404);
});

test('the national instance groups specialities and origin filters by province', async () => {
  const national = await testApp({ PROVINCE_CODE: '00' });
  try {
    const shop = await approvedShop(national);
    await shop.product(fishSauce({ originCommuneCode: '22489' }));
    const c = new Client(national.app);
    const places = section((await c.get('/')).body, 'specialties');
    assert.match(
      places,
      /<a href="\/tim-kiem\?province=56">Tỉnh Khánh Hòa<\/a> <span>Nước mắm &amp; gia vị \(1 sản phẩm\)<\/span>/,
    );
    const category = (await c.get('/danh-muc/food')).body;
    assert.match(category, /href="\/danh-muc\/food\?province=56">Tỉnh Khánh Hòa \(1\)<\/a>/);
    assert.equal(
      [...(await c.get('/danh-muc/food?province=56')).body.matchAll(/href="\/san-pham\//g)].length,
      1,
    );
    assert.equal(
      [...(await c.get('/danh-muc/food?province=48')).body.matchAll(/href="\/san-pham\//g)].length,
      0,
    );
  } finally {
    await national.close();
  }
});
