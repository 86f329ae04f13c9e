import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { isMobilePhone, normalisePhone } from './contacts.js';
import { IpClient, makeUser, PASSWORD } from './test-support.js';

let t: TestApp;
before(async () => {
  t = await testApp({ TRUST_PROXY: 'true' });
});
after(() => t.close());

const storedPhone = async (email: string) =>
  (await t.db.execute<{ phone: string | null }>(sql`SELECT phone FROM users WHERE email = ${email}`)).rows[0]
    ?.phone;

test('phone numbers are normalised to ten digits starting with 0, and only mobile prefixes pass', () => {
  assert.equal(normalisePhone('+84 912 345 678'), '0912345678');
  assert.equal(normalisePhone('84912345678'), '0912345678');
  assert.equal(normalisePhone('0912.345.678'), '0912345678');
  assert.equal(normalisePhone('0912-345-678'), '0912345678');
  for (const ok of ['0912345678', '0321234567', '0581234567', '0701234567', '0861234567'])
    assert.ok(isMobilePhone(ok), ok);
  for (const bad of ['0212345678', '091234567', '09123456789', '0112345678', '1912345678', 'abcdefghij']) {
    assert.equal(isMobilePhone(normalisePhone(bad)), false, bad);
  }
});

test('sign up with a phone written the international way: stored normalised, signed in at once', async () => {
  const c = new IpClient(t.app);
  const email = 'lan.nguyen@example.vn';
  const res = await c.form('/dang-ky', {
    fullName: 'Nguyễn Thị Lan',
    phone: '+84 912 345 678',
    email: 'Lan.Nguyen@Example.VN',
    password: PASSWORD,
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/');
  assert.equal(await storedPhone(email), '0912345678');
  const me = await c.get('/api/v1/me');
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().fullName, 'Nguyễn Thị Lan');
  assert.equal(me.json().email, email, 'e-mail stored lowercased');
  assert.equal(me.json().role, 'buyer');
});

test('sign up with only a phone (84 prefix, no plus), then with only an e-mail', async () => {
  const a = new IpClient(t.app);
  const r1 = await a.form('/dang-ky', {
    fullName: 'Trần Văn Bình',
    phone: '84987654321',
    email: '',
    password: PASSWORD,
  });
  assert.equal(r1.statusCode, 303);
  assert.equal((await a.get('/api/v1/me')).json().phone, '0987654321');
  const b = new IpClient(t.app);
  const r2 = await b.form('/dang-ky', {
    fullName: 'Lê Thị Cúc',
    phone: '',
    email: 'cuc@example.vn',
    password: PASSWORD,
  });
  assert.equal(r2.statusCode, 303);
  assert.equal((await b.get('/api/v1/me')).json().phone, null);
});

test('invalid phones are refused on the phone field, in Vietnamese, with the answers kept', async () => {
  for (const phone of ['0212345678', '091234567']) {
    const res = await new IpClient(t.app).form('/dang-ky', {
      fullName: 'Phạm Văn Dũng',
      phone,
      password: PASSWORD,
    });
    assert.equal(res.statusCode, 422, phone);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /Số điện thoại Việt Nam gồm 10 chữ số/);
    assert.match(res.body, /<a href="#f-phone">/);
    assert.match(res.body, /value="Phạm Văn Dũng"/, 'the typed name is kept');
    assert.doesNotMatch(res.body, new RegExp(PASSWORD), 'the password is never echoed back');
  }
});

test('an invalid e-mail, a short password and a missing name are all reported at once', async () => {
  const res = await new IpClient(t.app).form('/dang-ky', {
    fullName: ' ',
    email: 'khong-phai-email',
    password: 'ngan',
  });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Địa chỉ email không hợp lệ/);
  assert.match(res.body, /Cần ít nhất 10 ký tự/);
  assert.match(res.body, /href="#f-fullName"/);
});

test('at least one of phone and e-mail is needed', async () => {
  const res = await new IpClient(t.app).form('/dang-ky', {
    fullName: 'Võ Văn Em',
    phone: '',
    email: '',
    password: PASSWORD,
  });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Vui lòng nhập số điện thoại hoặc email/);
});

