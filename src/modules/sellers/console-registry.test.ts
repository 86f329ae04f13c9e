import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { SignedIn, TestApp } from '../../../test/helpers.js';
import { appWithOfficer, makeSeller, tag } from './console-test-fixtures.js';

let t: TestApp;
let officer: SignedIn;
const g = tag();
let shops: Record<
  'active' | 'coop' | 'suspended' | 'terminated' | 'waiting',
  Awaited<ReturnType<typeof makeSeller>>['seller']
>;

before(async () => {
  ({ t, officer } = await appWithOfficer());
  const make = async (status: 'approved' | 'suspended' | 'terminated' | 'submitted', values: object) =>
    (await makeSeller(t, { status, officer: officer.actor, values: { ...values } })).seller;
  shops = {
    active: await make('approved', {
      shopName: `An Khánh Yến sào ${g}`,
      repName: 'Phạm Quốc Bảo',
      phone: '0905111222',
    }),
    coop: await make('approved', {
      shopName: `Bánh tráng Hợp tác xã Ninh Hòa ${g}`,
      legalForm: 'cooperative',
      communeCode: '22528',
      street: 'Thôn Phú Hòa',
      businessRegDate: '2015-08-01',
    }),
    suspended: await make('suspended', { shopName: `Cá khô Đầm Môn ${g}` }),
    terminated: await make('terminated', { shopName: `Đặc sản Vạn Ninh ${g}` }),
    waiting: await make('submitted', { shopName: `Chưa duyệt ${g}` }),
  };
  // An approval on a known day, so the spreadsheet's date can be checked exactly (21:30 in Viet Nam).
  await t.db.execute(sql`UPDATE sellers SET decided_at = '2026-03-02T14:30:00Z' WHERE id = ${shops.coop.id}`);
});
after(() => t.close());

const ids = (html: string) => [...html.matchAll(/<tr data-id="([^"]+)">/g)].map((m) => m[1]);

test('the registry lists shops (approved, suspended, terminated) by name, never applications', async () => {
  const res = await officer.client.get(`/quan-ly/nguoi-ban?q=${g}`);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(ids(res.body), [shops.active.id, shops.coop.id, shops.suspended.id, shops.terminated.id]);
  assert.match(res.body, /4 kết quả/);
  assert.match(res.body, /<span class="badge suspended">Tạm ngừng<\/span>/);
  assert.match(res.body, new RegExp(`href="/quan-ly/nguoi-ban.xlsx\\?q=${g}" download=""`));
});

test('the registry searches name, tax code, representative and phone, and filters state, legal form and commune', async () => {
  const search = async (q: string) => ids((await officer.client.get(`/quan-ly/nguoi-ban?${q}`)).body);
  assert.deepEqual(await search(`q=${encodeURIComponent('pham quoc bao')}`), [shops.active.id]);
  assert.deepEqual(await search('q=0905111'), [shops.active.id]);
  assert.deepEqual(await search(`q=${shops.coop.taxCode}`), [shops.coop.id]);
  assert.deepEqual(await search(`q=${encodeURIComponent(`ca kho dam mon ${g}`)}`), [shops.suspended.id]);
  assert.deepEqual(await search(`state=suspended&q=${g}`), [shops.suspended.id]);
  assert.deepEqual(await search(`legalForm=cooperative&q=${g}`), [shops.coop.id]);
  assert.deepEqual(await search(`commune=22528&q=${g}`), [shops.coop.id]);
  const api = await officer.client.get(`/api/v1/officer/sellers?state=terminated&q=${g}`);
  assert.deepEqual(
    api.json().items.map((i: { id: string; status: string }) => [i.id, i.status]),
    [[shops.terminated.id, 'terminated']],
  );
});

test('"Xuất Excel" exports the filtered registry: Vietnamese headers, real dates, bold frozen header, widths', async () => {
  const res = await officer.client.get(`/quan-ly/nguoi-ban.xlsx?state=approved&q=${g}`);
  assert.equal(res.statusCode, 200);
  assert.equal(
    res.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  assert.equal(res.headers['content-disposition'], `attachment; filename="nguoi-ban-${today}.xlsx"`);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.equal(ws.name, 'Người bán');
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(header, [
    'Tên cửa hàng',
    'Loại hình',
    'Mã số thuế',
    'Số ĐKKD',
    'Ngày cấp ĐKKD',
    'Người đại diện',
    'Địa chỉ',
    'Xã/phường',
    'Điện thoại',
    'Email',
    'Trạng thái',
    'Ngày duyệt',
    'Xác minh danh tính',
  ]);
  assert.equal(ws.getRow(1).getCell(1).font?.bold, true);
  assert.deepEqual(
    ws.views.map((v) => [v.state, (v as { ySplit?: number }).ySplit]),
    [['frozen', 1]],
  );
  assert.ok(
    ws.columns.every((c) => (c.width ?? 0) >= 10),
    'every column has a width',
  );
  assert.equal(ws.rowCount, 3, 'the header and the two approved shops; the suspended one is filtered out');

  const coop = ws.getRow(3);
  const cell = (n: number) => coop.getCell(n).value;
  assert.equal(cell(1), shops.coop.shopName);
  assert.equal(cell(2), 'Hợp tác xã');
  assert.equal(cell(3), shops.coop.taxCode);
  assert.ok(cell(5) instanceof Date, 'the registration date is a real date');
  assert.equal((cell(5) as Date).toISOString().slice(0, 10), '2015-08-01');
  assert.equal(coop.getCell(5).numFmt, 'dd/mm/yyyy');
  assert.equal(cell(7), 'Thôn Phú Hòa, Phường Ninh Hòa, Tỉnh Khánh Hòa');
  assert.equal(cell(8), 'Phường Ninh Hòa');
  assert.equal(cell(11), 'Đã duyệt');
  assert.ok(cell(12) instanceof Date);
  assert.equal((cell(12) as Date).toISOString().slice(0, 10), '2026-03-02', 'the approval day in Viet Nam');
  assert.equal(cell(13), 'Chưa xác thực');

  const api = await officer.client.get(`/api/v1/officer/sellers.xlsx?q=${g}`);
  assert.equal(api.statusCode, 200);
  const all = new ExcelJS.Workbook();
  await all.xlsx.load(api.rawPayload as unknown as ArrayBuffer);
  assert.equal(all.worksheets[0].rowCount, 5);
});
