import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOMParser, type Element } from '@xmldom/xmldom';
import {
  type InvoiceDocument,
  invoiceDocument,
  orderItems,
  parties,
  paymentLabel,
  returnItems,
} from './document.js';
import { completed, snapshot } from './test-fixtures.js';
import { vatRateOn } from './vat-rates.js';
import { invoiceXml } from './xml.js';

const header = (form: '1' | '2', issuedOn: string) => ({
  form,
  symbol: 'K26TTM',
  number: 7,
  issuedOn,
  lookupCode: 'ABCD2345EFGH',
  lookupUrl: 'http://localhost:3000/hoa-don/tra-cuu?ma=ABCD2345EFGH',
});

function build(form: '1' | '2', day: string, order = snapshot()): InvoiceDocument {
  return invoiceDocument(
    header(form, day),
    {
      ...parties(order),
      related: null,
      orderCode: order.code,
      paymentMethod: paymentLabel(order.paymentMethod),
    },
    orderItems(order, form, day),
  );
}

test('rates are data with dates: 10% goods pay 8% until the end of 2026, liquor never; KCT and 5% stay', () => {
  assert.equal(vatRateOn('food.bird_nest', '2026-11-20').rate, '8%');
  assert.equal(vatRateOn('food.bird_nest', '2027-01-01').rate, '10%');
  assert.equal(vatRateOn('beverages.wine_liquor', '2026-11-20').rate, '10%');
  assert.equal(vatRateOn('fresh_produce.fruit', '2026-11-20').rate, 'KCT');
  assert.equal(vatRateOn('food.honey', '2026-11-20').rate, 'KCT');
  assert.equal(vatRateOn('crafts.rattan_sedge', '2026-11-20').rate, '5%');
  assert.equal(vatRateOn('shipping', '2026-12-31').rate, '8%');
  assert.equal(vatRateOn('no.such', '2027-02-01').rate, '10%', 'unknown categories fall back to other');
  assert.throws(() => vatRateOn('food', '2025-06-30'), /no VAT rate/);
});

test('a VAT invoice takes VAT out of the prices paid, per rate; the total is exactly what was paid', () => {
  const d = build('1', '2026-11-20');
  assert.equal(d.title, 'Hóa đơn giá trị gia tăng');
  assert.deepEqual(
    d.lines.map((l) => [l.name, l.quantity, l.unitPrice, l.amount, l.rate]),
    [
      ['Yến sào tinh chế Hòn Nội – Hộp 50 g', 2, '1157407.5', '2314815', '8%'],
      ['Mật ong hoa cà phê', 1, '185000', '185000', 'KCT'],
      ['Chiếu cói Nga Sơn', 1, '400000', '400000', '5%'],
      ['Phí vận chuyển', 1, '27778', '27778', '8%'],
    ],
  );
  assert.deepEqual(d.byRate, [
    { rate: '8%', amount: '2342593', tax: '187407' },
    { rate: 'KCT', amount: '185000', tax: '0' },
    { rate: '5%', amount: '400000', tax: '20000' },
  ]);
  assert.deepEqual([d.net, d.tax, d.total], ['2927593', '207407', '3135000']);
  assert.equal(d.totalInWords, 'Ba triệu một trăm ba mươi lăm nghìn đồng chẵn');

  const later = build('1', '2027-01-15');
  assert.deepEqual(later.byRate[0], { rate: '10%', amount: '2300000', tax: '230000' });
  assert.equal(later.total, '3135000');
});

test('a sales invoice (household or individual seller) shows the prices paid and no VAT', () => {
  const d = build('2', '2026-11-20', snapshot({ legalForm: 'household' }));
  assert.equal(d.title, 'Hóa đơn bán hàng');
  assert.ok(d.lines.every((l) => l.rate === null && l.amount === l.gross));
  assert.deepEqual([d.tax, d.total, d.byRate.length], ['0', '3135000', 0]);
  const xml = invoiceXml(d);
  assert.ok(!xml.includes('<TSuat>') && !xml.includes('<TgTThue>'));
  assert.match(xml, /<TgTTTBSo>3135000<\/TgTTTBSo>/);
});

