import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../../../../test/helpers.js';
import {
  birdNest,
  csv,
  fishSauce,
  productsOf,
  type Row,
  seller,
  table,
  upload,
  xlsx,
} from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const page = '/kenh-ban-hang/san-pham/nhap';
const api = '/api/v1/seller/products/import';

/** The report table of a page: [row, column, message] for each error listed. */
function reportRows(html: string): [number, string, string][] {
  const body = html.split('<tbody>')[1]?.split('</tbody>')[0] ?? '';
  return [...body.matchAll(/<tr><td>(\d+)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => [
    Number(m[1]),
    m[2],
    m[3].replace(/&#39;/g, "'").replace(/&quot;/g, '"'),
  ]);
}

/** Rows 2-3: one good product of two variants; row 4 a good product; rows 5-7 with errors. */
const mixedRows: Row[] = [
  birdNest(),
  { productKey: 'YS-01', variantName: 'Hộp 100 g', sku: 'YS-100', price: 2_400_000, stock: 5 },
  fishSauce(),
  fishSauce({ productKey: 'NM-02', name: 'Nước mắm cá cơm', price: '85.000,5', category: 'food.unknown' }),
  birdNest({ productKey: 'YS-02', originCommuneCode: '00004', isKeyProduct: 'có lẽ' }),
  {
    productKey: 'YS-02',
    variantName: 'Hộp 100 g',
    sku: 'YS-100',
    price: '2 400 000',
    compareAtPrice: '2.000.000',
  },
];

test('a good XLSX file creates its products as drafts; rows with one key are the variants of one product', async () => {
  const s = await seller(t);
  const data = await xlsx([
    ...table([
      birdNest(),
      { productKey: 'YS-01', variantName: 'Hộp 100 g', sku: 'YS-100', price: 2_400_000, stock: 5 },
    ]),
    [],
    ...table([fishSauce()]).slice(1),
  ]);
  const res = await upload(s.client, page, { filename: 'san-pham.xlsx', data }, { shop: s.shop.id });
  assert.equal(res.statusCode, 303, res.body);
  assert.match(String(res.headers.location), /^\/kenh-ban-hang\/san-pham\/nhap\/ket-qua\/[0-9a-f-]{36}$/);
  const result = await s.client.get(String(res.headers.location));
  assert.equal(result.statusCode, 200);
  assert.match(result.body, /Đã nhập xong: 2 sản phẩm mới \(ở trạng thái nháp\), 0 sản phẩm được cập nhật\./);
  assert.match(result.body, /Yến sào tinh chế Hòn Nội/);

  const [nest, sauce] = await productsOf(t, s.shop.id);
  assert.equal(nest.status, 'draft');
  assert.equal(nest.name, 'Yến sào tinh chế Hòn Nội');
  assert.equal(nest.description, 'Tổ yến đảo **Hòn Nội**, làm sạch lông bằng tay.');
  assert.deepEqual(
    nest.variants.map((v) => [v.name, v.sku, v.price, v.compareAtPrice, v.stock]),
    [
      ['Hộp 50 g', 'YS-50', 1_250_000n, 1_400_000n, 10],
      ['Hộp 100 g', 'YS-100', 2_400_000n, null, 5],
    ],
  );
  assert.equal(nest.ocopIssuedOn, '2024-03-15');
  assert.equal(nest.ocopExpiresOn, '2027-03-14');
  assert.equal(nest.ocopStars, 4);
  assert.equal(nest.isKeyProduct, true);
  assert.deepEqual(nest.certifications, ['haccp', 'iso22000']);
  assert.equal(nest.originCommuneCode, '22333');
  assert.equal(sauce.name, 'Nước mắm nhĩ Cà Ná');
  assert.equal(sauce.variants[0].price, 85_000n);
  // A blank row in the file is no product, and the rows keep their spreadsheet numbers.
  const report = await s.client.json(
    'GET',
    `/api/v1/seller/products/imports/${String(res.headers.location).split('/').at(-1)}`,
  );
  assert.deepEqual(
    report.json().imported.map((p: { rows: number[]; action: string }) => [p.action, p.rows]),
    [
      ['created', [2, 3]],
      ['created', [5]],
    ],
  );
});

test('a file with bad rows imports nothing; the report names each bad row, column and what is wrong', async () => {
  const s = await seller(t);
  const data = await xlsx(table(mixedRows));
  const res = await upload(s.client, page, { filename: 'san-pham.xlsx', data }, { shop: s.shop.id });
  assert.equal(res.statusCode, 422);
  assert.equal((await productsOf(t, s.shop.id)).length, 0);
  assert.match(res.body, /Chưa nhập sản phẩm nào: 3 trên 6 dòng thuộc sản phẩm có lỗi\./);
  assert.deepEqual(reportRows(res.body), [
    [5, 'Giá bán (đồng)', 'Nhập giá bằng số đồng, ví dụ 250000 hoặc 250.000 (không có phần lẻ).'],
    [5, 'Danh mục', 'Chọn một danh mục chi tiết trong danh sách.'],
    [6, 'Mã xã xuất xứ', 'Xã/phường đã chọn không thuộc tỉnh/thành phố đã chọn. Hãy chọn lại xã/phường.'],
    [6, 'Sản phẩm chủ lực', 'Ghi x, có hoặc 1 (có); để trống, không hoặc 0 (không).'],
    [7, 'Giá gốc (đồng)', 'Giá gốc phải cao hơn giá bán (hoặc để trống).'],
  ]);
  // The offer to import only the valid rows: 2 products, rows 2-4.
  assert.match(res.body, /Chỉ nhập 3 dòng hợp lệ/);

  // The same through the API, in English: 422 with the report, nothing written.
  s.client.lang = 'en';
  const json = await upload(s.client, `${api}?sellerId=${s.shop.id}`, { filename: 'san-pham.xlsx', data });
  assert.equal(json.statusCode, 422);
  const body = json.json();
  assert.equal(body.error.code, 'import_rejected');
  assert.equal(body.report.imported.length, 0);
  assert.deepEqual(body.report.skippedRows, [2, 3, 4, 5, 6, 7]);
  const price = body.report.errors.find(
    (e: { row: number; column: string }) => e.row === 5 && e.column === 'price',
  );
  assert.equal(price.heading, 'Price (đồng)');
  assert.equal(price.message, 'Enter the price in whole đồng, e.g. 250000 or 250.000.');
  assert.ok(body.error.fields.some((f: { field: string }) => f.field === 'rows.7.compareAtPrice'));
  assert.equal((await productsOf(t, s.shop.id)).length, 0);
});

test('valid_only imports exactly the products whose rows are all valid', async () => {
  const s = await seller(t);
  const res = await upload(s.client, `${api}?mode=valid_only&sellerId=${s.shop.id}`, {
    filename: 'san-pham.csv',
    data: csv(table(mixedRows)),
  });
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json();
  assert.deepEqual(
    report.imported.map((p: { key: string; rows: number[] }) => [p.key, p.rows]),
    [
      ['YS-01', [2, 3]],
      ['NM-01', [4]],
    ],
  );
  assert.deepEqual(report.skippedRows, [5, 6, 7]);
  const saved = await productsOf(t, s.shop.id);
  assert.deepEqual(
    saved.map((p) => [p.name, p.variants.length]),
    [
      ['Yến sào tinh chế Hòn Nội', 2],
      ['Nước mắm nhĩ Cà Ná', 1],
    ],
  );
});

test('the refused upload is kept: one click imports its valid rows, a second click imports nothing', async () => {
  const s = await seller(t);
  const data = await xlsx(table(mixedRows));
  const res = await upload(s.client, page, { filename: 'san-pham.xlsx', data }, { shop: s.shop.id });
  assert.equal(res.statusCode, 422);
  const action = /action="(\/kenh-ban-hang\/san-pham\/nhap\/tep\/[0-9a-f-]{36})"/.exec(res.body)?.[1];
  assert.ok(action, 'the page offers to import the valid rows');
  // Someone else cannot use the kept file.
  const other = await seller(t);
  const stolen = await other.client.form(action, { shop: other.shop.id });
  assert.equal(stolen.statusCode, 410);
  assert.equal((await productsOf(t, other.shop.id)).length, 0);

  const first = await s.client.form(action, { shop: s.shop.id });
  assert.equal(first.statusCode, 303);
  const result = await s.client.get(String(first.headers.location));
  assert.match(result.body, /Đã nhập xong: 2 sản phẩm mới/);
  assert.match(result.body, /3 dòng bị bỏ qua vì có lỗi/);
  assert.equal(reportRows(result.body).length, 5);
  assert.equal((await productsOf(t, s.shop.id)).length, 2);

  const again = await s.client.form(action, { shop: s.shop.id });
  assert.equal(again.statusCode, 410);
  assert.match(again.body, /Tệp đã được nhập hoặc đã quá 1 giờ/);
  assert.equal((await productsOf(t, s.shop.id)).length, 2);
});

test('the valid_only choice on the upload form imports the valid products at once', async () => {
  const s = await seller(t);
  const res = await upload(
    s.client,
    page,
    { filename: 'san-pham.xlsx', data: await xlsx(table(mixedRows)) },
    { shop: s.shop.id, mode: 'valid_only' },
  );
  assert.equal(res.statusCode, 303);
  const result = await s.client.get(String(res.headers.location));
  assert.match(result.body, /3 dòng bị bỏ qua/);
  assert.equal((await productsOf(t, s.shop.id)).length, 2);
});

test('CSV separated by semicolons with a byte order mark, quoted fields, money and date formats', async () => {
  const s = await seller(t);
  const text = `\uFEFF${csv(
    table([
      birdNest({
        price: '250.000',
        compareAtPrice: '',
        description: 'Dòng một; có dấu chấm phẩy\nDòng hai "trong ngoặc"',
        ocopIssuedOn: '2024-03-15',
      }),
      { productKey: 'YS-01', variantName: 'Hộp 100 g', sku: 'YS-100', price: '250 000 đ', stock: '1.200' },
      { productKey: 'ys-01', variantName: 'Hộp 250 g', sku: 'YS-250', price: '1250000' },
      fishSauce({
        ocopGroup: 'Thực phẩm',
        ocopStars: 3,
        ocopCertificateNo: '12/QĐ',
        ocopIssuedOn: '5/1/2025',
      }),
    ]),
    ';',
  )}`;
  const res = await upload(s.client, `${api}?sellerId=${s.shop.id}`, {
    filename: 'excel-vi.csv',
    data: text,
  });
  assert.equal(res.statusCode, 200, res.body);
  const [nest, sauce] = await productsOf(t, s.shop.id);
  assert.equal(nest.description, 'Dòng một; có dấu chấm phẩy\nDòng hai "trong ngoặc"');
  assert.equal(nest.ocopIssuedOn, '2024-03-15');
  assert.deepEqual(
    nest.variants.map((v) => [v.sku, v.price, v.stock]),
    [
      ['YS-50', 250_000n, 10],
      ['YS-100', 250_000n, 1200],
      ['YS-250', 1_250_000n, 0],
    ],
  );
  assert.equal(sauce.ocopGroup, 1);
  assert.equal(sauce.ocopIssuedOn, '2025-01-05');
});

test('XLSX cells as Excel types them: numbers, dates, a province code that lost its zero, names for codes', async () => {
  const s = await seller(t);
  const data = await xlsx(
    table([
      birdNest({
        price: 1_250_000,
        compareAtPrice: null,
        ocopIssuedOn: new Date(Date.UTC(2024, 2, 15)),
        originProvinceCode: 1,
        originCommuneCode: 'Phường Ba Đình',
        category: 'Yến sào',
        unit: 'Hộp',
        certifications: 'VietGAP; Hữu cơ (organic)',
      }),
      fishSauce({ originProvinceCode: 'Khánh Hòa', originCommuneCode: 22333, isKeyProduct: true }),
    ]),
  );
  const res = await upload(s.client, `${api}?sellerId=${s.shop.id}`, { filename: 'san-pham.xlsx', data });
  assert.equal(res.statusCode, 200, res.body);
  const [nest, sauce] = await productsOf(t, s.shop.id);
  assert.equal(nest.variants[0].price, 1_250_000n);
  assert.equal(nest.ocopIssuedOn, '2024-03-15');
  assert.equal(nest.originProvinceCode, '01');
  assert.equal(nest.originCommuneCode, '00004');
  assert.equal(nest.category, 'food.bird_nest');
  assert.equal(nest.unit, 'hộp');
  assert.deepEqual(nest.certifications, ['vietgap', 'organic']);
  assert.equal(sauce.originProvinceCode, '56');
  assert.equal(sauce.originCommuneCode, '22333');
  assert.equal(sauce.isKeyProduct, true);
});
