import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { after, before, test } from 'node:test';
import canonicalize from 'canonicalize';
import { sql } from 'drizzle-orm';
import { Client, type TestApp, testApp } from '../../../test/helpers.js';
import { keyIdOf } from './keys.js';
import { contracted } from './test-fixtures.js';

/** Everything here is done by an anonymous visitor: checking a contract is public. */
let t: TestApp;
let visitor: Client;
let code: string;
let orderCode: string;
/** The downloaded file, as the buyer got it. */
let text: string;

before(async () => {
  // Many checks from one address: the limit has a test of its own (last).
  t = await testApp({ CONTRACT_VERIFY_RATE_LIMIT: '0' });
  visitor = new Client(t.app);
  const c = await contracted(t);
  code = c.code;
  orderCode = c.order.code;
  text = (await c.buyer.client.get(`/hop-dong/${code}/tai-ve`)).body;
});
after(() => t.close());

const verdictOf = (html: string) => /data-verdict="([a-z_]+)"/.exec(html)?.[1];
const outcomeOf = (html: string, check: string) =>
  new RegExp(`data-check="${check}" data-outcome="([a-z_]+)"`).exec(html)?.[1];

const upload = (data: string) =>
  visitor.multipart(
    '/hop-dong/kiem-tra',
    {},
    { contract_file: { filename: `${code}.json`, data: Buffer.from(data) } },
  );
const check = (body: unknown) => visitor.json('POST', '/api/v1/contracts/verify', body);

test('the form: a file or a code, works without JavaScript', async () => {
  const res = await visitor.get('/hop-dong/kiem-tra');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<form method="post" action="\/hop-dong\/kiem-tra" enctype="multipart\/form-data"/);
  assert.match(res.body, /name="_csrf"/);
  assert.match(res.body, /type="file"/);
  assert.match(res.body, /name="contract_code"/);
  const none = await visitor.multipart('/hop-dong/kiem-tra', { contract_code: '' });
  assert.equal(none.statusCode, 422);
  assert.match(none.body, /Chọn tệp hợp đồng hoặc nhập mã hợp đồng/);
  const bad = await visitor.form('/hop-dong/kiem-tra', { contract_code: 'abc' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /value="abc"/);
  assert.match(bad.body, /Mã hợp đồng có dạng HD-DH/);
  const api = await check({});
  assert.equal(api.statusCode, 422);
  assert.equal((await check({ code: 'abc' })).json().error.fields[0].field, 'code');
});

test('the file as downloaded is authentic: valid signature, matching hash, same as on record', async () => {
  const page = await upload(text);
  assert.equal(page.statusCode, 200);
  assert.equal(verdictOf(page.body), 'authentic');
  for (const c of ['hash', 'signature', 'record']) assert.equal(outcomeOf(page.body, c), 'ok', c);
  assert.match(page.body, /Hợp đồng xác thực/);

  for (const file of [text, JSON.parse(text)]) {
    const res = await check({ file });
    assert.equal(res.statusCode, 200);
    const r = res.json();
    assert.equal(r.verdict, 'authentic');
    assert.deepEqual(r.checks, { hash: 'ok', signature: 'ok', record: 'ok' });
    assert.equal(r.code, code);
    assert.equal(r.contract.orderCode, orderCode);
    assert.deepEqual(r.differences, []);
  }
  // Only the content counts: the same JSON laid out differently is the same contract.
  assert.equal((await check({ file: JSON.stringify(JSON.parse(text)) })).json().verdict, 'authentic');
});

test('by its code (or its order code, in any case) the contract on record is checked', async () => {
  for (const typed of [code, code.toLowerCase(), orderCode, ` ${orderCode.toLowerCase()} `]) {
    const r = (await check({ code: typed })).json();
    assert.equal(r.verdict, 'authentic', typed);
    assert.equal(r.code, code);
  }
  const page = await visitor.get(`/hop-dong/kiem-tra?ma=${code}`);
  assert.equal(verdictOf(page.body), 'authentic');
  assert.match(page.body, new RegExp(orderCode));
  const typed = await visitor.form('/hop-dong/kiem-tra', { contract_code: orderCode });
  assert.equal(verdictOf(typed.body), 'authentic');
});

test('one character changed in the file: altered, and where', async () => {
  const changed = text.replace('"total": "5015000"', '"total": "5015001"');
  assert.equal(changed.length, text.length);
  assert.notEqual(changed, text);
  const r = (await check({ file: changed })).json();
  assert.equal(r.verdict, 'altered');
  assert.deepEqual(r.checks, { hash: 'mismatch', signature: 'invalid', record: 'differs' });
  assert.deepEqual(r.differences, ['total']);
  assert.match(r.message, /đã bị sửa đổi/);

  const page = await upload(changed);
  assert.equal(verdictOf(page.body), 'altered');
  assert.match(page.body, /<code>total<\/code>/);

  // A name changed by one letter.
  const renamed = text.replace('Trần Văn Mua', 'Trần Văn Múa');
  const r2 = (await check({ file: renamed })).json();
  assert.equal(r2.verdict, 'altered');
  assert.deepEqual(r2.differences, ['buyer.name']);
});

