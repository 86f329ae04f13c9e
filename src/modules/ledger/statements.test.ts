import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type SignedIn, signedIn, type TestApp } from '../../../test/helpers.js';
import { appWithOfficer, makeSeller } from '../sellers/console-test-fixtures.js';
import type { Seller } from '../sellers/index.js';
import { reverseRelease } from './index.js';
import { completedOrder } from './test-fixtures.js';

let t: TestApp;
let officer: SignedIn;
let owner: SignedIn;
let seller: Seller;

const november = new Date('2026-11-12T03:00:00Z');
const december = new Date('2026-12-02T03:00:00Z');

before(async () => {
  ({ t, officer } = await appWithOfficer());
  owner = await signedIn(t, 'buyer', 'Nguyễn Thị Hồng Đào');
  seller = (await makeSeller(t, { status: 'approved', owner: owner.user })).seller;
  const ids = { sellerId: seller.id, legalForm: 'household' as const };
  // November: goods 400,000 + delivery 20,000; services 100,000.
  const first = await completedOrder(t, {
    ...ids,
    at: november,
    lines: [{ amount: 400_000n }],
    shippingFee: 20_000n,
  });
  await completedOrder(t, { ...ids, at: november, lines: [{ amount: 100_000n, supplyKind: 'services' }] });
  // A company is never withheld: it does not appear in the declaration.
  const company = (await makeSeller(t, { status: 'approved', values: { legalForm: 'company' } })).seller;
  await completedOrder(t, {
    sellerId: company.id,
    legalForm: 'company',
    at: november,
    lines: [{ amount: 900_000n }],
  });
  // December: the whole first order is returned; its taxes are offset in December.
  await t.db.transaction((tx) =>
    reverseRelease(tx, { order: first, amount: 420_000n, at: december, reason: 'Trả hàng' }),
  );
});
after(() => t.close());

async function sheet(body: Buffer, n: number) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const rows: unknown[][] = [];
  wb.worksheets[n]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('withholding declaration', () => {
  test('the month lists each household and individual seller by kind of supply and rate', async () => {
    const res = await officer.client.json('GET', '/api/v1/officer/withholding?month=2026-11');
    assert.equal(res.statusCode, 200);
    const { items } = res.json();
    assert.deepEqual(
      items.map((i: Record<string, unknown>) => [
        i.supplyKind,
        i.revenue,
        i.vat,
        i.pit,
        i.vatBp,
        i.pitBp,
        i.revenueOffset,
      ]),
      [
        ['goods', '400000', '4000', '2000', 100, 50, '0'],
        ['services', '100000', '5000', '2000', 500, 200, '0'],
        ['transport', '20000', '600', '300', 300, 150, '0'],
      ],
    );
    assert.equal(items[0].seller.taxCode, seller.taxCode);
    assert.equal(items[0].seller.personalId, '056190001234');
  });

  test('a return is offset in the month it happens', async () => {
    const { items } = (await officer.client.json('GET', '/api/v1/officer/withholding?month=2026-12')).json();
    assert.deepEqual(
      items.map((i: Record<string, unknown>) => [
        i.supplyKind,
        i.revenue,
        i.revenueOffset,
        i.vatOffset,
        i.pitOffset,
      ]),
      [
        ['goods', '0', '400000', '4000', '2000'],
        ['transport', '0', '20000', '600', '300'],
      ],
    );
  });

  test('page and workbook', async () => {
    const page = await officer.client.get('/quan-ly/thue-khau-tru?thang=2026-11');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(seller.shopName));
    assert.match(page.body, /thuế GTGT 9\.600 ₫, thuế TNCN 4\.300 ₫/);
    const file = await officer.client.get('/quan-ly/thue-khau-tru.xlsx?thang=2026-11');
    assert.equal(file.statusCode, 200);
    const summary = await sheet(file.rawPayload, 0);
    assert.deepEqual(summary.at(-2), ['Tổng cộng', 520_000, 9_600, 4_300]);
    const detail = await sheet(file.rawPayload, 1);
    assert.equal(detail[0]![3], 'Mã số thuế');
    assert.deepEqual(detail[1]!.slice(3, 12), [
      seller.taxCode,
      '056190001234',
      'Hộ kinh doanh',
      'Phân phối, cung cấp hàng hóa',
      400_000,
      0,
      400_000,
      1,
      4_000,
    ]);
    assert.equal((await officer.client.get('/quan-ly/thue-khau-tru?thang=2026-13')).statusCode, 422);
  });

  test("officers read a seller's statement of a month", async () => {
    const page = await officer.client.get(`/quan-ly/thue-khau-tru/${seller.id}?thang=2026-12`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Trả hàng/);
    const file = await officer.client.get(`/quan-ly/thue-khau-tru/${seller.id}/sao-ke.xlsx?thang=2026-12`);
    assert.equal(file.statusCode, 200);
    const st = (
      await officer.client.json('GET', `/api/v1/officer/withholding/${seller.id}?month=2026-12`)
    ).json();
    // November left 420,000 - 8,400 fee - 4,600 VAT - 2,300 PIT + 100,000 - 2,000 - 5,000 - 2,000.
    assert.equal(st.openingBalance, '495700');
    assert.equal(st.lines.length, 1);
    assert.equal(st.lines[0].change, '-404700');
    assert.equal(st.closingBalance, '91000');
  });
});

