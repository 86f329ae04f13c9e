import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { testConfig } from '../../../test/helpers.js';
import { invoiceDocument, orderItems, parties, paymentLabel } from './document.js';
import { invoiceSigningKey, signInvoiceXml, verifyInvoiceXml } from './signing.js';
import { snapshot } from './test-fixtures.js';
import { invoiceXml, withTaxAuthorityCode } from './xml.js';

const dirs: string[] = [];
const dataDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'tmdt-inv-'));
  dirs.push(d);
  return d;
};
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const order = snapshot();
const xml = invoiceXml(
  invoiceDocument(
    {
      form: '1',
      symbol: 'K26TTM',
      number: 1,
      issuedOn: '2026-11-20',
      lookupCode: 'ABCD2345EFGH',
      lookupUrl: 'http://localhost/hoa-don/tra-cuu?ma=ABCD2345EFGH',
    },
    { ...parties(order), related: null, orderCode: order.code, paymentMethod: paymentLabel('cod') },
    orderItems(order, '1', '2026-11-20'),
  ),
);

test('the demo key pair is made once under DATA_DIR/keys, readable by its owner only', async () => {
  const dir = dataDir();
  const config = testConfig('postgres://unused/x', dir);
  const [a, b] = await Promise.all([invoiceSigningKey(config), invoiceSigningKey(config)]);
  assert.equal(a, b);
  const keyFile = path.join(dir, 'keys', 'invoice', 'key.pem');
  assert.equal(statSync(keyFile).mode & 0o777, 0o600);
  assert.match(readFileSync(keyFile, 'utf8'), /BEGIN PRIVATE KEY/);
  assert.match(a.subject, /tmdt e-invoice demo signer/);
  assert.match(a.fingerprint, /^[0-9a-f]{64}$/);
});

test('configured key and certificate files are used as they are', async () => {
  const demo = await invoiceSigningKey(testConfig('postgres://unused/x', dataDir()));
  const dir = dataDir();
  const keyFile = path.join(dir, 'keys', 'invoice', 'key.pem');
  const config = testConfig('postgres://unused/x', dataDir(), {
    INVOICE_KEY_FILE: keyFile,
    INVOICE_CERT_FILE: path.join(dir, 'keys', 'invoice', 'cert.pem'),
  });
  // The first demo pair's directory doubles as "configured files" for a second config.
  await invoiceSigningKey(testConfig('postgres://unused/x', dir));
  const configured = await invoiceSigningKey(config);
  assert.notEqual(configured.fingerprint, demo.fingerprint);
  assert.equal(configured.privateKeyPem, readFileSync(keyFile, 'utf8'));
});

test('a signed invoice verifies; one character changed anywhere in the signed data, and it does not', async () => {
  const key = await invoiceSigningKey(testConfig('postgres://unused/x', dataDir()));
  const signed = signInvoiceXml(xml, key, new Date('2026-11-20T02:00:05Z'));
  assert.match(
    signed,
    /<DSCKS>\s*<NBan><Signature Id="SellerSignature" xmlns="http:\/\/www.w3.org\/2000\/09\/xmldsig#">/,
  );
  assert.match(signed, /<Reference URI="#DLHDon">/);
  assert.match(signed, /xml-exc-c14n#/);
  assert.match(signed, /rsa-sha256/);
  assert.match(signed, /<X509Certificate>/);
  assert.match(signed, /<SigningTime>2026-11-20T02:00:05.000Z<\/SigningTime>/);
  assert.equal(verifyInvoiceXml(signed, key.certPem), true);

  const tampered = {
    'a letter of the buyer name': signed.replace('Trần Văn Bình</Ten>', 'Trần Văn Bính</Ten>'),
    'a digit of an amount': signed.replace('<TgTTTBSo>3135000<', '<TgTTTBSo>3135001<'),
    'a digit of a line amount': signed.replace('<ThTien>2314815<', '<ThTien>2314816<'),
    'a space in the seller address': signed.replace('Thôn Tân Hải,', 'Thôn Tân Hải ,'),
    'the rate': signed.replace('<TSuat>5%</TSuat>', '<TSuat>0%</TSuat>'),
    'the signing time': signed.replace('02:00:05.000Z', '02:00:06.000Z'),
    'the signature value': signed.replace(
      /<SignatureValue>(.)/,
      (_m, c) => `<SignatureValue>${c === 'A' ? 'B' : 'A'}`,
    ),
  };
  for (const [what, bad] of Object.entries(tampered)) {
    assert.notEqual(bad, signed, `${what}: the test changed something`);
    assert.equal(verifyInvoiceXml(bad, key.certPem), false, what);
  }
});

test('another key, another certificate in KeyInfo, a second data block, no signature: refused', async () => {
  const key = await invoiceSigningKey(testConfig('postgres://unused/x', dataDir()));
  const other = await invoiceSigningKey(testConfig('postgres://unused/x', dataDir()));
  const signed = signInvoiceXml(xml, key);
  assert.equal(verifyInvoiceXml(signed, other.certPem), false, 'not the certificate it was signed with');
  const forged = signInvoiceXml(xml.replace('3135000', '1'), other);
  assert.equal(verifyInvoiceXml(forged, key.certPem), false, 'signed by someone else');
  const bare = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');
  const swapped = signed.replace(bare(key.certPem), bare(other.certPem));
  assert.notEqual(swapped, signed);
  assert.equal(verifyInvoiceXml(swapped, key.certPem), false, 'KeyInfo names another certificate');
  assert.equal(verifyInvoiceXml(swapped, other.certPem), false, 'and that certificate did not sign it');
  const wrapped = signed.replace('<HDon>', '<HDon><DLHDon Id="DLHDon"><TTChung/></DLHDon>');
  assert.equal(verifyInvoiceXml(wrapped, key.certPem), false, 'two elements with the data Id');
  assert.equal(verifyInvoiceXml('not xml at all', key.certPem), false);
  assert.equal(verifyInvoiceXml(xml, key.certPem), false, 'unsigned');
});

test('the tax authority code is added outside the signed data: the signature still verifies', async () => {
  const key = await invoiceSigningKey(testConfig('postgres://unused/x', dataDir()));
  const coded = withTaxAuthorityCode(signInvoiceXml(xml, key), '00A1B2C3D4E5F60718293A4B5C6D7E8F90');
  assert.match(coded, /<\/DLHDon>\s*<MCCQT Id="MCCQT">00A1B2/);
  assert.equal(verifyInvoiceXml(coded, key.certPem), true);
});
