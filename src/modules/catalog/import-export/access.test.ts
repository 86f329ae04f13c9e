import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { Client, signedIn, type TestApp, testApp } from '../../../../test/helpers.js';
import { sellers } from '../../sellers/schema.js';
import { products } from '../schema.js';
import { approvedShop, csv, fishSauce, table, upload } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const file = () => ({ filename: 'san-pham.csv', data: csv(table([fishSauce()])) });
const count = async (sellerId: string) =>
  (await t.db.select({ id: products.id }).from(products).where(eq(products.sellerId, sellerId))).length;

/** A personal access token with the given scopes, made as the account page makes it. */
async function token(client: Client, scopes: string[]) {
  const res = await client.json('POST', '/api/v1/me/tokens', { name: 'Phần mềm kho', scopes });
  assert.equal(res.statusCode, 201, res.body);
  return { authorization: `Bearer ${res.json().token}` };
}

/** Shop A with its owner and a staff member, shop B of another seller, a buyer, an officer, a visitor. */
async function people() {
  const owner = await signedIn(t);
  const staff = await signedIn(t);
  const shop = await approvedShop(t, owner.user, [staff.user]);
  const otherSeller = await signedIn(t);
  const otherShop = await approvedShop(t, otherSeller.user);
  return {
    shop,
    otherShop,
    owner,
    staff,
    otherSeller,
    buyer: await signedIn(t),
    officer: await signedIn(t, 'officer'),
    anonymous: { client: new Client(t.app) },
  };
}

test('who may open the page, import, export and download the template', async () => {
  const p = await people();
  const A = p.shop.id;
  type Who = keyof Omit<typeof p, 'shop' | 'otherShop'>;
  // [who, page, page upload, API import, export page, export API, template]
  const matrix: [Who, number, number, number, number, number, number][] = [
    ['anonymous', 302, 401, 401, 302, 401, 302],
    ['buyer', 404, 404, 404, 404, 404, 200],
    ['officer', 403, 403, 403, 403, 403, 200],
    ['otherSeller', 403, 403, 403, 403, 403, 200],
    ['staff', 200, 303, 200, 200, 200, 200],
    ['owner', 200, 303, 200, 200, 200, 200],
  ];
  for (const [who, pageGet, pagePost, apiPost, exportPage, exportApi, template] of matrix) {
    const { client } = p[who];
    // The buyer names a shop that does not exist; the others name shop A.
    const shop = who === 'buyer' ? '01a20000-0000-7000-8000-000000000000' : A;
    const got = [
      (await client.get(`/kenh-ban-hang/san-pham/nhap?shop=${shop}`)).statusCode,
      (await upload(client, '/kenh-ban-hang/san-pham/nhap', file(), { shop })).statusCode,
      (await upload(client, `/api/v1/seller/products/import?sellerId=${shop}`, file())).statusCode,
      (await client.get(`/kenh-ban-hang/san-pham/xuat.xlsx?shop=${shop}`)).statusCode,
      (await client.get(`/api/v1/seller/products/export?format=csv&sellerId=${shop}`)).statusCode,
      (await client.get('/kenh-ban-hang/san-pham/mau-nhap.xlsx')).statusCode,
    ];
    assert.deepEqual(got, [pageGet, pagePost, apiPost, exportPage, exportApi, template], who);
  }
  // Two imports, by the owner and by the staff member, one through the page and one through the API each.
  assert.equal(await count(A), 4);
  assert.equal(await count(p.otherShop.id), 0);
  // A visitor is sent to sign in and back.
  const visitor = await p.anonymous.client.get('/kenh-ban-hang/san-pham/nhap');
  assert.equal(visitor.headers.location, '/dang-nhap?next=%2Fkenh-ban-hang%2Fsan-pham%2Fnhap');
});

