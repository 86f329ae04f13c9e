import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../../test/helpers.js';
import { products } from '../schema.js';
import { MAX_ROWS } from './read.js';
import { birdNest, csv, fishSauce, seller, table, upload, xlsx } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp({ UPLOAD_MAX_MB: '1' });
});
after(() => t.close());

const page = '/kenh-ban-hang/san-pham/nhap';
const api = '/api/v1/seller/products/import';

const count = async (sellerId: string) =>
  (await t.db.select({ id: products.id }).from(products).where(eq(products.sellerId, sellerId))).length;

/** The page's error summary: the message of the file field. */
const summary = (html: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';

test('a file named .xlsx that is really text is refused by its content, on the page and in the API', async () => {
  const s = await seller(t);
  const disguised = { filename: 'san-pham.xlsx', data: csv(table([birdNest()])) };
  const res = await upload(s.client, page, disguised, { shop: s.shop.id });
  assert.equal(res.statusCode, 422);
  assert.match(summary(res.body), /Tệp: Tệp có đuôi \.xlsx nhưng nội dung không phải bảng tính Excel\./);
  // The form is shown again with the choice the seller made.
  assert.match(res.body, /value="all" checked/);

  s.client.lang = 'en';
  const json = await upload(s.client, `${api}?sellerId=${s.shop.id}`, disguised);
  assert.equal(json.statusCode, 422);
  assert.deepEqual(json.json().error.fields, [
    {
      field: 'file',
      message: 'The file is named .xlsx but is not an Excel workbook. Open it in Excel and save it as .xlsx.',
    },
  ]);
  assert.equal(await count(s.shop.id), 0);
});

test('a .csv that is a workbook or not UTF-8, an .xls, a PDF, an empty or missing file are refused', async () => {
  const s = await seller(t);
  const refuse = async (file: { filename: string; data: Buffer | string } | undefined, message: RegExp) => {
    const res = file
      ? await upload(s.client, `${api}?sellerId=${s.shop.id}`, file)
      : await s.client.multipart(`${api}?sellerId=${s.shop.id}`, {});
    assert.equal(res.statusCode, 422, res.body);
    assert.match(res.json().error.fields[0].message, message);
  };
  await refuse({ filename: 'a.csv', data: await xlsx(table([birdNest()])) }, /không phải văn bản UTF-8/);
  // "Nước mắm" in Windows-1258 bytes, as an old Excel saves CSV: not UTF-8.
  await refuse(
    { filename: 'a.csv', data: Buffer.from([0x4e, 0x1b, 0xf4, 0xe1, 0x63, 0x20, 0x6d, 0xe1, 0x6d]) },
    /UTF-8/,
  );
  await refuse({ filename: 'a.xls', data: 'x' }, /Excel 97-2003 \(\.xls\) không được hỗ trợ/);
  await refuse(
    { filename: 'a.pdf', data: '%PDF-1.4\n' },
    /Chỉ nhận tệp Excel \(\.xlsx\) hoặc CSV \(\.csv\)\./,
  );
  await refuse({ filename: 'a.csv', data: '' }, /Tệp tải lên trống\./);
  await refuse(undefined, /Vui lòng nhập thông tin này\./);
  assert.equal(await count(s.shop.id), 0);
});

test('a file over the size limit, one over 5,000 rows, one without required columns or rows is refused', async () => {
  const s = await seller(t);
  const refuse = async (file: { filename: string; data: Buffer | string }, message: RegExp) => {
    const res = await upload(s.client, `${api}?sellerId=${s.shop.id}`, file);
    assert.equal(res.statusCode, 422, res.body);
    assert.match(res.json().error.fields[0].message, message);
  };
  const [heading, row] = csv(table([fishSauce()])).split('\r\n');
  await refuse(
    { filename: 'lon.csv', data: `${heading}\r\n${`${row}\r\n`.repeat(20000)}` },
    /Tệp quá lớn: tối đa 1 MB/,
  );
  const many = `${heading}\r\n${Array.from({ length: MAX_ROWS + 1 }, (_, i) => row.replace('NM-01', `NM-${i}`)).join('\r\n')}`;
  await refuse({ filename: 'nhieu.csv', data: many }, /Tệp có quá 5000 dòng/);
  await refuse(
    { filename: 'thieu.csv', data: 'Mã sản phẩm,Tên sản phẩm,Ghi chú\r\nA,Yến sào,\r\n' },
    /Thiếu cột bắt buộc: «Tên phân loại», «Giá bán \(đồng\)», «Danh mục», «Đơn vị tính», «Mã tỉnh xuất xứ»/,
  );
  await refuse(
    { filename: 'trong.csv', data: `\uFEFF${heading}\r\n,,\r\n\r\n` },
    /không có dòng sản phẩm nào/,
  );
  await refuse({ filename: 'ngoac.csv', data: `${heading}\r\n"NM-01,"Nước mắm\r\n` }, /lỗi dấu ngoặc kép/);
  assert.equal(await count(s.shop.id), 0);
});

test('a small workbook that unpacks to far more than the upload limit (a zip bomb) is refused', async () => {
  const s = await seller(t);
  // 1 MB is this app's limit: 30 MB of distinct long texts pack into a few hundred kilobytes.
  const long = Array.from({ length: 1000 }, (_, i) => [`${i}`, `${i}${'x'.repeat(30_000)}`]);
  const data = await xlsx([['Mã sản phẩm', 'Tên sản phẩm'], ...long]);
  assert.ok(data.length < 1024 * 1024, `${data.length} bytes`);
  const res = await upload(s.client, `${api}?sellerId=${s.shop.id}`, { filename: 'bom.xlsx', data });
  assert.equal(res.statusCode, 422);
  assert.equal(
    res.json().error.fields[0].message,
    'Bảng tính quá lớn khi giải nén. Hãy chia thành nhiều tệp.',
  );
});

test('exactly 5,000 rows are accepted', async () => {
  const s = await seller(t);
  const [heading, row] = csv(table([fishSauce()])).split('\r\n');
  const rows = Array.from({ length: MAX_ROWS }, (_, i) =>
    row.replace('NM-01', `NM-${Math.floor(i / 20)}`).replace('Chai 500 ml', `Chai ${i}`),
  );
  const res = await upload(s.client, `${api}?sellerId=${s.shop.id}`, {
    filename: 'du.csv',
    data: `${heading}\r\n${rows.join('\r\n')}`,
  });
  assert.equal(res.statusCode, 200, res.body.slice(0, 500));
  assert.equal(res.json().rows, MAX_ROWS);
  assert.equal(await count(s.shop.id), MAX_ROWS / 20);
});
