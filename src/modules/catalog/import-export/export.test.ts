import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type TestApp, testApp } from '../../../../test/helpers.js';
import type { Cell } from './cells.js';
import { birdNest, csv, en, fishSauce, productsOf, seller, table, upload, xlsx } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const api = '/api/v1/seller/products/import';

/** A shop's products as the seller sees them: every field the file carries, without ids or times. */
async function snapshot(sellerId: string) {
  return (await productsOf(t, sellerId)).map(
    ({ id: _id, sellerId: _s, slug: _slug, createdAt: _c, updatedAt: _u, variants, ...p }) => ({
      ...p,
      variants: variants.map(({ id: _vid, productId: _p, createdAt: _vc, ...v }) => v),
    }),
  );
}

async function workbook(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const out: Cell[][] = [];
  ws.eachRow((r) => out.push((r.values as Cell[]).slice(1)));
  return out;
};

/** Two products: bird's nest with two variants and full OCOP data, fish sauce with the required columns only. */
async function stocked(s: Awaited<ReturnType<typeof seller>>) {
  const res = await upload(s.client, `${api}?sellerId=${s.shop.id}`, {
    filename: 'dau-ky.csv',
    data: csv(
      table([
        birdNest({ description: 'Tổ yến "Hòn Nội", đảo Khánh Hòa\nLàm sạch bằng tay; đóng hộp tại cơ sở.' }),
        { productKey: 'YS-01', variantName: 'Hộp 100 g', sku: 'YS-100', price: '2.400.000', stock: 5 },
        fishSauce({ name: '=Nước mắm nhĩ Cà Ná' }),
      ]),
    ),
  });
  assert.equal(res.statusCode, 200, res.body);
  return snapshot(s.shop.id);
}

