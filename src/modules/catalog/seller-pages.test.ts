import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { makeSeller } from '../sellers/console-test-fixtures.js';
import { products, productVariants } from './schema.js';
import { shopWithMembers } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

/** The product form as a browser posts it: flat names, five variant rows of which some are empty. */
function posted(
  sellerId: string,
  over: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  const rows: Record<string, string> = {};
  const filled = [
    ['Chai 500 ml', 'NM-500', '85.000', '95.000', '40'],
    ['Chai 1 lít', '', '150 000', '', '12'],
  ];
  for (let i = 0; i < 5; i++)
    ['name', 'sku', 'price', 'compareAtPrice', 'stock'].forEach((k, j) => {
      rows[`variants.${i}.${k}`] = filled[i]?.[j] ?? '';
    });
  return {
    sellerId,
    _rows: '5',
    name: 'Nước mắm cá cơm Cà Ná 40 độ đạm',
    description: 'Ủ chượp **12 tháng** trong thùng gỗ.',
    category: 'food.fish_sauce',
    unit: 'chai',
    weightGrams: '700',
    originProvinceCode: '56',
    originCommuneCode: '',
    certifications: ['haccp', 'vietgap'],
    shelfLifeDays: '730',
    storage: 'Để nơi thoáng mát',
    ocopGroup: '',
    ocopStars: '',
    ocopCertificateNo: '',
    ocopIssuedOn: '',
    ...rows,
    ...over,
  };
}

test('a seller creates a product with the form: errors in Vietnamese with everything kept, then a draft', async () => {
  const shop = await shopWithMembers(t);
  const center = await shop.owner.client.get('/kenh-ban-hang');
  assert.match(
    center.body,
    new RegExp(
      `<a href="/kenh-ban-hang/san-pham\\?shop=${shop.seller.id}">Quản lý sản phẩm của cửa hàng</a>`,
    ),
  );
  const form = await shop.owner.client.get(`/kenh-ban-hang/san-pham/moi?shop=${shop.seller.id}`);
  assert.equal(form.statusCode, 200);
  assert.match(
    form.body,
    /<form method="post" action="\/kenh-ban-hang\/san-pham\/moi" enctype="multipart\/form-data"/,
  );
  assert.equal((form.body.match(/<legend>Phân loại \d+<\/legend>/g) ?? []).length, 5, 'five variant rows');
  assert.match(form.body, /name="_csrf"/);
  // A price with a decimal part, a compare-at price below the price, a missing category.
  const bad = await shop.owner.client.multipart(
    '/kenh-ban-hang/san-pham/moi',
    posted(shop.seller.id, {
      category: '',
      'variants.0.price': '85.5',
      'variants.1.compareAtPrice': '100.000',
    }),
  );
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /class="error-summary"/);
  assert.match(
    bad.body,
    /<a href="#f-product.category">Danh mục: Vui lòng chọn một giá trị trong danh sách\.<\/a>/,
  );
  assert.match(
    bad.body,
    /<a href="#f-product.variants.0.price">Phân loại 1 – Giá bán \(đồng\): Nhập giá bằng số đồng, ví dụ 250000 hoặc 250\.000 \(không có phần lẻ\)\.<\/a>/,
  );
  assert.match(bad.body, /Phân loại 2 – Giá gốc \(đồng\): Giá gốc phải cao hơn giá bán/);
  assert.match(bad.body, /value="Nước mắm cá cơm Cà Ná 40 độ đạm"/, 'the name is kept');
  assert.match(bad.body, /value="150 000"/, 'the typed price is kept as typed');
  assert.match(
    bad.body,
    /<input id="f-product.certifications-\d" type="checkbox" name="certifications" value="haccp" checked/,
  );
  const ok = await shop.owner.client.multipart('/kenh-ban-hang/san-pham/moi', posted(shop.seller.id));
  assert.equal(ok.statusCode, 303);
  const id = ok.headers.location!.match(/san-pham\/([0-9a-f-]{36})\?done=created$/)![1];
  const [p] = await t.db.select().from(products).where(eq(products.id, id));
  assert.equal(p.status, 'draft');
  assert.equal(p.slug, 'nuoc-mam-ca-com-ca-na-40-do-dam');
  assert.equal(p.priceMin, 85_000n);
  assert.deepEqual(p.certifications, ['haccp', 'vietgap']);
  const variants = await t.db.select().from(productVariants).where(eq(productVariants.productId, id));
  assert.deepEqual(variants.map((v) => [v.name, v.sku, v.price, v.compareAtPrice, v.stock]).sort(), [
    ['Chai 1 lít', 'CHAI-1-LIT', 150_000n, null, 12],
    ['Chai 500 ml', 'NM-500', 85_000n, 95_000n, 40],
  ]);
  const page = await shop.owner.client.get(ok.headers.location!);
  assert.match(page.body, /Đã tạo sản phẩm ở dạng bản nháp/);
  assert.match(page.body, /data-status="draft">Bản nháp</);
  assert.match(page.body, /value="85\.000"/, 'prices shown grouped as Vietnamese write them');
});

