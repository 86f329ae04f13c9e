import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { Client, type TestApp, testApp } from '../../../test/helpers.js';
import { issuerOf } from './index.js';
import { type Invoice, issueForCompletedOrder } from './issue.js';
import { invoicePdf } from './pdf.js';
import { invoices } from './schema.js';
import { verifyInvoiceXml } from './signing.js';
import { completed, snapshot } from './test-fixtures.js';

let t: TestApp;
let inv: Invoice;
let anonymous: Client;
before(async () => {
  t = await testApp();
  anonymous = new Client(t.app);
  const order = snapshot();
  await issueForCompletedOrder(issuerOf(t.app.deps), completed(order));
  [inv] = await t.db.select().from(invoices).where(eq(invoices.orderId, order.orderId));
});
after(() => t.close());

/** A PDF whose cross-reference table points at every object it lists, ending as a PDF ends. */
function assertPdf(buf: Buffer) {
  const text = buf.toString('latin1');
  assert.ok(text.startsWith('%PDF-1.'), 'PDF header');
  assert.ok(text.trimEnd().endsWith('%%EOF'), 'PDF trailer');
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  assert.equal(text.slice(start, start + 4), 'xref', 'startxref points at the table');
  const [, first, count] = /^xref\s+(\d+) (\d+)\s+/.exec(text.slice(start)) ?? [];
  const entries = text
    .slice(start)
    .split(/\r?\n/)
    .slice(2, 2 + Number(count));
  entries.forEach((e, i) => {
    const [offset, , kind] = e.trim().split(' ');
    if (kind === 'n')
      assert.ok(text.startsWith(`${Number(first) + i} 0 obj`, Number(offset)), `object ${i} at ${offset}`);
  });
  assert.match(text, /\/BaseFont \/[A-Z]{6}\+DejaVuSans/, 'DejaVu Sans, subset');
  assert.match(text, /\/FontFile2/, 'embedded TrueType font');
}

