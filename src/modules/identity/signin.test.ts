import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { sha256 } from './auth.js';
import { auditRows, IpClient, makeUser, PASSWORD } from './test-support.js';

let t: TestApp;
before(async () => {
  t = await testApp({ TRUST_PROXY: 'true' });
});
after(() => t.close());

const sessionCount = async (userId: string) =>
  (await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${userId}`))
    .rows[0].n;

test('sign in by phone, typed any common way', async () => {
  const u = await makeUser(t, 'buyer', { phone: '0971234567' });
  for (const identifier of ['0971234567', '+84 971 234 567', '0971.234.567']) {
    const c = new IpClient(t.app);
    const res = await c.form('/dang-nhap', { identifier, password: PASSWORD });
    assert.equal(res.statusCode, 303, identifier);
    assert.equal((await c.get('/api/v1/me')).json().id, u.id);
  }
});

test('sign in by e-mail, whatever its case', async () => {
  const u = await makeUser(t, 'buyer', { email: 'hoa.tran@example.vn' });
  const c = new IpClient(t.app);
  const res = await c.form('/dang-nhap', { identifier: ' Hoa.Tran@Example.VN ', password: PASSWORD });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/');
  const me = await c.get('/tai-khoan');
  assert.equal(me.statusCode, 200);
  assert.match(me.body, /hoa\.tran@example\.vn/);
  assert.match(me.body, /Người mua/);
  assert.equal(u.role, 'buyer');
});

test('the session cookie is httpOnly, SameSite=Lax, path=/, 30 days; not Secure over http', async () => {
  const u = await makeUser(t);
  const res = await new IpClient(t.app).form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  const sid = (
    res.cookies as {
      name: string;
      httpOnly?: boolean;
      sameSite?: string;
      path?: string;
      maxAge?: number;
      secure?: boolean;
    }[]
  ).find((c) => c.name === 'sid');
  assert.ok(sid);
  assert.equal(sid.httpOnly, true);
  assert.equal(sid.sameSite, 'Lax');
  assert.equal(sid.path, '/');
  assert.equal(sid.maxAge, 30 * 86400);
  assert.notEqual(sid.secure, true);
});

test('the session cookie is Secure when the public address is https', async () => {
  const s = await testApp({ PUBLIC_URL: 'https://cho.example.vn' });
  try {
    const u = await makeUser(s);
    const res = await new IpClient(s.app).form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
    const sid = (res.cookies as { name: string; secure?: boolean }[]).find((c) => c.name === 'sid');
    assert.equal(sid?.secure, true);
  } finally {
    await s.close();
  }
});

test('a wrong password, or an unknown account, gets the same message and no session', async () => {
  const u = await makeUser(t);
  const wrong = await new IpClient(t.app).form('/dang-nhap', {
    identifier: u.email!,
    password: 'sai-mat-khau-roi',
  });
  const unknown = await new IpClient(t.app).form('/dang-nhap', {
    identifier: 'khong-ai@example.vn',
    password: PASSWORD,
  });
  for (const res of [wrong, unknown]) {
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /Số điện thoại\/email hoặc mật khẩu không đúng/);
    assert.match(res.body, /class="error-summary"/);
    assert.ok(!(res.cookies as { name: string }[]).some((c) => c.name === 'sid'));
  }
  assert.match(wrong.body, new RegExp(`value="${u.email!.replace(/\./g, '\\.')}"`), 'the identifier is kept');
  const api = await new IpClient(t.app).json(
    'POST',
    '/api/v1/auth/signin',
    { identifier: u.email, password: 'sai' },
    { 'accept-language': 'en' },
  );
  assert.equal(api.statusCode, 401);
  assert.equal(api.json().error.code, 'invalid_credentials');
  assert.match(api.json().error.message, /The phone number\/e-mail or the password is not correct/);
});

test('after sign-in, go to next= when it is a local path, else home', async () => {
  const u = await makeUser(t);
  const cases: [string, string][] = [
    ['/tai-khoan/token', '/tai-khoan/token'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['', '/'],
  ];
  for (const [next, expected] of cases) {
    const res = await new IpClient(t.app).form('/dang-nhap', {
      identifier: u.email!,
      password: PASSWORD,
      next,
    });
    assert.equal(res.headers.location, expected, next);
  }
  const page = await new IpClient(t.app).get('/dang-nhap?next=%2Fthong-bao');
  assert.match(page.body, /name="next" value="\/thong-bao"/);
});

test('a protected page sends an anonymous visitor to sign in, and back afterwards', async () => {
  const u = await makeUser(t);
  const c = new IpClient(t.app);
  const res = await c.get('/tai-khoan/token');
  assert.equal(res.statusCode, 302);
  assert.equal(res.headers.location, '/dang-nhap?next=%2Ftai-khoan%2Ftoken');
  const signin = await c.form('/dang-nhap', {
    identifier: u.email!,
    password: PASSWORD,
    next: '/tai-khoan/token',
  });
  assert.equal(signin.headers.location, '/tai-khoan/token');
});

test('signing in drops the session the browser had before (no fixation)', async () => {
  const a = await makeUser(t);
  const b = await makeUser(t);
  const c = new IpClient(t.app);
  await c.form('/dang-nhap', { identifier: a.email!, password: PASSWORD });
  const first = c.cookies.get('sid')!;
  await c.form('/dang-nhap', { identifier: b.email!, password: PASSWORD });
  const second = c.cookies.get('sid')!;
  assert.notEqual(first, second);
  assert.equal(await sessionCount(a.id), 0, 'the earlier session is gone');
  const stale = await new IpClient(t.app).get('/api/v1/me', { cookie: `sid=${first}` });
  assert.equal(stale.statusCode, 401);
});

test('sign-out is a POST with a CSRF token; it deletes the session', async () => {
  const u = await makeUser(t);
  const c = new IpClient(t.app);
  await c.form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  const token = c.cookies.get('sid')!;
  const refused = await c.form('/dang-xuat', {}, { csrf: false });
  assert.equal(refused.statusCode, 403);
  assert.equal(await sessionCount(u.id), 1);
  const res = await c.form('/dang-xuat', {});
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/');
  assert.equal(await sessionCount(u.id), 0);
  assert.equal(c.cookies.get('sid'), undefined);
  const reuse = await new IpClient(t.app).get('/api/v1/me', { cookie: `sid=${token}` });
  assert.equal(reuse.statusCode, 401);
  const rows = await auditRows(t, 'auth.signout');
  assert.ok(rows.some((r) => r.actor_id === u.id));
});

test('API sign-in returns the user and sets the cookie; API sign-out ends it', async () => {
  const u = await makeUser(t, 'buyer', { phone: '0398765432' });
  const c = new IpClient(t.app);
  const res = await c.json('POST', '/api/v1/auth/signin', { identifier: '+84398765432', password: PASSWORD });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().user.id, u.id);
  assert.equal(res.json().user.phone, '0398765432');
  const sid = c.cookies.get('sid')!;
  const stored = await t.db.execute(sql`SELECT 1 FROM sessions WHERE id = ${sha256(sid)}`);
  assert.equal(stored.rows.length, 1, 'the table holds the SHA-256 of the cookie, not the cookie');
  assert.equal((await c.json('POST', '/api/v1/auth/signout', {})).statusCode, 204);
  assert.equal((await c.get('/api/v1/me')).statusCode, 401);
});

test('audit log: successful and failed sign-ins with who and from where', async () => {
  const u = await makeUser(t);
  const c = new IpClient(t.app, '10.9.8.7');
  await c.form('/dang-nhap', { identifier: u.email!, password: 'khong-dung-dau' });
  await c.form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  const ok = (await auditRows(t, 'auth.signin')).filter((r) => r.actor_id === u.id);
  assert.equal(ok.length, 1);
  assert.equal(ok[0].ip, '10.9.8.7');
  assert.equal(ok[0].subject_id, u.id);
  const failed = (await auditRows(t, 'auth.signin_failed')).filter((r) => r.actor_id === u.id);
  assert.equal(failed.length, 1);
  assert.deepEqual(failed[0].data, { why: 'password', failures: 1 });

  // A password typed into the identifier field is not written to the log.
  await c.form('/dang-nhap', { identifier: 'matkhau-bi-go-nham', password: 'x' });
  await c.form('/dang-nhap', { identifier: '+84 912 000 111', password: 'x' });
  const labels = await t.db.execute<{ actor_label: string }>(
    sql`SELECT actor_label FROM audit_log WHERE action = 'auth.signin_failed' AND actor_id IS NULL ORDER BY id`,
  );
  const logged = labels.rows.map((r) => r.actor_label);
  assert.ok(logged.includes('(invalid)'));
  assert.ok(logged.includes('0912000111'));
  assert.ok(!logged.includes('matkhau-bi-go-nham'));
});

test('a disabled account cannot sign in, and its sessions stop working', async () => {
  const u = await makeUser(t);
  const c = new IpClient(t.app);
  await c.form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  await t.db.execute(sql`UPDATE users SET disabled_at = now() WHERE id = ${u.id}`);
  assert.equal((await c.get('/api/v1/me')).statusCode, 401);
  const res = await new IpClient(t.app).form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /đã bị quản trị viên vô hiệu hóa/);
});