test('an adjustment for a return lowers the returned lines at the original rates, and delivery given back', () => {
  const order = snapshot();
  const original = build('1', '2026-11-20', order);
  const back = { ...order.lines[0], quantity: 1, amount: '1250000' };
  const items = returnItems(original, [back], 1_250_000n + 10_000n);
  const d = invoiceDocument(
    { ...header('1', '2027-01-10'), number: 8 },
    {
      ...parties(order),
      related: {
        nature: 2,
        form: '1',
        symbol: 'K26TTM',
        number: 7,
        issuedOn: '2026-11-20',
        note: 'Trả hàng',
      },
      orderCode: order.code,
      paymentMethod: paymentLabel(order.paymentMethod),
    },
    items,
  );
  // Still 8% in 2027: the adjustment corrects a sale made at 8%.
  assert.deepEqual(
    d.lines.map((l) => [l.quantity, l.amount, l.rate]),
    [
      [-1, '-1157408', '8%'],
      [-1, '-9259', '8%'],
    ],
  );
  assert.deepEqual([d.net, d.tax, d.total], ['-1166667', '-93333', '-1260000']);
  assert.equal(d.totalInWords, 'Âm một triệu hai trăm sáu mươi nghìn đồng chẵn');
  const xml = invoiceXml(d);
  assert.match(
    xml,
    /<TTHDLQuan>\s*<TCHDon>2<\/TCHDon>\s*<LHDCLQuan>1<\/LHDCLQuan>\s*<KHMSHDCLQuan>1<\/KHMSHDCLQuan>\s*<KHHDCLQuan>K26TTM<\/KHHDCLQuan>\s*<SHDCLQuan>7<\/SHDCLQuan>\s*<NLHDCLQuan>2026-11-20<\/NLHDCLQuan>/,
  );
});

test('the XML has the structure and element names of the tax authority format', () => {
  const order = snapshot();
  order.seller.name = 'HTX <Yến> & "Sào"';
  const xml = invoiceXml(build('1', completed(order).completedAt.slice(0, 10), order));
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const text = (path: string) => {
    let el: Element | undefined = doc.documentElement ?? undefined;
    for (const name of path.split('/').slice(1)) {
      el = Array.from(el?.childNodes ?? []).find((n) => (n as Element).localName === name) as Element;
    }
    return el?.textContent;
  };
  assert.equal(doc.documentElement?.localName, 'HDon');
  assert.equal(text('HDon/DLHDon/TTChung/KHMSHDon'), '1');
  assert.equal(text('HDon/DLHDon/TTChung/KHHDon'), 'K26TTM');
  assert.equal(text('HDon/DLHDon/TTChung/SHDon'), '7');
  assert.equal(text('HDon/DLHDon/TTChung/NLap'), '2026-11-20');
  assert.equal(text('HDon/DLHDon/TTChung/DVTTe'), 'VND');
  assert.equal(text('HDon/DLHDon/TTChung/HTTToan'), 'Chuyển khoản');
  assert.equal(text('HDon/DLHDon/NDHDon/NBan/Ten'), 'HTX <Yến> & "Sào"');
  assert.equal(text('HDon/DLHDon/NDHDon/NBan/MST'), '4201234566');
  assert.equal(text('HDon/DLHDon/NDHDon/NMua/HVTNMHang'), 'Trần Văn Bình');
  assert.equal(text('HDon/DLHDon/NDHDon/DSHHDVu/HHDVu/THHDVu'), 'Yến sào tinh chế Hòn Nội – Hộp 50 g');
  assert.equal(text('HDon/DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat/TSuat'), '8%');
  assert.equal(text('HDon/DLHDon/NDHDon/TToan/TgTTTBSo'), '3135000');
  assert.equal(text('HDon/DLHDon/NDHDon/TToan/TgTTTBChu'), 'Ba triệu một trăm ba mươi lăm nghìn đồng chẵn');
  assert.equal(text('HDon/DSCKS/NBan'), '');
  assert.match(xml, /<DLHDon Id="DLHDon">/);
  assert.match(xml, /<TTruong>MaTraCuu<\/TTruong>\s*<KDLieu>string<\/KDLieu>\s*<DLieu>ABCD2345EFGH<\/DLieu>/);
});
