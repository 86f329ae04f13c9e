import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { searchDocuments } from '../search/schema.js';
import { ProductPicture } from './index.js';
import { productImages } from './schema.js';
import { shopWithMembers } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const picture = (width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: '#b5651d' } })
    .toFormat(format)
    .toBuffer();

async function upload(
  client: Client,
  productId: string,
  data: Buffer,
  alt: string,
  filename = 'yen-sao.jpg',
) {
  return client.multipart(`/kenh-ban-hang/san-pham/${productId}/anh`, { alt }, { image: { filename, data } });
}

test('an upload becomes WebP renditions at 320, 640 and 1024 px, served for a year', async () => {
  const shop = await shopWithMembers(t);
  const { product } = await shop.product();
  const res = await upload(shop.staff.client, product.id, await picture(1600, 1200), 'Hộp yến sào 100 g');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/kenh-ban-hang/san-pham/${product.id}?done=image_added#images`);
  const [img] = await t.db.select().from(productImages).where(eq(productImages.productId, product.id));
  assert.equal(img.alt, 'Hộp yến sào 100 g');
  assert.deepEqual(
    img.renditions.map((r) => [r.width, r.height]),
    [
      [320, 240],
      [640, 480],
      [1024, 768],
    ],
  );
  for (const r of img.renditions) {
    assert.equal(r.key, `products/${product.id}/${img.id}-${r.width}.webp`);
    const got = await new Client(t.app).get(`/anh/${r.key}`);
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'image/webp');
    assert.equal(got.headers['cache-control'], 'public, max-age=31536000, immutable');
    const meta = await sharp(got.rawPayload).metadata();
    assert.equal(meta.format, 'webp');
    assert.equal(meta.width, r.width);
  }
  // The page shows it with srcset, sizes, its size and lazy loading.
  const page = await shop.owner.client.get(`/kenh-ban-hang/san-pham/${product.id}`);
  assert.match(
    page.body,
    new RegExp(
      `<img src="/anh/products/${product.id}/${img.id}-640.webp" srcset="/anh/products/${product.id}/${img.id}-320.webp 320w, [^"]+-640.webp 640w, [^"]+-1024.webp 1024w" width="1024" height="768" alt="Hộp yến sào 100 g" loading="lazy" decoding="async" sizes="10rem"/>`,
    ),
  );
  const list = await shop.owner.client.get(`/kenh-ban-hang/san-pham?shop=${shop.seller.id}`);
  assert.match(
    list.body,
    new RegExp(`<td><img src="/anh/products/${product.id}/${img.id}-640.webp" [^>]*class="row-thumb"`),
  );
});

test('a small image is never enlarged; PNG and WebP are accepted too', async () => {
  const shop = await shopWithMembers(t);
  const { product } = await shop.product();
  assert.equal(
    (await upload(shop.owner.client, product.id, await picture(500, 300, 'png'), 'Gói nhỏ', 'a.png'))
      .statusCode,
    303,
  );
  assert.equal(
    (await upload(shop.owner.client, product.id, await picture(200, 100, 'webp'), 'Nhãn', 'b.webp'))
      .statusCode,
    303,
  );
  const imgs = await t.db
    .select()
    .from(productImages)
    .where(eq(productImages.productId, product.id))
    .orderBy(productImages.position);
  assert.deepEqual(
    imgs.map((i) => i.renditions.map((r) => r.width)),
    [[320, 500], [200]],
  );
});

test('a file that is not a picture is refused by its content, whatever its name; alt text is required', async () => {
  const shop = await shopWithMembers(t);
  const { product } = await shop.product();
  const fake = Buffer.from('<?php echo "Đây không phải là ảnh"; ?>');
  const res = await upload(shop.owner.client, product.id, fake, 'Ảnh giả', 'yen-sao.jpg');
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Chỉ nhận ảnh JPG, PNG hoặc WebP\./);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
  assert.equal((await upload(shop.owner.client, product.id, pdf, 'PDF đổi tên', 'anh.jpg')).statusCode, 422);
  // JPEG magic bytes with nothing readable after them.
  const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
  const unreadable = await upload(shop.owner.client, product.id, broken, 'Ảnh hỏng');
  assert.equal(unreadable.statusCode, 422);
  const noAlt = await upload(shop.owner.client, product.id, await picture(400, 400), '  ');
  assert.equal(noAlt.statusCode, 422);
  assert.match(noAlt.body, /Vui lòng mô tả ngắn nội dung ảnh/);
  shop.owner.client.lang = 'en';
  const en = await shop.owner.client.multipart(
    `/api/v1/seller/products/${product.id}/images`,
    { alt: '' },
    { image: { filename: 'x.jpg', data: await picture(300, 300) } },
  );
  assert.equal(en.statusCode, 422);
  assert.deepEqual(en.json().error.fields, [
    { field: 'alt', message: 'Describe the image briefly, e.g. "Front of the 100 g bird\'s nest box".' },
  ]);
  shop.owner.client.lang = undefined;
  assert.equal(
    (await t.db.select().from(productImages).where(eq(productImages.productId, product.id))).length,
    0,
  );
  // Only members add images.
  const buyer = await signedIn(t, 'buyer');
  assert.equal((await upload(buyer.client, product.id, await picture(400, 400), 'Ảnh')).statusCode, 403);
});