test('the account’s own phone or e-mail is refused as its password', async () => {
  const byPhone = await new IpClient(t.app).form('/dang-ky', {
    fullName: 'Đỗ Thị Gấm',
    phone: '0934567890',
    password: '+84 934 567 890',
  });
  assert.equal(byPhone.statusCode, 422);
  assert.match(byPhone.body, /Không dùng số điện thoại hoặc email của chính bạn làm mật khẩu/);
  const byEmail = await new IpClient(t.app).form('/dang-ky', {
    fullName: 'Đỗ Thị Gấm',
    email: 'gam.do@example.vn',
    password: 'Gam.Do@example.vn',
  });
  assert.equal(byEmail.statusCode, 422);
  assert.match(byEmail.body, /href="#f-password"/);
});

test('a phone or e-mail already in use gets a clear error on that field', async () => {
  await makeUser(t, 'buyer', { email: 'da-co@example.vn', phone: '0356789012' });
  const res = await new IpClient(t.app).form('/dang-ky', {
    fullName: 'Người Thứ Hai',
    phone: '035 678 9012',
    email: 'DA-CO@example.vn',
    password: PASSWORD,
  });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Số điện thoại này đã được dùng cho một tài khoản khác/);
  assert.match(res.body, /Email này đã được dùng cho một tài khoản khác/);
  const api = await new IpClient(t.app).json('POST', '/api/v1/auth/signup', {
    fullName: 'Người Thứ Ba',
    email: 'da-co@example.vn',
    password: PASSWORD,
  });
  assert.equal(api.statusCode, 422);
  assert.deepEqual(
    api.json().error.fields.map((f: { field: string }) => f.field),
    ['email'],
  );
});

test('API sign-up answers 201 with the user and a session cookie; errors are JSON per field', async () => {
  const c = new IpClient(t.app);
  const ok = await c.json('POST', '/api/v1/auth/signup', {
    fullName: 'Hoàng Văn Hải',
    phone: '0709 123 456',
    password: PASSWORD,
  });
  assert.equal(ok.statusCode, 201);
  assert.equal(ok.json().user.phone, '0709123456');
  assert.equal(ok.json().user.passwordHash, undefined, 'no password hash leaves the server');
  assert.ok(c.cookies.get('sid'));
  assert.equal((await c.get('/api/v1/me')).json().phone, '0709123456');

  const bad = await new IpClient(t.app).json('POST', '/api/v1/auth/signup', {
    fullName: 'X',
    phone: '0212345678',
    password: 'short',
  });
  assert.equal(bad.statusCode, 422);
  const fields = Object.fromEntries(
    bad.json().error.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
  );
  assert.match(fields.phone, /Số điện thoại Việt Nam/);
  assert.match(fields.password, /ít nhất 10 ký tự/);
});

test('English messages with Accept-Language: en (API) and ?lang=en (pages)', async () => {
  const api = await new IpClient(t.app).json(
    'POST',
    '/api/v1/auth/signup',
    { fullName: 'John Smith', email: 'not-an-email', password: PASSWORD },
    { 'accept-language': 'en-GB,en;q=0.9' },
  );
  assert.equal(api.statusCode, 422);
  assert.match(api.json().error.fields[0].message, /Enter an e-mail address like name@example.vn/);
  const page = await new IpClient(t.app).form('/dang-ky?lang=en', {
    fullName: 'John Smith',
    phone: '0212345678',
    password: PASSWORD,
  });
  assert.equal(page.statusCode, 422);
  assert.match(page.body, /There is a problem/);
  assert.match(page.body, /A Vietnamese phone number has 10 digits/);
  assert.match((await new IpClient(t.app).get('/dang-ky?lang=en')).body, /Create an account/);
});

test('the sign-up page carries next= on to the form and then redirects there; never off-site', async () => {
  const page = await new IpClient(t.app).get('/dang-ky?next=%2Ftai-khoan');
  assert.match(page.body, /name="next" value="\/tai-khoan"/);
  const c = new IpClient(t.app);
  const res = await c.form('/dang-ky', {
    fullName: 'Mai Anh',
    email: 'mai.anh@example.vn',
    password: PASSWORD,
    next: '/tai-khoan',
  });
  assert.equal(res.headers.location, '/tai-khoan');
  const evil = await new IpClient(t.app).form('/dang-ky', {
    fullName: 'Mai Anh',
    email: 'mai.anh2@example.vn',
    password: PASSWORD,
    next: '//evil.example',
  });
  assert.equal(evil.headers.location, '/');
});
