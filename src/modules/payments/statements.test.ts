import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { fileApp, signedIn } from '../../../test/helpers.js';
import { paymentsOf } from './intents.js';
import { paymentEvents, reconciliationItems } from './schema.js';
import { parseAmount, parseStatementDate } from './statements.js';
import { newIntent, postWebhook, transferIn } from './test-fixtures.js';

const t = await fileApp();
const buyerId = (await signedIn(t, 'buyer')).user.id;
const officer = await signedIn(t, 'officer');

const csvFile = (lines: string[]) => ({
  filename: 'sao-ke-11-2026.csv',
  data: Buffer.from(lines.join('\r\n'), 'utf8'),
});

test('a CSV statement is matched row by row like the notifications, with a report; seen references are skipped', async () => {
  const paid = await newIntent(t, { buyerId, amount: 250_000n });
  const partial = await newIntent(t, { buyerId, amount: 400_000n });
  const told = await newIntent(t, { buyerId, amount: 70_000n });
  const notified = transferIn({ amount: 70_000, content: told.orderCode });
  await postWebhook(t, notified);
  const ref = `VCB${Date.now()}`;
  const file = csvFile([
    'Sao kê tài khoản 0011004455667;;;;',
    'Ngày giao dịch;Số tiền;Nội dung;Mã giao dịch;Số dư',
    `23/11/2026 09:05;250.000;IBFT ${paid.orderCode.toLowerCase()} thanh toan;${ref}1;10.250.000`,
    `23/11/2026 09:10;"300,000";${partial.orderCode};${ref}2;10.550.000`,
    `23/11/2026 09:12;70000;${told.orderCode};${notified.referenceCode};10.620.000`,
    `23/11/2026 10:00;-50.000;Phi dich vu;${ref}3;10.570.000`,
    `23/11/2026 10:30;abc;loi;${ref}4;`,
    `;15000;khong ngay;${ref}5;`,
  ]);
  const res = await officer.client.multipart('/quan-ly/doi-soat/sao-ke', {}, { file });
  assert.equal(res.statusCode, 303);
  const reportPage = await officer.client.get(res.headers.location as string);
  assert.equal(reportPage.statusCode, 200);
  assert.match(reportPage.body, /Khớp đơn, đã thanh toán/);
  assert.match(reportPage.body, /Đã ghi nhận trước đó, bỏ qua/);

  const id = (res.headers.location as string).split('/').pop()!;
  const report = (await officer.client.get(`/api/v1/payments/statements/${id}`)).json();
  assert.deepEqual(
    report.report.map((r: { line: number; outcome: string }) => [r.line, r.outcome]),
    [
      [3, 'matched'],
      [4, 'partial'],
      [5, 'duplicate'],
      [6, 'ignored'],
      [7, 'invalid'],
      [8, 'invalid'],
    ],
  );
  assert.equal(report.report[4].problem, 'số tiền không đọc được');
  const states = await paymentsOf(t.db, [paid.orderId, partial.orderId, told.orderId]);
  assert.deepEqual(
    [paid, partial, told].map((i) => states.get(i.orderId)!.status),
    ['paid', 'pending', 'paid'],
  );
  const [item] = await t.db
    .select()
    .from(reconciliationItems)
    .where(eq(reconciliationItems.reference, `${ref}2`));
  assert.deepEqual([item!.kind, item!.amount, item!.orderCode], ['partial', 300_000n, partial.orderCode]);
  // Every row is kept as it stood in the file.
  const [ev] = await t.db
    .select()
    .from(paymentEvents)
    .where(eq(paymentEvents.providerRef, `statement:${ref}1`));
  assert.equal(
    ev!.rawBody,
    `23/11/2026 09:05;250.000;IBFT ${paid.orderCode.toLowerCase()} thanh toan;${ref}1;10.250.000`,
  );
  assert.equal(ev!.source, 'statement_import');

  // The same file again changes nothing.
  const again = await officer.client.json('GET', `/api/v1/payments/statements/${id}`);
  assert.equal(again.statusCode, 200);
  const second = await officer.client.multipart('/api/v1/payments/statements', {}, { file });
  assert.equal(second.statusCode, 201);
  assert.deepEqual(
    second.json().report.map((r: { outcome: string }) => r.outcome),
    ['duplicate', 'duplicate', 'duplicate', 'ignored', 'invalid', 'invalid'],
  );
});

test('an XLSX statement with English headings and typed cells', async () => {
  const intent = await newIntent(t, { buyerId, amount: 1_250_000n });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Statement');
  ws.addRow(['Transaction date', 'Reference', 'Description', 'Credit']);
  ws.addRow([
    new Date(Date.UTC(2026, 10, 23, 14, 30)),
    `XL${Date.now()}`,
    `CT DEN ${intent.orderCode} MUA HANG`,
    1_250_000,
  ]);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const res = await officer.client.multipart(
    '/api/v1/payments/statements',
    {},
    { file: { filename: 'statement.xlsx', data } },
  );
  assert.equal(res.statusCode, 201);
  assert.deepEqual(
    res.json().report.map((r: { outcome: string; orderCode: string }) => [r.outcome, r.orderCode]),
    [['matched', intent.orderCode]],
  );
  assert.equal((await paymentsOf(t.db, [intent.orderId])).get(intent.orderId)!.status, 'paid');
});

test('a file that is not a statement is refused on its form', async () => {
  const wrong = await officer.client.multipart(
    '/quan-ly/doi-soat/sao-ke',
    {},
    { file: csvFile(['a,b,c', '1,2,3']) },
  );
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /Không thấy dòng tiêu đề/);
  const pdf = await officer.client.multipart(
    '/quan-ly/doi-soat/sao-ke',
    {},
    { file: { filename: 'sao-ke.pdf', data: Buffer.from('%PDF-1.4') } },
  );
  assert.equal(pdf.statusCode, 422);
  const none = await officer.client.multipart('/api/v1/payments/statements', {});
  assert.equal(none.statusCode, 422);
});

test('amounts and dates as banks write them', () => {
  assert.equal(parseAmount('1.500.000'), 1_500_000n);
  assert.equal(parseAmount('1,500,000.00'), 1_500_000n);
  assert.equal(parseAmount('-250.000'), -250_000n);
  assert.equal(parseAmount('+75000'), 75_000n);
  assert.equal(parseAmount(1_000), 1_000n);
  assert.equal(parseAmount(10.5), null);
  assert.equal(parseAmount('1.5'), null);
  assert.equal(parseStatementDate('23/11/2026 09:05')?.toISOString(), '2026-11-23T02:05:00.000Z');
  assert.equal(parseStatementDate('2026-11-23')?.toISOString(), '2026-11-22T17:00:00.000Z');
  assert.equal(parseStatementDate('31/02/2026'), null);
  assert.equal(
    parseStatementDate(new Date(Date.UTC(2026, 10, 23, 9, 5)))?.toISOString(),
    '2026-11-23T02:05:00.000Z',
  );
});
