import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, type TestApp, testApp } from '../../../test/helpers.js';
import { approvedShop, birdNest, fishSauce } from './test-fixtures.js';

const year = new Date().getUTCFullYear();
let t: TestApp;
const sauces: { slug: string; price: number }[] = [];
let fourStar: { slug: string };
let fiveStar: { slug: string };
let expired: { slug: string };

// Lists and their counts are read through a cache of one second: every product exists before the first read.
before(async () => {
  t = await testApp();
  const shop = await approvedShop(t);
  for (let i = 0; i < 30; i++) {
    const price = 20_000 + ((i * 7919) % 30) * 1000;
    const p = await shop.product(
      fishSauce({
        originCommuneCode: i % 3 ? '22489' : '22453',
        variants: [{ name: 'Chai 500 ml', price: String(price), stock: '5' }],
      }),
    );
    sauces.push({ slug: p.slug, price });
  }
  fourStar = await shop.product(birdNest());
  fiveStar = await shop.product(birdNest({ ocopStars: '5', originCommuneCode: '22453' }));
  expired = await shop.product(birdNest({ ocopStars: '5', ocopIssuedOn: `${year - 4}-01-10` }));
});
after(() => t.close());

const get = (url: string) => new Client(t.app).get(url);
const slugsOf = (body: string) => [...body.matchAll(/<a href="\/san-pham\/([^"]+)">/g)].map((m) => m[1]);
const moreLink = (body: string) => /<a class="button secondary" rel="next" href="([^"]+)"/.exec(body)?.[1];

test('a leaf category lists its products 24 at a time, with a "show more" link to the next page', async () => {
  const first = await get('/danh-muc/food.fish_sauce?sort=price_asc');
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /<h1>Nước mắm &amp; gia vị<\/h1>/);
  assert.match(first.body, /30 sản phẩm/);
  const page1 = slugsOf(first.body);
  assert.equal(page1.length, 24);
  const next = moreLink(first.body);
  assert.ok(next, 'a next page link');
  assert.match(next, /^\/danh-muc\/food\.fish_sauce\?sort=price_asc&cursor=\d+\.[0-9a-f-]{36}$/);
  assert.match(first.body, /Xem thêm/);

  const second = await get(next);
  const page2 = slugsOf(second.body);
  assert.equal(page2.length, 6);
  assert.equal(moreLink(second.body), undefined, 'the last page has no next link');
  assert.deepEqual(new Set([...page1, ...page2]), new Set(sauces.map((s) => s.slug)), 'every product once');
  const prices = [...page1, ...page2].map((slug) => sauces.find((s) => s.slug === slug)!.price);
  assert.deepEqual(
    prices,
    [...prices].sort((a, b) => a - b),
    'cheapest first across pages',
  );
});

test('every sort pages through the same products without overlap', async () => {
  for (const sort of ['best_selling', 'newest', 'price_desc']) {
    const seen: string[] = [];
    let url: string | undefined = `/danh-muc/food.fish_sauce?sort=${sort}`;
    while (url) {
      const body: string = (await get(url)).body;
      seen.push(...slugsOf(body));
      url = moreLink(body);
    }
    assert.equal(seen.length, 30, sort);
    assert.equal(new Set(seen).size, 30, sort);
  }
  const newest = slugsOf((await get('/danh-muc/food.fish_sauce?sort=newest')).body);
  assert.equal(newest[0], sauces[29].slug, 'the last published first');
});

test('a top category: breadcrumbs, subcategories with counts, products of all its leaves', async () => {
  const b = (await get('/danh-muc/food')).body;
  assert.match(b, /<li aria-current="page">Thực phẩm chế biến<\/li>/);
  assert.match(b, /<h2 id="subcategories">Danh mục con<\/h2>/);
  assert.match(b, /<a href="\/danh-muc\/food\.bird_nest">Yến sào \(3\)<\/a>/);
  assert.match(b, /<a href="\/danh-muc\/food\.fish_sauce">Nước mắm &amp; gia vị \(30\)<\/a>/);
  assert.match(b, /33 sản phẩm/);
  const leaf = (await get('/danh-muc/food.bird_nest')).body;
  assert.match(leaf, /<a href="\/danh-muc\/food">Thực phẩm chế biến<\/a>/);
  assert.doesNotMatch(leaf, /id="subcategories"/);
});

test('OCOP filter links count valid certificates only, and filter the list', async () => {
  const b = (await get('/danh-muc/food.bird_nest')).body;
  assert.match(b, /href="\/danh-muc\/food\.bird_nest\?stars=5">OCOP 5 sao \(1\)<\/a>/);
  assert.match(b, /href="\/danh-muc\/food\.bird_nest\?stars=4">OCOP 4 sao \(1\)<\/a>/);
  const five = await get('/danh-muc/food.bird_nest?stars=5');
  assert.deepEqual(slugsOf(five.body), [fiveStar.slug]);
  assert.match(five.body, /<a href="\/danh-muc\/food\.bird_nest\?stars=5" aria-current="true">/);
  assert.deepEqual(slugsOf((await get('/danh-muc/food.bird_nest?stars=4')).body), [fourStar.slug]);
  const all = slugsOf(b);
  assert.ok(all.includes(expired.slug), 'the expired product is still listed');
});