test('"add rows" and "update the commune list" post the form back without saving', async () => {
  const shop = await shopWithMembers(t);
  const more = await shop.owner.client.multipart(
    '/kenh-ban-hang/san-pham/moi',
    posted(shop.seller.id, { _more: '1' }),
  );
  assert.equal(more.statusCode, 200);
  assert.equal((more.body.match(/<legend>Phân loại \d+<\/legend>/g) ?? []).length, 10);
  assert.match(more.body, /name="_rows" value="10"/);
  assert.match(more.body, /value="Chai 500 ml"/);
  assert.doesNotMatch(more.body, /error-summary/);
  const communes = await shop.owner.client.multipart(
    '/kenh-ban-hang/san-pham/moi',
    posted(shop.seller.id, { _refresh: '1', originProvinceCode: '48' }),
  );
  assert.equal(communes.statusCode, 200);
  assert.match(communes.body, /<option value="20242">Phường Hải Châu<\/option>/);
  assert.equal((await t.db.select().from(products).where(eq(products.sellerId, shop.seller.id))).length, 0);
});

test('the product page: edit, publish, hide; the list filters by status', async () => {
  const shop = await shopWithMembers(t);
  const { product, variants } = await shop.product();
  const edit = await shop.staff.client.get(`/kenh-ban-hang/san-pham/${product.id}`);
  assert.equal(edit.statusCode, 200);
  assert.match(edit.body, /Tồn kho hiện tại: 10\. Điều chỉnh tồn kho ở mục/);
  const save = await shop.staff.client.multipart(`/kenh-ban-hang/san-pham/${product.id}`, {
    ...posted(shop.seller.id, { name: 'Yến sào Hòn Nội hộp quà' }),
    'variants.0.id': variants[0].id,
    'variants.0.name': 'Hộp 50 g',
    'variants.0.price': '1.300.000',
    'variants.0.compareAtPrice': '',
    'variants.1.name': '',
    'variants.1.price': '',
    'variants.1.stock': '',
    category: 'food.bird_nest',
    unit: 'hộp',
  });
  assert.equal(save.statusCode, 303);
  const [saved] = await t.db.select().from(products).where(eq(products.id, product.id));
  assert.equal(saved.name, 'Yến sào Hòn Nội hộp quà');
  assert.equal(saved.priceMin, 1_300_000n);
  const left = await t.db.select().from(productVariants).where(eq(productVariants.productId, product.id));
  assert.deepEqual(
    left.map((v) => [v.id, v.stock]),
    [[variants[0].id, 10]],
  );
  const publish = await shop.owner.client.form(`/kenh-ban-hang/san-pham/${product.id}/publish`, {});
  assert.equal(publish.statusCode, 303);
  await shop.owner.client.multipart('/kenh-ban-hang/san-pham/moi', posted(shop.seller.id));
  const list = await shop.owner.client.get(`/kenh-ban-hang/san-pham?shop=${shop.seller.id}`);
  assert.match(list.body, /2 sản phẩm/);
  assert.match(
    list.body,
    /Yến sào Hòn Nội hộp quà<\/a><\/td><td>Yến sào<\/td><td>1\.300\.000 ₫<\/td><td>10<\/td>/,
  );
  assert.match(list.body, /từ 85\.000 ₫/);
  const published = await shop.owner.client.get(
    `/kenh-ban-hang/san-pham?shop=${shop.seller.id}&status=published`,
  );
  assert.match(published.body, /1 sản phẩm/);
  assert.doesNotMatch(published.body, /Nước mắm/);
  const found = await shop.owner.client.get(`/kenh-ban-hang/san-pham?shop=${shop.seller.id}&q=nuoc+mam`);
  assert.match(found.body, /1 sản phẩm/);
  assert.match(found.body, /Nước mắm cá cơm/);
  const hide = await shop.owner.client.form(`/kenh-ban-hang/san-pham/${product.id}/hide`, {});
  assert.equal(hide.headers.location, `/kenh-ban-hang/san-pham/${product.id}?done=hide`);
  const hidden = await shop.owner.client.get(hide.headers.location!);
  assert.match(hidden.body, /Sản phẩm đã được ẩn khỏi sàn\./);
  assert.match(hidden.body, /action="\/kenh-ban-hang\/san-pham\/[^"]+\/publish"/);
  // A shop still under review keeps drafts but is told it cannot publish yet.
  const owner = await signedIn(t, 'buyer');
  const { seller } = await makeSeller(t, { status: 'submitted', owner: owner.user });
  await owner.client.multipart('/kenh-ban-hang/san-pham/moi', posted(seller.id));
  const [draft] = await t.db.select().from(products).where(eq(products.sellerId, seller.id));
  const refused = await owner.client.form(`/kenh-ban-hang/san-pham/${draft.id}/publish`, {});
  assert.equal(refused.statusCode, 409);
  assert.match(
    refused.body,
    /Chỉ cửa hàng đã được phê duyệt \(và không bị tạm ngừng\) mới được đăng bán sản phẩm\./,
  );
});

