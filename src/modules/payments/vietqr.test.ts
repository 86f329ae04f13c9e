import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QRPay } from 'vietnam-qr-pay';
import { buildVietQr, crc16, parseVietQr, qrSvg, VietQrError } from './vietqr.js';

const fields = { bankBin: '970436', accountNo: '0011004455667', amount: 150000n, purpose: 'DH7K3M9Q2X' };

test('CRC-16/CCITT-FALSE gives the standard check value', () => {
  assert.equal(crc16('123456789'), '29B1');
});

test('a VietQR payload decodes back to the same fields with a correct CRC', () => {
  const payload = buildVietQr(fields);
  assert.equal(
    payload,
    '00020101021238570010A00000072701270006970436011300110044556670208QRIBFTTA530370454061500005802VN62140810DH7K3M9Q2X6304B99D',
  );
  const d = parseVietQr(payload);
  assert.deepEqual(
    { bankBin: d.bankBin, accountNo: d.accountNo, amount: d.amount, purpose: d.purpose },
    fields,
  );
  assert.equal(d.guid, 'A000000727');
  assert.equal(d.service, 'QRIBFTTA');
  assert.equal(d.currency, '704');
  assert.equal(d.country, 'VN');
  assert.equal(d.initMethod, '12');
  assert.equal(d.crc, crc16(payload.slice(0, -4)));
});

test('an independent VietQR reader reads the same fields', () => {
  const q = new QRPay(buildVietQr(fields));
  assert.equal(q.isValid, true);
  assert.equal(q.provider.guid, 'A000000727');
  assert.equal(q.provider.service, 'QRIBFTTA');
  assert.equal(q.consumer.bankBin, '970436');
  assert.equal(q.consumer.bankNumber, '0011004455667');
  assert.equal(q.amount, '150000');
  assert.equal(q.currency, '704');
  assert.equal(q.nation, 'VN');
  assert.equal(q.additionalData.purpose, 'DH7K3M9Q2X');
});

test('changing any one character breaks the CRC', () => {
  const payload = buildVietQr(fields);
  for (let i = 0; i < payload.length - 4; i++) {
    const c = payload[i] === '1' ? '2' : '1';
    const changed = payload.slice(0, i) + c + payload.slice(i + 1);
    assert.throws(() => parseVietQr(changed), VietQrError, `position ${i}`);
  }
  assert.throws(() => parseVietQr(`${payload.slice(0, -1)}0`), VietQrError);
});

test('a code without an amount is static; fields that banks cannot read are refused', () => {
  const d = parseVietQr(buildVietQr({ ...fields, amount: null }));
  assert.equal(d.initMethod, '11');
  assert.equal(d.amount, null);
  assert.throws(() => buildVietQr({ ...fields, purpose: 'Đơn hàng' }), /ASCII/);
  assert.throws(() => buildVietQr({ ...fields, bankBin: '97043' }), /BIN/);
  assert.throws(() => buildVietQr({ ...fields, amount: 0n }), /amount/);
});

test('the SVG image is a QR code of the payload', async () => {
  const payload = buildVietQr(fields);
  const svg = await qrSvg(payload);
  assert.match(svg, /^<svg[^>]+viewBox/);
  assert.match(svg, /<path[^>]+d="M/);
  assert.equal(await qrSvg(payload), svg);
  assert.notEqual(await qrSvg(buildVietQr({ ...fields, amount: 150001n })), svg);
});