test('only the hash in the file changed: altered, though the signature still holds', async () => {
  const file = JSON.parse(text);
  file.hash.value = file.hash.value.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
  const r = (await check({ file })).json();
  assert.equal(r.verdict, 'altered');
  assert.deepEqual(r.checks, { hash: 'mismatch', signature: 'ok', record: 'ok' });
});

test('signed by another key: refused, whether it claims the platform’s key id or its own', async () => {
  const file = JSON.parse(text);
  const other = generateKeyPairSync('ed25519');
  const bytes = Buffer.from(canonicalize(file.document)!, 'utf8');
  file.signature.value = sign(null, bytes, other.privateKey).toString('base64');

  const r = (await check({ file })).json();
  assert.equal(r.verdict, 'bad_signature');
  assert.deepEqual(r.checks, { hash: 'ok', signature: 'invalid', record: 'ok' });
  const page = await upload(JSON.stringify(file));
  assert.equal(verdictOf(page.body), 'bad_signature');
  assert.match(page.body, /Chữ ký không phải của sàn/);

  file.signature.keyId = keyIdOf(other.publicKey);
  const own = (await check({ file })).json();
  assert.equal(own.verdict, 'bad_signature');
  assert.equal(own.checks.signature, 'unknown_key');

  // An altered document signed anew by another key (hash recomputed too) is still altered.
  file.document.total = '1000';
  const forged = Buffer.from(canonicalize(file.document)!, 'utf8');
  file.signature.value = sign(null, forged, other.privateKey).toString('base64');
  file.hash.value = createHash('sha256').update(forged).digest('hex');
  const f = (await check({ file })).json();
  assert.equal(f.verdict, 'altered');
  assert.deepEqual(f.checks, { hash: 'ok', signature: 'unknown_key', record: 'differs' });
});

test('an unknown code, and a file that is no contract', async () => {
  const r = (await check({ code: 'HD-DHZZZZZZZZ' })).json();
  assert.equal(r.verdict, 'unknown_code');
  assert.equal(r.contract, null);
  const page = await visitor.get('/hop-dong/kiem-tra?ma=DHZZZZZZZZ');
  assert.equal(page.statusCode, 200);
  assert.equal(verdictOf(page.body), 'unknown_code');
  assert.match(page.body, /Không có hợp đồng nào mang mã này/);

  const file = JSON.parse(text);
  file.document.code = 'HD-DHZZZZZZZZ';
  assert.equal((await check({ file })).json().verdict, 'unknown_code');

  for (const junk of ['not json', '{"a":1}', text.slice(0, 200)]) {
    assert.equal((await check({ file: junk })).json().verdict, 'unreadable', junk.slice(0, 20));
  }
  assert.equal(verdictOf((await upload('%PDF-1.4')).body), 'unreadable');
});

test('a record changed in the database is caught by its own hash', async () => {
  const c = await contracted(t);
  await t.db.execute(
    sql`UPDATE contracts SET document = replace(document, '"5015000"', '"15000"') WHERE code = ${c.code}`,
  );
  const r = (await check({ code: c.code })).json();
  assert.equal(r.verdict, 'altered');
  assert.deepEqual(r.checks, { hash: 'mismatch', signature: 'invalid', record: 'ok' });
});

test('the JSON API is in the OpenAPI document', async () => {
  const doc = (await visitor.get('/api/docs/json')).json();
  assert.ok(doc.paths['/api/v1/contracts/verify'].post.tags.includes('contracts'));
  assert.ok(doc.paths['/api/v1/contracts/keys'].get);
  assert.ok(doc.paths['/api/v1/contracts/{code}'].get);
  const body = doc.paths['/api/v1/contracts/verify'].post.requestBody.content['application/json'].schema;
  assert.deepEqual(Object.keys(body.properties).sort(), ['code', 'file']);
});

test('English', async () => {
  const en = new Client(t.app);
  en.lang = 'en';
  const r = (await en.json('POST', '/api/v1/contracts/verify', { code })).json();
  assert.match(r.message, /^Authentic/);
  assert.match((await en.get(`/hop-dong/kiem-tra?ma=${code}`)).body, /Check an electronic contract/);
});

test('the public checks share a per-address limit, like search', async () => {
  const limited = await testApp({ CONTRACT_VERIFY_RATE_LIMIT: '3' });
  try {
    const c = new Client(limited.app);
    assert.equal(
      (await c.json('POST', '/api/v1/contracts/verify', { code: 'HD-DHZZZZZZZZ' })).statusCode,
      200,
    );
    assert.equal((await c.get('/hop-dong/kiem-tra?ma=HD-DHZZZZZZZZ')).statusCode, 200);
    assert.equal(
      (await c.json('POST', '/api/v1/contracts/verify', { code: 'HD-DHZZZZZZZZ' })).statusCode,
      200,
    );
    const api = await c.json('POST', '/api/v1/contracts/verify', { code: 'HD-DHZZZZZZZZ' });
    assert.equal(api.statusCode, 429);
    assert.equal(api.json().error.code, 'rate_limited');
    assert.ok(Number(api.headers['retry-after']) > 0);
    assert.equal((await c.get('/hop-dong/kiem-tra')).statusCode, 429);
    // The public key is not limited: it is what a checker downloads once.
    assert.equal((await c.get('/hop-dong/khoa-cong-khai')).statusCode, 200);
  } finally {
    await limited.close();
  }
});