test('seller pages: sign-in first, members only, and forms need their CSRF token', async () => {
  const shop = await shopWithMembers(t);
  const { product } = await shop.product();
  const anon = await new Client(t.app).get(`/kenh-ban-hang/san-pham/${product.id}`);
  assert.equal(anon.statusCode, 302);
  assert.equal(
    anon.headers.location,
    `/dang-nhap?next=${encodeURIComponent(`/kenh-ban-hang/san-pham/${product.id}`)}`,
  );
  const other = await shopWithMembers(t);
  for (const who of [await signedIn(t, 'buyer'), other.owner, await signedIn(t, 'officer')]) {
    assert.equal((await who.client.get(`/kenh-ban-hang/san-pham/${product.id}`)).statusCode, 403);
    assert.equal(
      (await who.client.get(`/kenh-ban-hang/san-pham/moi?shop=${shop.seller.id}`)).statusCode,
      403,
    );
    assert.equal((await who.client.get(`/kenh-ban-hang/san-pham?shop=${shop.seller.id}`)).statusCode, 403);
    assert.equal(
      (await who.client.form(`/kenh-ban-hang/san-pham/${product.id}/publish`, {})).statusCode,
      403,
    );
  }
  const noToken = await shop.owner.client.form(
    `/kenh-ban-hang/san-pham/${product.id}/publish`,
    {},
    { csrf: false },
  );
  assert.equal(noToken.statusCode, 403);
  // Someone in no shop is sent to apply.
  const buyer = await signedIn(t, 'buyer');
  const none = await buyer.client.get('/kenh-ban-hang/san-pham');
  assert.match(none.body, /Bạn chưa thuộc cửa hàng nào/);
});

test('a Markdown description is shown safely: raw HTML escaped, only web and mail links, marked as user content', async () => {
  const { renderMarkdown, markdownText } = await import('./index.js');
  const html = renderMarkdown(
    [
      '**Đặc sản** <script>alert("xss")</script> <img src=x onerror=alert(1)>',
      '',
      '[Trang HTX](https://htx.example.vn) [độc](javascript:alert(1)) [dữ liệu](data:text/html;base64,PHNjcmlwdD4=)',
      '',
      '![ảnh ngoài](https://tracker.example/pixel.gif) <a href="https://x">thẻ a</a>',
    ].join('\n'),
  );
  assert.match(
    html,
    /<strong>Đặc sản<\/strong> &lt;script&gt;alert\(&quot;xss&quot;\)&lt;\/script&gt; &lt;img src=x onerror=alert\(1\)&gt;/,
  );
  assert.match(html, /<a href="https:\/\/htx.example.vn" rel="nofollow ugc noopener">Trang HTX<\/a>/);
  assert.doesNotMatch(html, /<script|<img|href="javascript|href="data/);
  assert.match(html, /\[độc\]\(javascript:alert\(1\)\)/, 'a refused link stays as text');
  assert.match(html, /&lt;a href=&quot;.*&quot;&gt;thẻ a&lt;\/a&gt;/, 'an HTML link is shown as text');
  assert.equal(
    markdownText('# Yến sào\n\n**Tổ yến** [đảo](https://x.vn) <b>Hòn Nội</b>'),
    'Yến sào Tổ yến đảo <b>Hòn Nội</b>',
  );
  // The officer's page shows the rendered description.
  const shop = await shopWithMembers(t);
  const { product } = await shop.product({ description: 'Ngon <script>alert(1)</script>' });
  const officer = await signedIn(t, 'officer');
  const page = await officer.client.get(`/quan-ly/san-pham/${product.id}`);
  assert.match(page.body, /<div class="description"><p>Ngon &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>/);
});