describe("the seller's balance", () => {
  test('page and JSON: balances, and each movement with its fee and taxes', async () => {
    const page = await owner.client.get('/kenh-ban-hang/so-du');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /91\.000 ₫/);
    const b = (await owner.client.json('GET', '/api/v1/seller/balance')).json();
    assert.deepEqual([b.payable, b.receivable, b.available, b.escrow], ['91000', '0', '91000', '0']);
    assert.deepEqual(
      b.history.items.map((l: Record<string, string>) => [l.kind, l.gross, l.fee, l.vat, l.pit, l.change]),
      [
        ['release_reversal', '-420000', '-8400', '-4600', '-2300', '-404700'],
        ['release', '100000', '2000', '5000', '2000', '91000'],
        ['release', '420000', '8400', '4600', '2300', '404700'],
      ],
    );
  });

  test('statement of a month, as a page, a workbook and JSON', async () => {
    const page = await owner.client.get(`/kenh-ban-hang/so-du/sao-ke?shop=${seller.id}&thang=2026-11`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /495\.700 ₫/);
    const file = await owner.client.get(`/kenh-ban-hang/so-du/sao-ke.xlsx?shop=${seller.id}&thang=2026-11`);
    assert.equal(file.statusCode, 200);
    const rows = await sheet(file.rawPayload, 0);
    assert.deepEqual(rows.find((r) => r[0] === 'Số dư cuối kỳ')?.at(-1), 495_700);
    const st = (await owner.client.json('GET', '/api/v1/seller/statement?month=2026-11')).json();
    assert.deepEqual([st.openingBalance, st.closingBalance, st.lines.length], ['0', '495700', 2]);
  });

  test('another shop is not found; a user with no shop is told so', async () => {
    const other = await signedIn(t, 'buyer');
    assert.equal(
      (await other.client.json('GET', `/api/v1/seller/balance?shop=${seller.id}`)).statusCode,
      404,
    );
    assert.equal((await other.client.get(`/kenh-ban-hang/so-du?shop=${seller.id}`)).statusCode, 404);
    const none = await other.client.get('/kenh-ban-hang/so-du');
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /chưa thuộc cửa hàng nào/);
  });

  test('in English', async () => {
    owner.client.lang = 'en';
    const page = await owner.client.get('/kenh-ban-hang/so-du?lang=en');
    owner.client.lang = undefined;
    assert.match(page.body, /Balance and transactions/);
    assert.match(page.body, /Return or refund after release/);
  });
});