test('the templates: XLSX with the products sheet and a guide whose example imports, CSV with a byte order mark', async () => {
  const s = await seller(t);
  const res = await s.client.get('/kenh-ban-hang/san-pham/mau-nhap.xlsx');
  assert.equal(res.statusCode, 200);
  assert.equal(
    res.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  assert.match(String(res.headers['content-disposition']), /attachment; filename="mau-nhap-san-pham\.xlsx"/);
  const wb = await workbook(res.rawPayload);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Sản phẩm', 'Hướng dẫn'],
  );
  assert.deepEqual(rowsOf(wb.worksheets[0]), [table([])[0]]);
  const guide = rowsOf(wb.worksheets[1]);
  const has = (...cells: Cell[]) => guide.some((r) => cells.every((c, i) => r[i] === c));
  assert.ok(has('food.bird_nest', 'Yến sào', 'Thực phẩm chế biến'));
  assert.ok(has('hộp', 'hộp'));
  assert.ok(has('56', 'Tỉnh Khánh Hòa'));
  assert.ok(has('22333', 'Phường Bắc Nha Trang'));
  assert.ok(has('Giá bán (đồng) *', 'Có'));
  // The example of the guide, copied to the products sheet as the guide suggests, is one product of two variants.
  const at = guide.findIndex((r) => String(r[0]).startsWith('Ví dụ: một sản phẩm'));
  const example = guide.slice(at + 1, at + 4);
  assert.deepEqual(example[0], table([])[0]);
  const imported = await upload(s.client, `${api}?sellerId=${s.shop.id}`, {
    filename: 'vi-du.xlsx',
    data: await xlsx(example),
  });
  assert.equal(imported.statusCode, 200, imported.body);
  const [p] = await snapshot(s.shop.id);
  assert.equal(p.name, 'Yến sào tinh chế Hòn Nội');
  assert.deepEqual(
    p.variants.map((v) => [v.sku, v.price]),
    [
      ['YS-50', 1_250_000n],
      ['YS-100', 2_400_000n],
    ],
  );

  const text = (await s.client.get('/kenh-ban-hang/san-pham/mau-nhap.csv')).rawPayload;
  assert.deepEqual([...text.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(text.toString('utf8').slice(1), csv(table([])));

  // In English: English headings and a "Guide" sheet, and a file with English headings imports.
  const english = await workbook(
    (await s.client.get('/api/v1/seller/products/import-template?lang=en')).rawPayload,
  );
  assert.deepEqual(
    english.worksheets.map((w) => w.name),
    ['Products', 'Guide'],
  );
  assert.equal(rowsOf(english.worksheets[0])[0][4], 'Price (đồng) *');
  const fromEnglish = await upload(s.client, `${api}?sellerId=${s.shop.id}`, {
    filename: 'products.csv',
    data: csv(table([fishSauce()], en)),
  });
  assert.equal(fromEnglish.statusCode, 200, fromEnglish.body);
});

test('export then import of the same XLSX file updates the same products and changes nothing', async () => {
  const s = await seller(t);
  const before = await stocked(s);
  const res = await s.client.get(`/kenh-ban-hang/san-pham/xuat.xlsx?shop=${s.shop.id}`);
  assert.equal(res.statusCode, 200);
  assert.match(
    String(res.headers['content-disposition']),
    /filename="san-pham-yen-sao-hon-noi-[0-9a-f]+-\d{4}-\d{2}-\d{2}\.xlsx"/,
  );
  const wb = await workbook(res.rawPayload);
  const rows = rowsOf(wb.worksheets[0]);
  assert.equal(rows.length, 4);
  // Typed cells: money as numbers, the OCOP date as a date, codes as text.
  assert.equal(rows[1][4], 1_250_000);
  assert.deepEqual(rows[1][17], new Date(Date.UTC(2024, 2, 15)));
  assert.equal(rows[1][10], '56');

  const again = await upload(s.client, `${api}?sellerId=${s.shop.id}`, {
    filename: 'xuat.xlsx',
    data: res.rawPayload,
  });
  assert.equal(again.statusCode, 200, again.body);
  assert.deepEqual(
    again.json().imported.map((p: { action: string }) => p.action),
    ['updated', 'updated'],
  );
  assert.deepEqual(await snapshot(s.shop.id), before);

  // The same file in another shop creates the same products there.
  const other = await seller(t);
  const copy = await upload(other.client, `${api}?sellerId=${other.shop.id}`, {
    filename: 'xuat.xlsx',
    data: res.rawPayload,
  });
  assert.equal(copy.statusCode, 200, copy.body);
  assert.deepEqual(
    copy.json().imported.map((p: { action: string }) => p.action),
    ['created', 'created'],
  );
  assert.deepEqual(await snapshot(other.shop.id), before);
});

test('CSV export keeps Vietnamese diacritics, quotes and formula-like text through a round trip', async () => {
  const s = await seller(t);
  const before = await stocked(s);
  const res = await s.client.get(`/api/v1/seller/products/export?format=csv&sellerId=${s.shop.id}`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
  assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = res.rawPayload.toString('utf8');
  assert.match(
    text,
    /,Yến sào tinh chế Hòn Nội,Hộp 50 g,YS-50,1250000,1400000,10,food\.bird_nest,hộp,100,56,22333,/,
  );
  assert.match(text, /"Tổ yến ""Hòn Nội"", đảo Khánh Hòa\nLàm sạch bằng tay; đóng hộp tại cơ sở\."/);
  assert.match(text, /,'=Nước mắm nhĩ Cà Ná,/);
  assert.match(text, /,2024-03-15,"haccp, iso22000",/);

  const other = await seller(t);
  const copy = await upload(other.client, `${api}?sellerId=${other.shop.id}`, {
    filename: 'xuat.csv',
    data: res.rawPayload,
  });
  assert.equal(copy.statusCode, 200, copy.body);
  assert.deepEqual(await snapshot(other.shop.id), before);
  assert.equal((await snapshot(other.shop.id))[1].name, '=Nước mắm nhĩ Cà Ná');
});

test('an edited export updates its product: a price changed, a variant added, one left out removed', async () => {
  const s = await seller(t);
  await stocked(s);
  const wb = await workbook(
    (await s.client.get(`/kenh-ban-hang/san-pham/xuat.xlsx?shop=${s.shop.id}`)).rawPayload,
  );
  const rows = rowsOf(wb.worksheets[0]);
  const [heading, small, large] = rows;
  const edited = [
    heading,
    // The 100 g box first, cheaper, its stock edited (ignored: stock moves through adjustments).
    Object.assign([...large], { 4: '2.300.000', 6: 99 }),
    // A new 250 g box instead of the 50 g one.
    Object.assign(Array(small.length).fill(null), {
      0: small[0],
      2: 'Hộp 250 g',
      3: 'YS-250',
      4: 5_500_000,
      6: 3,
    }),
  ];
  const res = await upload(s.client, `${api}?sellerId=${s.shop.id}`, {
    filename: 'sua.xlsx',
    data: await xlsx(edited),
  });
  assert.equal(res.statusCode, 200, res.body);
  const [nest, sauce] = await snapshot(s.shop.id);
  assert.deepEqual(
    nest.variants.map((v) => [v.name, v.sku, v.price, v.stock]),
    [
      ['Hộp 100 g', 'YS-100', 2_300_000n, 5],
      ['Hộp 250 g', 'YS-250', 5_500_000n, 3],
    ],
  );
  assert.equal(nest.priceMin, 2_300_000n);
  // A product not in the file is left alone.
  assert.equal(sauce.variants.length, 1);
});