test('without a shop named, a seller works on their own shop; a user without a shop is told so', async () => {
  const p = await people();
  const res = await upload(p.otherSeller.client, '/api/v1/seller/products/import', file());
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().sellerId, p.otherShop.id);
  assert.equal(await count(p.otherShop.id), 1);
  assert.equal(await count(p.shop.id), 0);
  const page = await p.otherSeller.client.get('/kenh-ban-hang/san-pham/nhap');
  assert.match(page.body, new RegExp(p.otherShop.shopName));

  const none = await upload(p.buyer.client, '/api/v1/seller/products/import', file());
  assert.equal(none.statusCode, 403);
  assert.equal(none.json().error.message, 'Bạn chưa thuộc cửa hàng nào. Hãy đăng ký bán hàng trước.');
  // A member of two shops must say which one the API imports into.
  const second = await approvedShop(t, p.owner.user);
  const two = await upload(p.owner.client, '/api/v1/seller/products/import', file());
  assert.equal(two.statusCode, 422);
  assert.equal(two.json().error.fields[0].field, 'shop');
  // The pages switch between the two, the one shown chosen.
  for (const url of ['/kenh-ban-hang/san-pham/nhap', '/kenh-ban-hang/san-pham']) {
    const { body } = await p.owner.client.get(`${url}?shop=${second.id}`);
    assert.match(
      body,
      new RegExp(
        `<form method="get" action="${url}" class="filters"><div class="field"><label for="f-shop">Cửa hàng</label>`,
      ),
    );
    assert.match(body, new RegExp(`<option value="${second.id}" selected>`));
    assert.match(body, new RegExp(`<option value="${p.shop.id}">`));
  }
});

test('an import report is its author’s; a closed shop imports nothing; a read-only token cannot import', async () => {
  const p = await people();
  const res = await upload(p.owner.client, '/kenh-ban-hang/san-pham/nhap', file(), { shop: p.shop.id });
  assert.equal(res.statusCode, 303);
  const url = String(res.headers.location);
  assert.equal((await p.owner.client.get(url)).statusCode, 200);
  assert.equal((await p.staff.client.get(url)).statusCode, 404);
  assert.equal((await p.otherSeller.client.get(url)).statusCode, 404);
  const id = url.split('/').at(-1);
  assert.equal((await p.otherSeller.client.get(`/api/v1/seller/products/imports/${id}`)).statusCode, 404);
  assert.equal((await p.owner.client.get(`/api/v1/seller/products/imports/${id}`)).json().imported.length, 1);
  // A report is no upload to import.
  const notAFile = await p.owner.client.form(`/kenh-ban-hang/san-pham/nhap/tep/${id}`, { shop: p.shop.id });
  assert.equal(notAFile.statusCode, 410);

  await t.db.update(sellers).set({ status: 'terminated' }).where(eq(sellers.id, p.otherShop.id));
  const closed = await upload(
    p.otherSeller.client,
    `/api/v1/seller/products/import?sellerId=${p.otherShop.id}`,
    file(),
  );
  assert.equal(closed.statusCode, 403);
  assert.equal(await count(p.otherShop.id), 0);

  const readOnly = await token(p.owner.client, ['read']);
  const refused = await t.app.inject({
    method: 'POST',
    url: `/api/v1/seller/products/import?sellerId=${p.shop.id}`,
    headers: { ...readOnly, 'content-type': 'multipart/form-data; boundary=x' },
    payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx\r\n--x--\r\n',
  });
  assert.equal(refused.statusCode, 403);
  const exported = await t.app.inject({
    method: 'GET',
    url: `/api/v1/seller/products/export?format=csv&sellerId=${p.shop.id}`,
    headers: readOnly,
  });
  assert.equal(exported.statusCode, 200);
  assert.match(exported.body, /Nước mắm nhĩ Cà Ná/);

  // A token with the seller scope imports without a CSRF token (no ambient authority).
  const writer = await token(p.owner.client, ['seller:write']);
  const body = `--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${file().data}\r\n--x--\r\n`;
  const ok = await t.app.inject({
    method: 'POST',
    url: `/api/v1/seller/products/import?sellerId=${p.shop.id}`,
    headers: { ...writer, 'content-type': 'multipart/form-data; boundary=x' },
    payload: body,
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(await count(p.shop.id), 2);
});
