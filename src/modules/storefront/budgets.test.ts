import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, type TestApp, testApp } from '../../../test/helpers.js';
import { approvedShop, birdNest } from './test-fixtures.js';

/**
 * Page budgets on phones and weak networks: a product or category page and its stylesheet
 * weigh at most 40 KB uncompressed, scripts at most 20 KB, and the pages need none of it
 * to work. Measured on full pages: 24 cards with pictures, a product with many pictures,
 * variants and a long description.
 */
const KB = 1024;
let t: TestApp;
let big: { slug: string };

before(async () => {
  t = await testApp();
  const shop = await approvedShop(t);
  const paragraph =
    'Yến được khai thác tự nhiên tại các đảo ven bờ, nhặt sạch lông bằng tay và sấy lạnh để giữ nguyên dưỡng chất. ';
  big = await shop.product(
    birdNest({
      description: `## Giới thiệu\n\n${paragraph.repeat(12)}\n\n## Cách dùng\n\n- Ngâm 30 phút\n- Chưng cách thủy\n\n${paragraph.repeat(6)}`,
      variants: [50, 100, 200, 500, 1000].map((g, i) => ({
        name: `Hộp ${g} g`,
        price: String(g * 25_000),
        compareAtPrice: i % 2 ? String(g * 28_000) : '',
        stock: String(i),
      })),
    }),
    {
      images: [
        'Hộp yến 50 g',
        'Tổ yến thô',
        'Yến đã làm sạch',
        'Chén yến chưng',
        'Đảo Hòn Nội',
        'Giấy chứng nhận',
      ],
    },
  );
  for (let i = 0; i < 24; i++) await shop.product(birdNest(), { images: [`Hộp yến sào số ${i + 1}`] });
});
after(() => t.close());

async function weigh(path: string) {
  const c = new Client(t.app);
  const res = await c.get(path);
  assert.equal(res.statusCode, 200, path);
  const links = (re: RegExp) => [...res.body.matchAll(re)].map((m) => m[1]);
  let css = 0;
  for (const href of links(/<link rel="stylesheet" href="([^"]+)"/g))
    css += (await c.get(href)).rawPayload.length;
  let js = 0;
  for (const src of links(/<script src="([^"]+)"/g)) js += (await c.get(src)).rawPayload.length;
  return { html: Buffer.byteLength(res.body), css, js, body: res.body };
}

/** Headings never skip a level going down (h1 then h2, not h1 then h3), and there is one h1. */
function assertHeadingOrder(body: string) {
  const levels = [...body.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  assert.equal(levels.filter((l) => l === 1).length, 1, 'one h1');
  for (let i = 1; i < levels.length; i++)
    assert.ok(levels[i] <= levels[i - 1] + 1, `h${levels[i - 1]} is followed by h${levels[i]}`);
}

function assertAccessible(body: string) {
  assertHeadingOrder(body);
  // Pictures have alt text; a card's picture is decorative (alt="") as its link already reads the name.
  for (const img of body.matchAll(/<img [^>]*>/g))
    assert.match(img[0], img[0].includes('class="thumb"') ? / alt=""/ : / alt="[^"]+"/);
  for (const input of body.matchAll(/<input [^>]*id="([^"]+)"/g))
    assert.match(body, new RegExp(`<label for="${input[1]}"`), `input ${input[1]} has a label`);
}

for (const [name, path] of [
  ['a product page with six pictures, five variants and a long description', () => `/san-pham/${big.slug}`],
  ['a category page of 24 cards with pictures', () => '/danh-muc/food.bird_nest'],
  ['a top category page', () => '/danh-muc/food'],
  ['the home page', () => '/'],
] as const) {
  test(`${name}: HTML + CSS ≤ 40 KB, scripts ≤ 20 KB, headings in order, alt text, labels`, async () => {
    const w = await weigh(path());
    assert.ok(w.html + w.css <= 40 * KB, `HTML ${w.html} + CSS ${w.css} bytes`);
    assert.ok(w.js <= 20 * KB, `JS ${w.js} bytes`);
    assertAccessible(w.body);
  });
}

test('the category page is full: the budget was measured on 24 pictures', async () => {
  const w = await weigh('/danh-muc/food.bird_nest');
  assert.equal([...w.body.matchAll(/<img /g)].length, 24);
  const product = await weigh(`/san-pham/${big.slug}`);
  assert.equal([...product.body.matchAll(/<img /g)].length, 6);
  assert.equal([...product.body.matchAll(/<tr>/g)].length, 6, 'a header and five variants');
});