test('a product whose certificate expired shows no OCOP badge on its card', async () => {
  const b = (await get('/danh-muc/food.bird_nest?sort=newest')).body;
  const cards = b.split('<li><a href="/san-pham/').slice(1);
  const card = cards.find((c) => c.startsWith(expired.slug)) ?? '';
  assert.ok(card, 'the expired product has a card');
  assert.doesNotMatch(card.slice(0, card.indexOf('</li>')), /OCOP/);
  const valid = cards.find((c) => c.startsWith(fiveStar.slug)) ?? '';
  assert.match(valid.slice(0, valid.indexOf('</li>')), /OCOP 5 sao/);
});

test('origin filter links: communes of the province with counts, most products first', async () => {
  const b = (await get('/danh-muc/food.fish_sauce')).body;
  const origin = b.slice(b.indexOf('Nơi sản xuất'));
  assert.match(
    origin,
    /href="\/danh-muc\/food\.fish_sauce\?commune=22489">Xã Vạn Ninh \(20\)<\/a>.*href="\/danh-muc\/food\.fish_sauce\?commune=22453">Xã Cam Lâm \(10\)<\/a>/s,
  );
  const cam = await get('/danh-muc/food.fish_sauce?commune=22453&sort=price_asc');
  assert.equal(slugsOf(cam.body).length, 10);
  // Filters and sort combine; the sort links keep the filter.
  assert.match(cam.body, /href="\/danh-muc\/food\.fish_sauce\?sort=newest&commune=22453"/);
});

test('unknown categories are 404; broken filters and cursors fall back to the first page', async () => {
  assert.equal((await get('/danh-muc/khong-co')).statusCode, 404);
  assert.equal((await get('/danh-muc/food.khong_co')).statusCode, 404);
  const odd = await get('/danh-muc/food.fish_sauce?sort=cheapest&stars=9&commune=abc&cursor=%27%3B--');
  assert.equal(odd.statusCode, 200);
  assert.equal(slugsOf(odd.body).length, 24);
});

test('in English', async () => {
  const c = new Client(t.app);
  c.lang = 'en';
  const b = (await c.get('/danh-muc/food')).body;
  assert.match(b, /<h1>Food<\/h1>/);
  assert.match(b, /Subcategories/);
  assert.match(b, /Price, low to high/);
  assert.match(b, /Show more/);
  assert.match(b, /33 products/);
});

test('the JSON twin pages with nextCursor and gives the filters with their counts', async () => {
  const first = (await get('/api/v1/categories/food.fish_sauce/products?sort=price_desc')).json();
  assert.deepEqual(first.category, {
    code: 'food.fish_sauce',
    name: 'Nước mắm & gia vị',
    count: 30,
    children: [],
  });
  assert.equal(first.items.length, 24);
  assert.equal(first.items[0].priceMin, Math.max(...sauces.map((s) => s.price)));
  assert.match(first.items[0].url, /^http:\/\/localhost:3000\/san-pham\//);
  assert.deepEqual(
    first.facets.origin.map((f: { label: string; count: number }) => [f.label, f.count]),
    [
      ['Xã Vạn Ninh', 20],
      ['Xã Cam Lâm', 10],
    ],
  );
  const second = (
    await get(`/api/v1/categories/food.fish_sauce/products?sort=price_desc&cursor=${first.nextCursor}`)
  ).json();
  assert.equal(second.items.length, 6);
  assert.equal(second.nextCursor, null);
  const cats = (await get('/api/v1/categories')).json();
  assert.equal(cats.find((c: { code: string }) => c.code === 'food').count, 33);
  assert.equal((await get('/api/v1/categories/nope/products')).statusCode, 404);
});

test('a product published now is listed and counted within a second', async () => {
  const before = (await get('/danh-muc/food.honey')).body;
  assert.match(before, /0 sản phẩm/);
  const shop = await approvedShop(t);
  const honey = await shop.product(fishSauce({ category: 'food.honey', name: 'Mật ong rừng Khánh Sơn' }));
  await new Promise((r) => setTimeout(r, 1100));
  const after = (await get('/danh-muc/food.honey')).body;
  assert.match(after, /1 sản phẩm/);
  assert.deepEqual(slugsOf(after), [honey.slug]);
});

test('anonymous visitors share the category page made from the same answers, never a page with a token', async () => {
  const [a, b] = await Promise.all([
    new Client(t.app).get('/danh-muc/food'),
    new Client(t.app).get('/danh-muc/food'),
  ]);
  assert.equal(a.statusCode, 200);
  assert.equal(a.body, b.body);
  assert.doesNotMatch(a.body, /name="_csrf"/);
  const en = await new Client(t.app).get('/danh-muc/food', { 'accept-language': 'en' });
  assert.notEqual(en.body, a.body);
  assert.match(en.body, /<html lang="en">/);
});