test('the look-up page finds the invoice by its code, in any case and spacing, and checks its signature', async () => {
  const spaced = `${inv.lookupCode.slice(0, 4).toLowerCase()} ${inv.lookupCode.slice(4)}`;
  const res = await anonymous.get(`/hoa-don/tra-cuu?ma=${encodeURIComponent(spaced)}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /data-signature="true"/);
  assert.match(res.body, /Chữ ký số hợp lệ/);
  assert.match(res.body, /Hợp tác xã Yến sào Cam Lâm/);
  assert.match(res.body, /Yến sào tinh chế Hòn Nội – Hộp 50 g/);
  assert.match(res.body, /Ba triệu một trăm ba mươi lăm nghìn đồng chẵn/);
  assert.ok(res.body.includes(`/hoa-don/tra-cuu/${inv.lookupCode}/xml`));
  assert.ok(res.body.includes(`/hoa-don/tra-cuu/${inv.lookupCode}/pdf`));
  assert.ok(!res.body.includes('thay-the'), 'a visitor cannot replace it');
  assert.equal(res.headers['cache-control'], 'private, no-store');

  const form = await anonymous.get('/hoa-don/tra-cuu');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<form method="get" action="\/hoa-don\/tra-cuu"/);

  const missing = await anonymous.get('/hoa-don/tra-cuu?ma=ZZZZZZZZZZZZ');
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /Không tìm thấy hóa đơn/);

  anonymous.lang = 'en';
  const en = await anonymous.get(`/hoa-don/tra-cuu?ma=${inv.lookupCode}`);
  assert.match(en.body, /Valid digital signature/);
  anonymous.lang = undefined;
});

test('the JSON twin gives the invoice, its signature check and its files', async () => {
  const res = await anonymous.get(`/api/v1/invoices/lookup/${inv.lookupCode}`);
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.signatureValid, true);
  assert.equal(body.symbol, inv.symbol);
  assert.equal(body.total, '3135000');
  assert.equal(body.document.seller.taxCode, '4201234566');
  assert.equal(body.document.lines.length, 4);
  assert.equal(body.xmlUrl, `/hoa-don/tra-cuu/${inv.lookupCode}/xml`);
  assert.match(body.signer, /demo signer/);
  assert.equal((await anonymous.get('/api/v1/invoices/lookup/ZZZZZZZZZZZZ')).statusCode, 404);
});

test('the XML downloads as stored and verifies; the PDF is a PDF with the Vietnamese font embedded', async () => {
  const xml = await anonymous.get(`/hoa-don/tra-cuu/${inv.lookupCode}/xml`);
  assert.equal(xml.statusCode, 200);
  assert.match(String(xml.headers['content-type']), /application\/xml/);
  assert.match(String(xml.headers['content-disposition']), /attachment; filename="hoa-don-K\d\dTTM-1\.xml"/);
  assert.equal(xml.body, inv.xml);
  const [cert] = (await t.db.execute<{ pem: string }>(sql`SELECT pem FROM invoice_certificates`)).rows;
  assert.equal(verifyInvoiceXml(xml.body, cert.pem), true);

  const pdf = await anonymous.get(`/hoa-don/tra-cuu/${inv.lookupCode}/pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assertPdf(pdf.rawPayload);
  assert.equal((await anonymous.get('/hoa-don/tra-cuu/ZZZZZZZZZZZZ/pdf')).statusCode, 404);
});

test('the PDF text is set in the embedded font with Vietnamese letters mapped to their characters', async () => {
  const buf = await invoicePdf(inv.document, {
    kindLabel: null,
    replaced: false,
    taxAuthorityCode: null,
    signer: 'CN=test',
    compress: false,
  });
  assertPdf(buf);
  const text = buf.toString('latin1').toLowerCase();
  assert.match(text, /\/tounicode/);
  // ế (thuế), đ (đơn), ơ, ư, ả, ạ, ị: each character of the text has its glyph in the subset.
  for (const ch of ['ế', 'đ', 'ơ', 'ư', 'ả', 'ạ', 'ị', 'Đ']) {
    const hex = ch.codePointAt(0)!.toString(16).padStart(4, '0');
    assert.ok(text.includes(`<${hex}>`), `${ch} (U+${hex}) in the ToUnicode map`);
  }
});

test('a stored invoice changed by one character no longer shows as signed', async () => {
  const order = snapshot();
  await issueForCompletedOrder(issuerOf(t.app.deps), completed(order));
  const [other] = await t.db.select().from(invoices).where(eq(invoices.orderId, order.orderId));
  const forged = other.xml.replace('<Ten>Trần Văn Bình</Ten>', '<Ten>Trần Văn Bính</Ten>');
  assert.notEqual(forged, other.xml);
  await t.db.update(invoices).set({ xml: forged }).where(eq(invoices.id, other.id));
  const res = await anonymous.get(`/hoa-don/tra-cuu?ma=${other.lookupCode}`);
  assert.match(res.body, /data-signature="false"/);
  assert.match(res.body, /KHÔNG hợp lệ/);
  assert.equal(
    (await anonymous.get(`/api/v1/invoices/lookup/${other.lookupCode}`)).json().signatureValid,
    false,
  );
});

test('an XML copy someone holds is checked by upload: the untouched copy leads to the invoice, a changed one does not', async () => {
  const copy = (await anonymous.get(`/hoa-don/tra-cuu/${inv.lookupCode}/xml`)).body;
  const upload = (xml: string) =>
    anonymous.multipart(
      '/hoa-don/tra-cuu/kiem-tra',
      {},
      { xml: { filename: 'hoa-don.xml', data: Buffer.from(xml) } },
    );

  const good = await upload(copy);
  assert.equal(good.statusCode, 200);
  assert.match(good.body, /data-copy="true"/);
  assert.ok(good.body.includes(`data-id="${inv.id}"`), 'the stored invoice is shown');

  const changed = await upload(copy.replace('<TgTTTBSo>3135000<', '<TgTTTBSo>3135900<'));
  assert.match(changed.body, /data-copy="false"/);
  assert.ok(!changed.body.includes(`data-id="${inv.id}"`));

  const missing = await anonymous.multipart('/hoa-don/tra-cuu/kiem-tra', {});
  assert.equal(missing.statusCode, 422);
  assert.match(missing.body, /Vui lòng chọn tệp XML/);

  const api = await anonymous.json('POST', '/api/v1/invoices/verify', { xml: copy });
  assert.equal(api.statusCode, 200);
  assert.equal(api.json().signatureValid, true);
  assert.equal(api.json().invoice.id, inv.id);
  const bad = await anonymous.json('POST', '/api/v1/invoices/verify', { xml: copy.replace('Bình', 'Binh') });
  assert.deepEqual([bad.json().signatureValid, bad.json().invoice], [false, null]);
  const junk = await anonymous.json('POST', '/api/v1/invoices/verify', { xml: '<HDon/>' });
  assert.deepEqual(junk.json(), { signatureValid: false, signer: null, invoice: null });
});
