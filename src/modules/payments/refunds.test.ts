import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditsOf, signedIn } from '../../../test/helpers.js';
import { loadExcel } from '../../platform/heavy.js';
import { balanceOf } from '../ledger/journal.js';
import { ledgerEntries } from '../ledger/schema.js';
import { ledgerProblems } from '../ledger/test-fixtures.js';
import { orderingWorld, payOrder, placeOrder } from '../orders/test-fixtures.js';
import type { Order } from '../orders/transitions.js';
import { paymentRefunds } from './schema.js';
import { parseVietQr } from './vietqr.js';

const { t, shop, buyer } = await orderingWorld('Phạm Thị Mua');
const officer = await signedIn(t, 'officer');

/** An order paid by VietQR that its buyer then cancels through the order page: its money is owed back. */
async function cancelledPaid(): Promise<Order> {
  const order = await payOrder(t, await placeOrder(t, shop, buyer));
  const res = await buyer.client.form(`/don-hang/${order.code}/cancel`, { reason: 'Tôi đổi ý' });
  assert.equal(res.statusCode, 303, res.body);
  return order;
}

const owed = (orderId: string) => balanceOf(t.db, 'refund_payable', orderId);
const refundRows = (code: string) =>
  t.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM payment_refunds r JOIN payment_intents i ON i.id = r.intent_id WHERE i.order_code = ${code}`,
  );
const paidEntries = async (orderId: string) =>
  (
    await t.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.kind, 'refund_paid'), eq(ledgerEntries.orderId, orderId)))
  ).length;

test('a cancelled paid order: owed in the queue, the buyer gives an account, the officer records the transfer once, the buyer sees it paid', async () => {
  const order = await cancelledPaid();
  const total = order.total;
  assert.equal(await owed(order.id), total);

  // The buyer's order page says the money is owed and asks where to send it.
  const orderPage = await buyer.client.get(`/don-hang/${order.code}`);
  assert.match(orderPage.body, /Sàn đang giữ 2\.530\.000 ₫ để hoàn cho bạn\./);
  assert.ok(orderPage.body.includes(`<a href="/hoan-tien/${order.code}">Cho biết tài khoản nhận tiền</a>`));
  const orderJson = (await buyer.client.get(`/api/v1/orders/${order.code}`)).json();
  assert.deepEqual(orderJson.refund, { owed: 2_530_000, refunded: 0, page: `/hoan-tien/${order.code}` });

  // The officers' queue lists it; no account yet.
  const queue = await officer.client.get('/quan-ly/hoan-tien');
  assert.equal(queue.statusCode, 200);
  assert.match(queue.body, new RegExp(`<tr data-id="${order.code}">`));
  assert.match(queue.body, /Người mua chưa cho biết tài khoản/);
  assert.match(
    (await officer.client.get('/quan-ly')).body,
    /<a href="\/quan-ly\/hoan-tien">Hoàn tiền cho người mua<\/a>/,
  );

  // The buyer gives the account: checked as sellers' are, the holder written as banks print it.
  const bad = await buyer.client.form(`/hoan-tien/${order.code}`, {
    bankBin: '123456',
    bankAccountNo: 'abc',
    bankAccountName: '',
  });
  assert.equal(bad.statusCode, 422);
  for (const f of ['bankBin', 'bankAccountNo', 'bankAccountName'])
    assert.match(bad.body, new RegExp(`href="#f-${f}"`));
  const saved = await buyer.client.form(`/hoan-tien/${order.code}`, {
    bankBin: '970436',
    bankAccountNo: '0011 0044 55667',
    bankAccountName: 'Phạm Thị  Mua',
  });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `/hoan-tien/${order.code}?saved=1`);
  const mine = await buyer.client.get(saved.headers.location as string);
  assert.match(mine.body, /Đã lưu tài khoản nhận tiền hoàn\./);
  assert.match(mine.body, /Sàn sẽ chuyển vào tài khoản: Vietcombank · 0011004455667 · PHAM THI MUA\./);

  // The officer sees where to send it, with a VietQR code of the transfer and the bank file.
  const detail = await officer.client.get(`/quan-ly/hoan-tien/${order.code}`);
  assert.match(detail.body, /Vietcombank · 0011004455667 · PHAM THI MUA/);
  assert.match(detail.body, /data:image\/svg\+xml;base64,/);
  assert.match(detail.body, new RegExp(`HOAN TIEN ${order.code}`));
  const api = (await officer.client.get(`/api/v1/payments/refunds/${order.code}`)).json();
  const qr = parseVietQr(api.transfer.qrPayload);
  assert.deepEqual(
    [qr.bankBin, qr.accountNo, qr.amount, qr.purpose],
    ['970436', '0011004455667', total, `HOAN TIEN ${order.code}`],
  );
  const file = await officer.client.get('/quan-ly/hoan-tien/tep.xlsx');
  assert.equal(file.statusCode, 200);
  const wb = new (await loadExcel()).Workbook();
  await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r, n) => {
    if (n > 1) rows.push((r.values as unknown[]).slice(1));
  });
  const row = rows.find((r) => r[6] === `HOAN TIEN ${order.code}`)!;
  assert.deepEqual(
    [row[1], row[3], row[4], row[5]],
    ['970436', '0011004455667', 'PHAM THI MUA', 2_530_000],
    'bank, account (as text), holder, amount',
  );
  assert.match(String(row[2]), /^Vietcombank - /);

  // The transfer is recorded: the ledger pays the debt from the collection account, audited.
  const cashBefore = await balanceOf(t.db, 'cash:vietqr');
  const done = await officer.client.form(`/quan-ly/hoan-tien/${order.code}`, {
    reference: 'ft26328 000123',
    reason: 'Đã chuyển khoản hoàn tiền',
  });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, `/quan-ly/hoan-tien/${order.code}?done=done`);
  assert.match(
    (await officer.client.get(done.headers.location as string)).body,
    /Đã ghi nhận khoản hoàn tiền\./,
  );
  assert.equal(await owed(order.id), 0n);
  assert.equal(await balanceOf(t.db, 'cash:vietqr'), cashBefore - total);
  const [audit] = await auditsOf(t, order.id, 'payment.refund_paid');
  assert.equal(audit!.reason, 'Đã chuyển khoản hoàn tiền');
  assert.equal((audit!.data as { reference: string }).reference, 'FT26328000123');
  const [refund] = await t.db
    .select()
    .from(paymentRefunds)
    .where(eq(paymentRefunds.reference, 'FT26328000123'));
  assert.deepEqual(
    [refund!.amount, refund!.bankAccountNo, refund!.bankAccountName],
    [total, '0011004455667', 'PHAM THI MUA'],
  );

  // Submitted again: nothing more is recorded.
  const again = await officer.client.form(`/quan-ly/hoan-tien/${order.code}`, {
    reference: 'FT26328000123',
    reason: 'Bấm lại',
  });
  assert.equal(again.headers.location, `/quan-ly/hoan-tien/${order.code}?done=repeated`);
  assert.equal((await refundRows(order.code)).rows[0]!.n, 1);
  assert.equal(await paidEntries(order.id), 1);

  // The buyer is told, and sees it paid on the order and the refund page.
  const [notice] = (
    await t.db.execute<{ title: string; link: string }>(
      sql`SELECT title, link FROM notifications WHERE user_id = ${buyer.user.id} AND title LIKE '%hoàn tiền%'`,
    )
  ).rows;
  assert.deepEqual(notice, {
    title: `Đơn hàng ${order.code}: đã hoàn tiền`,
    link: `/hoan-tien/${order.code}`,
  });
  assert.match(
    (await buyer.client.get(`/don-hang/${order.code}`)).body,
    /Sàn đã hoàn 2\.530\.000 ₫ cho bạn\./,
  );
  const refundPage = await buyer.client.get(`/hoan-tien/${order.code}`);
  assert.match(refundPage.body, /Sàn đã hoàn đủ tiền cho bạn\./);
  assert.doesNotMatch(refundPage.body, /action="\/hoan-tien\//, 'nothing left to ask for');
  const paidList = await officer.client.get('/quan-ly/hoan-tien?state=paid');
  assert.match(paidList.body, /FT26328000123/);
  assert.doesNotMatch((await officer.client.get('/quan-ly/hoan-tien')).body, new RegExp(order.code));
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('double submits pay once: one reference ten times at once records one refund; two references at once, one', async () => {
  const a = await cancelledPaid();
  const same = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      i % 2
        ? officer.client.json('POST', `/api/v1/payments/refunds/${a.code}`, {
            reference: 'FT26328111111',
            reason: 'Hoàn tiền',
          })
        : officer.client.form(`/quan-ly/hoan-tien/${a.code}`, {
            reference: 'FT26328111111',
            reason: 'Hoàn tiền',
          }),
    ),
  );
  assert.deepEqual(
    same.map((r) => r.statusCode),
    [303, 200, 303, 200, 303, 200, 303, 200, 303, 200],
  );
  const recorded = same.filter((r) =>
    r.statusCode === 200 ? r.json().recorded : String(r.headers.location).endsWith('?done=done'),
  );
  assert.equal(recorded.length, 1, 'one of them recorded it, the others found it recorded');
  assert.equal((await refundRows(a.code)).rows[0]!.n, 1);
  assert.equal(await paidEntries(a.id), 1);
  assert.equal(await owed(a.id), 0n);

  const b = await cancelledPaid();
  const racing = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      officer.client.json('POST', `/api/v1/payments/refunds/${b.code}`, {
        reference: `FT2632822222${i}`,
        reason: 'Hai cán bộ cùng ghi',
      }),
    ),
  );
  assert.deepEqual(racing.map((r) => r.statusCode).sort(), [200, 409, 409, 409, 409, 409]);
  assert.equal((await refundRows(b.code)).rows[0]!.n, 1);
  assert.equal(await paidEntries(b.id), 1);
  assert.equal(await owed(b.id), 0n);
  assert.deepEqual(await ledgerProblems(t.db), []);
});

test('what the form refuses: more than owed, a malformed or another order’s reference, no reason; a part, then the rest', async () => {
  const order = await cancelledPaid();
  const other = await cancelledPaid();
  const post = (fields: Record<string, string>) =>
    officer.client.form(`/quan-ly/hoan-tien/${order.code}`, fields);
  const tooMuch = await post({ reference: 'FT26328333333', amount: '3.000.000', reason: 'x' });
  assert.equal(tooMuch.statusCode, 422);
  assert.match(tooMuch.body, /Số tiền lớn hơn số còn phải hoàn \(2\.530\.000 ₫\)\./);
  assert.match(tooMuch.body, /href="#f-paid-amount"/);
  const shape = await post({ reference: 'mã giao dịch', reason: 'x' });
  assert.equal(shape.statusCode, 422);
  assert.match(shape.body, /href="#f-paid-reference"/);
  const noReason = await post({ reference: 'FT26328333333', reason: ' ' });
  assert.equal(noReason.statusCode, 422);
  assert.match(noReason.body, /href="#f-paid-reason"/);
  await officer.client.json('POST', `/api/v1/payments/refunds/${other.code}`, {
    reference: 'FT26328444444',
    reason: 'x',
  });
  const used = await post({ reference: 'FT26328444444', reason: 'x' });
  assert.equal(used.statusCode, 422);
  assert.match(used.body, /Mã giao dịch này đã được ghi cho một đơn hàng khác\./);
  assert.equal(await owed(order.id), order.total, 'nothing moved');

  const part = await officer.client.json('POST', `/api/v1/payments/refunds/${order.code}`, {
    reference: 'FT26328555555',
    amount: 1_000_000,
    reason: 'Chuyển đợt một',
  });
  assert.equal(part.statusCode, 200);
  assert.deepEqual([part.json().owed, part.json().refunded], [1_530_000, 1_000_000]);
  const rest = await officer.client.form(`/quan-ly/hoan-tien/${order.code}`, {
    reference: 'FT26328666666',
    reason: 'Chuyển phần còn lại',
  });
  assert.equal(rest.statusCode, 303);
  assert.equal(await owed(order.id), 0n);
  const settled = await post({ reference: 'FT26328777777', reason: 'Thừa' });
  assert.equal(settled.statusCode, 409);
  assert.match(settled.body, /Đơn hàng không còn khoản nào phải hoàn\./);
  const list = (await officer.client.get('/api/v1/payments/refunds?state=paid')).json();
  assert.ok(
    list.paid.some(
      (p: { orderCode: string; amount: number }) => p.orderCode === order.code && p.amount === 1_000_000,
    ),
  );
  assert.deepEqual(await ledgerProblems(t.db), []);
});