test('images are ordered and deleted; the first one is the search result picture', async () => {
  const shop = await shopWithMembers(t);
  const { product } = await shop.product();
  const api = `/api/v1/seller/products/${product.id}`;
  await shop.owner.client.json('POST', `${api}/transitions`, { action: 'publish' });
  await upload(shop.owner.client, product.id, await picture(800, 800), 'Mặt trước');
  await upload(shop.owner.client, product.id, await picture(800, 600), 'Mặt sau');
  const doc = async () =>
    (await t.db.select().from(searchDocuments).where(eq(searchDocuments.productId, product.id)))[0];
  assert.equal((await doc()).image?.alt, 'Mặt trước');
  let imgs = (await shop.owner.client.json('GET', api)).json().images;
  assert.deepEqual(
    imgs.map((i: { alt: string }) => i.alt),
    ['Mặt trước', 'Mặt sau'],
  );
  const up = await shop.staff.client.form(`/kenh-ban-hang/san-pham/${product.id}/anh/${imgs[1].id}/len`, {});
  assert.equal(up.statusCode, 303);
  imgs = (await shop.owner.client.json('GET', api)).json().images;
  assert.deepEqual(
    imgs.map((i: { alt: string; position: number }) => [i.alt, i.position]),
    [
      ['Mặt sau', 0],
      ['Mặt trước', 1],
    ],
  );
  assert.equal((await doc()).image?.alt, 'Mặt sau');
  const bad = await shop.owner.client.json('PUT', `${api}/images/order`, { ids: [imgs[0].id] });
  assert.equal(bad.statusCode, 422);
  const reordered = await shop.owner.client.json('PUT', `${api}/images/order`, {
    ids: [imgs[1].id, imgs[0].id],
  });
  assert.equal(reordered.json().items[0].alt, 'Mặt trước');
  const url = reordered.json().items[1].renditions[0].url;
  assert.equal((await new Client(t.app).get(url)).statusCode, 200);
  const del = await shop.owner.client.json('DELETE', `${api}/images/${imgs[0].id}`, {});
  assert.equal(del.statusCode, 200);
  assert.equal((await new Client(t.app).get(url)).statusCode, 404, 'its renditions are gone');
  assert.equal((await doc()).image?.alt, 'Mặt trước');
});

test('deleting an image keeps bytes another product still shows (shared demo pictures)', async () => {
  const shop = await shopWithMembers(t);
  const a = (await shop.product()).product;
  const b = (await shop.product({ name: 'Yến sào thô Cam Lâm' })).product;
  await upload(shop.owner.client, a.id, await picture(700, 700), 'Hộp yến');
  const [img] = await t.db.select().from(productImages).where(eq(productImages.productId, a.id));
  // The demo generator gives every product of a kind the same stored picture.
  await t.db.insert(productImages).values({ ...img, id: undefined, productId: b.id });
  const url = `/anh/${img.renditions[0].key}`;
  const del = await shop.owner.client.json('DELETE', `/api/v1/seller/products/${a.id}/images/${img.id}`, {});
  assert.equal(del.statusCode, 200);
  assert.equal((await new Client(t.app).get(url)).statusCode, 200, 'still shown on the other product');
});

test('only rendition keys are served from storage', async () => {
  const anon = new Client(t.app);
  for (const path of [
    '/anh/../uploads/x.pdf',
    '/anh/0192abcd/0192abcd-0000-7000-8000-000000000000.pdf',
    '/anh/products/x/y-320.webp',
  ])
    assert.equal((await anon.get(path)).statusCode, 404, path);
});

test('the picture helper for public pages: srcset, sizes, size and lazy loading; eager for the main image', async () => {
  const image = {
    alt: 'Nước mắm "Cà Ná" <đặc biệt>',
    renditions: [
      { width: 640, height: 427, key: 'products/p/i-640.webp' },
      { width: 320, height: 213, key: 'products/p/i-320.webp' },
    ],
  };
  const lazy = await ProductPicture({ image, sizes: '50vw' });
  assert.equal(
    lazy,
    '<img src="/anh/products/p/i-640.webp" srcset="/anh/products/p/i-320.webp 320w, /anh/products/p/i-640.webp 640w" width="640" height="427" alt="Nước mắm &#34;Cà Ná&#34; <đặc biệt>" loading="lazy" decoding="async" sizes="50vw"/>',
  );
  assert.match(
    String(await ProductPicture({ image, eager: true })),
    /loading="eager" decoding="async" fetchpriority="high"/,
  );
});