test('the OCOP certificate scan: uploaded with the form, kept across errors, readable by members and officers only', async () => {
  const shop = await shopWithMembers(t);
  const year = new Date().getUTCFullYear();
  const ocop = {
    ocopGroup: '1',
    ocopStars: '4',
    ocopCertificateNo: '88/QĐ-UBND',
    ocopIssuedOn: `${year - 1}-06-01`,
  };
  const pdf = {
    filename: 'chung-nhan-ocop.pdf',
    data: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
  };
  const disguised = { filename: 'chung-nhan.pdf', data: Buffer.from('chỉ là văn bản') };
  const refused = await shop.owner.client.multipart(
    '/kenh-ban-hang/san-pham/moi',
    posted(shop.seller.id, ocop),
    {
      ocopFile: disguised,
    },
  );
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /Bản chụp giấy chứng nhận OCOP: Loại tệp không được chấp nhận/);
  // A scan accepted while another field is wrong is kept: its id comes back in a hidden field.
  const kept = await shop.owner.client.multipart(
    '/kenh-ban-hang/san-pham/moi',
    posted(shop.seller.id, { ...ocop, name: '' }),
    { ocopFile: pdf },
  );
  assert.equal(kept.statusCode, 422);
  const fileId = kept.body.match(/name="ocopFileId" value="([0-9a-f-]{36})"/)![1];
  assert.match(kept.body, /Đã nhận bản chụp giấy chứng nhận/);
  const ok = await shop.owner.client.multipart(
    '/kenh-ban-hang/san-pham/moi',
    posted(shop.seller.id, { ...ocop, ocopFileId: fileId }),
  );
  assert.equal(ok.statusCode, 303);
  const id = ok.headers.location!.match(/san-pham\/([0-9a-f-]{36})/)![1];
  const [p] = await t.db.select().from(products).where(eq(products.id, id));
  assert.equal(p.ocopFileId, fileId);
  assert.equal(p.ocopExpiresOn, `${year + 2}-05-31`);
  const url = `/kenh-ban-hang/san-pham/${id}/chung-nhan-ocop`;
  for (const who of [shop.staff, await signedIn(t, 'officer')]) {
    const res = await who.client.get(url);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['cache-control'], 'private, no-store');
  }
  assert.equal((await (await signedIn(t, 'buyer')).client.get(url)).statusCode, 403);
  // Someone else's upload cannot be attached by its id.
  const other = await shopWithMembers(t);
  const stolen = await other.owner.client.multipart(
    '/kenh-ban-hang/san-pham/moi',
    posted(other.seller.id, { ...ocop, ocopFileId: fileId }),
  );
  assert.equal(stolen.statusCode, 422);
  assert.match(stolen.body, /Tệp giấy chứng nhận không hợp lệ/);
});

test('every page reads in English too, with no message key left untranslated', async () => {
  const shop = await shopWithMembers(t);
  const { product, variants } = await shop.product();
  const officer = await signedIn(t, 'officer');
  shop.owner.client.lang = 'en';
  officer.client.lang = 'en';
  const pages = [
    await shop.owner.client.get(`/kenh-ban-hang/san-pham?shop=${shop.seller.id}`),
    await shop.owner.client.get(`/kenh-ban-hang/san-pham/moi?shop=${shop.seller.id}`),
    await shop.owner.client.get(`/kenh-ban-hang/san-pham/${product.id}?done=created`),
    await shop.owner.client.multipart('/kenh-ban-hang/san-pham/moi', {
      sellerId: shop.seller.id,
      _rows: '5',
      'variants.0.price': 'x',
    }),
    await shop.owner.client.form(`/kenh-ban-hang/san-pham/${product.id}/bien-the/${variants[0].id}/ton-kho`, {
      delta: '-99',
      reason: 'Kiểm kê',
    }),
    await officer.client.get('/quan-ly/san-pham'),
    await officer.client.get(`/quan-ly/san-pham/${product.id}`),
    await officer.client.form(`/quan-ly/san-pham/${product.id}/go-bo`, { reason: '' }),
  ];
  for (const res of pages) {
    assert.match(res.body, /<html lang="en">/);
    assert.doesNotMatch(
      res.body,
      /\b(catalog|label|officer)\.[a-z_]+\.?[a-zA-Z_.0-9]*/,
      res.body.match(/\b(catalog|label)\.[\w.]+/)?.[0],
    );
  }
  assert.match(pages[3].body, /Variant 1 – Price \(đồng\): Enter the price in whole đồng/);
  assert.match(pages[4].body, /Only 10 left in stock; the stock cannot go below 0\./);
});
