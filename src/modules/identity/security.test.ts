import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { IpClient, makeUser, PASSWORD } from './test-support.js';

let t: TestApp;
before(async () => {
  t = await testApp({ TRUST_PROXY: 'true' });
});
after(() => t.close());

test('a form POST without a CSRF token is refused (403, Vietnamese); the same with the token works', async () => {
  const u = await makeUser(t);
  const c = new IpClient(t.app);
  const refused = await c.form('/dang-nhap', { identifier: u.email!, password: PASSWORD }, { csrf: false });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Biểu mẫu đã hết hạn hoặc không hợp lệ/);
  assert.equal(c.cookies.get('sid'), undefined);
  const forged = await c.form('/dang-nhap', { identifier: u.email!, password: PASSWORD, _csrf: 'gia-mao' });
  assert.equal(forged.statusCode, 403);

  const ok = await c.form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  assert.equal(ok.statusCode, 303);
  assert.ok(c.cookies.get('sid'));

  // Signed in, every state-changing form still needs it.
  for (const [url, fields] of [
    ['/tai-khoan/mat-khau', { currentPassword: PASSWORD, password: 'mat-khau-moi-hoan-toan' }],
    ['/tai-khoan/token', { name: 'x', scopes: 'read' }],
    ['/thong-bao/da-doc', {}],
    ['/dang-xuat', {}],
  ] as const) {
    const res = await c.form(url, fields, { csrf: false });
    assert.equal(res.statusCode, 403, url);
  }
  const en = await c.form('/dang-xuat?lang=en', {}, { csrf: false });
  assert.match(en.body, /The form has expired or is invalid/);
});

test('sign-in allows 10 attempts a minute per address, then answers 429; page and API share the count', async () => {
  const c = new IpClient(t.app);
  for (let i = 0; i < 7; i++) {
    const res = await c.form('/dang-nhap', {
      identifier: `nobody${i}@example.vn`,
      password: 'sai-mat-khau-roi',
    });
    assert.equal(res.statusCode, 401, `attempt ${i + 1}`);
  }
  for (let i = 0; i < 3; i++) {
    const res = await c.json('POST', '/api/v1/auth/signin', {
      identifier: 'nobody@example.vn',
      password: 'sai-mat-khau-roi',
    });
    assert.equal(res.statusCode, 401);
  }
  const page = await c.form('/dang-nhap', { identifier: 'nobody@example.vn', password: 'sai-mat-khau-roi' });
  assert.equal(page.statusCode, 429);
  assert.match(page.body, /Bạn thao tác quá nhanh\. Vui lòng thử lại sau \d+ giây/);
  assert.ok(Number(page.headers['retry-after']) > 0);
  const api = await c.json(
    'POST',
    '/api/v1/auth/signin',
    { identifier: 'x@example.vn', password: 'y' },
    { 'accept-language': 'en' },
  );
  assert.equal(api.statusCode, 429);
  assert.equal(api.json().error.code, 'rate_limited');
  assert.match(api.json().error.message, /Too many attempts/);

  // Another address is not affected.
  const u = await makeUser(t);
  const other = await new IpClient(t.app).form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  assert.equal(other.statusCode, 303);
});

test('sign-up and forgot-password are rate limited too', async () => {
  for (const [url, fields] of [
    ['/dang-ky', { fullName: 'A', email: 'khong-hop-le', password: 'x' }],
    ['/quen-mat-khau', { identifier: 'ai-do@example.vn' }],
  ] as const) {
    const c = new IpClient(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await c.form(url, fields)).statusCode);
    assert.ok(
      codes.slice(0, 10).every((s) => s !== 429),
      `${url}: ${codes}`,
    );
    assert.equal(codes[10], 429, url);
  }
});

test('changing the password checks the current one, refuses the own contact, and signs out other sessions', async () => {
  const u = await makeUser(t, 'buyer', { phone: '0765432109' });
  const a = new IpClient(t.app);
  const b = new IpClient(t.app);
  await a.form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  await b.form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  const wrong = await a.form('/tai-khoan/mat-khau', {
    currentPassword: 'khong-dung',
    password: 'mat-khau-moi-hoan-toan',
  });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /Mật khẩu hiện tại không đúng/);
  const own = await a.form('/tai-khoan/mat-khau', { currentPassword: PASSWORD, password: '0765432109' });
  assert.equal(own.statusCode, 422);
  assert.match(own.body, /Không dùng số điện thoại hoặc email của chính bạn/);
  const ok = await a.form('/tai-khoan/mat-khau', {
    currentPassword: PASSWORD,
    password: 'mat-khau-moi-hoan-toan',
  });
  assert.equal(ok.statusCode, 303);
  assert.match((await a.get(ok.headers.location as string)).body, /Đã đổi mật khẩu/);
  assert.equal((await a.get('/api/v1/me')).statusCode, 200, 'this session stays');
  assert.equal((await b.get('/api/v1/me')).statusCode, 401, 'the other session is signed out');
});

test('the account page shows name, contact and role, in English too', async () => {
  const u = await makeUser(t, 'officer', { phone: '0581234567' });
  const c = new IpClient(t.app);
  await c.form('/dang-nhap', { identifier: '0581234567', password: PASSWORD });
  const vi = await c.get('/tai-khoan');
  assert.match(vi.body, /Tài khoản của tôi/);
  assert.match(vi.body, new RegExp(u.fullName));
  assert.match(vi.body, /0581234567/);
  assert.match(vi.body, /Cán bộ/);
  const en = await c.get('/tai-khoan?lang=en');
  assert.match(en.body, /My account/);
  assert.match(en.body, /Officer/);
});
