import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { auditsOf, type SignedIn, signedIn, type TestApp } from '../../../test/helpers.js';
import { appWithOfficer, makeSeller } from '../sellers/console-test-fixtures.js';
import { sellerBalance } from './index.js';
import { balanceOf } from './journal.js';
import { completedOrder, ledgerProblems } from './test-fixtures.js';

let t: TestApp;
let officer: SignedIn;
before(async () => {
  ({ t, officer } = await appWithOfficer());
});
after(() => t.close());

const batchId = (location: string | undefined) =>
  /\/quan-ly\/chi-tra\/([0-9a-f-]{36})/.exec(location ?? '')![1]!;

async function sheetRows(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('payout batches', () => {
  test('a batch pays every seller with an available balance and a bank account, the file lists them, paid is audited', async () => {
    const a = (await makeSeller(t, { status: 'approved' })).seller;
    const b = (
      await makeSeller(t, {
        status: 'approved',
        values: { legalForm: 'company', bankAccountNo: '0071 0004 56789' },
      })
    ).seller;
    const noBank = (await makeSeller(t, { status: 'approved', values: { bankAccountNo: null } })).seller;
    await completedOrder(t, { sellerId: a.id, lines: [{ amount: 1_000_000n }] }); // household: 2 % fee, 1 % + 0.5 %
    await completedOrder(t, { sellerId: a.id, paymentMethod: 'cod', lines: [{ amount: 500_000n }] }); // owes 10,000
    await completedOrder(t, { sellerId: b.id, legalForm: 'company', lines: [{ amount: 200_000n }] });
    await completedOrder(t, { sellerId: noBank.id, lines: [{ amount: 300_000n }] });

    const made = await officer.client.form('/quan-ly/chi-tra', { reason: 'Chi trả tuần 47' });
    assert.equal(made.statusCode, 303);
    const id = batchId(made.headers.location as string);
    const page = await officer.client.get(`/quan-ly/chi-tra/${id}?done=created`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Đã lập đợt chi trả/);
    assert.match(page.body, /2 người bán/);

    const file = await officer.client.get(`/quan-ly/chi-tra/${id}/tep.xlsx`);
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-disposition']), /chi-tra-CT-\d{6}\.xlsx/);
    const rows = await sheetRows(file.rawPayload);
    assert.deepEqual(rows[0], [
      'STT',
      'Mã ngân hàng (BIN)',
      'Ngân hàng',
      'Số tài khoản',
      'Chủ tài khoản',
      'Số tiền (đồng)',
      'Nội dung',
    ]);
    const byAccount = new Map(rows.slice(1, 3).map((r) => [r[3], r]));
    // a: 1,000,000 - 20,000 fee - 10,000 VAT - 5,000 PIT - 10,000 owed for the COD order.
    assert.equal(byAccount.get('0011004455667')![5], 955_000);
    assert.equal(byAccount.get('0071000456789')![5], 196_000);
    assert.deepEqual([rows[1]![0], rows[2]![0]], [1, 2]);
    assert.match(String(byAccount.get('0011004455667')![2]), /Vietcombank/);
    assert.match(String(byAccount.get('0011004455667')![6]), /^TMDT CT-\d{6} yen-sao-hon-noi-/);
    assert.equal(rows[3]![5], 1_151_000);

    assert.deepEqual(await sellerBalance(t.db, a.id), { payable: 0n, receivable: 0n, available: 0n });
    assert.equal((await sellerBalance(t.db, noBank.id)).available, 294_000n - 4_500n);

    const cash = await balanceOf(t.db, 'cash:vietqr');
    const noReason = await officer.client.form(`/quan-ly/chi-tra/${id}/mark_paid`, { reason: '' });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /id="f-reason-mark_paid"/);
    const paid = await officer.client.form(`/quan-ly/chi-tra/${id}/mark_paid`, {
      reason: 'UNC 000123 ngày 23/11',
    });
    assert.equal(paid.statusCode, 303);
    assert.equal(cash - (await balanceOf(t.db, 'cash:vietqr')), 1_151_000n);
    const again = await officer.client.form(`/quan-ly/chi-tra/${id}/cancel`, { reason: 'nhầm' });
    assert.equal(again.statusCode, 409);
    const audits = await auditsOf(t, id, 'ledger.payout.mark_paid');
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.reason, 'UNC 000123 ngày 23/11');
    assert.equal((await auditsOf(t, id, 'ledger.payout.create'))[0]!.reason, 'Chi trả tuần 47');
    assert.deepEqual(await ledgerProblems(t.db), []);
  });

  test('nothing to pay: the list page says so (409), and no batch is made', async () => {
    const res = await officer.client.form('/quan-ly/chi-tra', {});
    // Only the seller without a bank account has money left from the test before.
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Không có người bán nào có số dư khả dụng/);
  });

  test('a cancelled batch gives each seller back its balance, and what it had settled of the fees owed', async () => {
    const s = (await makeSeller(t, { status: 'approved' })).seller;
    await completedOrder(t, { sellerId: s.id, legalForm: 'company', lines: [{ amount: 100_000n }] });
    await completedOrder(t, { sellerId: s.id, paymentMethod: 'cod', lines: [{ amount: 50_000n }] });
    const before = await sellerBalance(t.db, s.id);
    const made = await officer.client.json('POST', '/api/v1/officer/payouts', { reason: 'thử' });
    assert.equal(made.statusCode, 201);
    const { id, number } = made.json();
    assert.match(number, /^CT-\d{6}$/);
    assert.equal((await sellerBalance(t.db, s.id)).payable, 0n);
    const cancelled = await officer.client.json('POST', `/api/v1/officer/payouts/${id}/transitions`, {
      action: 'cancel',
      reason: 'Ngân hàng trả lại tệp',
    });
    assert.deepEqual(cancelled.json(), { id, status: 'cancelled' });
    assert.deepEqual(await sellerBalance(t.db, s.id), before);
    const detail = (await officer.client.json('GET', `/api/v1/officer/payouts/${id}`)).json();
    assert.deepEqual(
      detail.history.map((h: { to: string }) => h.to),
      ['created', 'cancelled'],
    );
    assert.deepEqual(await ledgerProblems(t.db), []);
  });

  test('officers making batches at the same time put each balance in one batch only', async () => {
    for (let i = 0; i < 3; i++) {
      const s = (await makeSeller(t, { status: 'approved' })).seller;
      await completedOrder(t, { sellerId: s.id, lines: [{ amount: 70_000n }] });
    }
    const other = await signedIn(t, 'admin');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? other : officer).client.json('POST', '/api/v1/officer/payouts', {}),
      ),
    );
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409, 409, 409, 409, 409]);
    assert.deepEqual(await ledgerProblems(t.db), []);
  });
});
