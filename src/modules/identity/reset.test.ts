import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { sha256 } from './auth.js';
import { auditRows, IpClient, makeUser, PASSWORD } from './test-support.js';

let t: TestApp;
before(async () => {
  t = await testApp({ TRUST_PROXY: 'true', PUBLIC_URL: 'http://cho.example.vn' });
});
after(() => t.close());

const NEW_PASSWORD = 'mat-khau-moi-that-dai';

/** Asks for a reset link and returns the token from the mail sent to `email`. */
async function requestLink(identifier: string, email: string): Promise<string> {
  const before = t.mails.length;
  const res = await new IpClient(t.app).form('/quen-mat-khau', { identifier });
  assert.equal(res.statusCode, 303);
  await t.app.outbox.drain();
  const mail = t.mails.slice(before).find((m) => m.to === email);
  assert.ok(mail, `a mail to ${email}`);
  const m = mail.text.match(/http:\/\/cho\.example\.vn\/dat-lai-mat-khau\?token=([\w-]+)/);
  assert.ok(m, 'the mail holds the reset link');
  return m[1];
}

test('forgot password: the same answer whether or not the account exists; a mail only when it does', async () => {
  const u = await makeUser(t);
  const known = await new IpClient(t.app).form('/quen-mat-khau', { identifier: u.email! });
  const unknown = await new IpClient(t.app).form('/quen-mat-khau', { identifier: 'khong-co-ai@example.vn' });
  assert.equal(known.statusCode, 303);
  assert.equal(unknown.statusCode, 303);
  assert.equal(known.headers.location, unknown.headers.location);
  const page = await new IpClient(t.app).get(known.headers.location as string);
  assert.match(page.body, /Nếu thông tin bạn nhập khớp với một tài khoản có email/);

  const before = t.mails.length;
  await t.app.outbox.drain();
  const sent = t.mails.slice(before);
  assert.equal(sent.length, 1);
  assert.equal(sent[0].to, u.email);
  assert.match(sent[0].subject, /Đặt lại mật khẩu/);
  assert.match(sent[0].text, /trong vòng 1 giờ/);

  const apiKnown = await new IpClient(t.app).json('POST', '/api/v1/auth/password/forgot', {
    identifier: u.email,
  });
  const apiUnknown = await new IpClient(t.app).json('POST', '/api/v1/auth/password/forgot', {
    identifier: '0999999999',
  });
  assert.equal(apiKnown.statusCode, 202);
  assert.deepEqual(apiKnown.json(), apiUnknown.json());
});

test('the token is stored hashed, not in clear', async () => {
  const u = await makeUser(t);
  const token = await requestLink(u.email!, u.email!);
  const clear = await t.db.execute(sql`SELECT 1 FROM password_resets WHERE token_hash = ${token}`);
  const hashed = await t.db.execute(sql`SELECT 1 FROM password_resets WHERE token_hash = ${sha256(token)}`);
  assert.equal(clear.rows.length, 0);
  assert.equal(hashed.rows.length, 1);
});

test('reset end to end: new password works, old does not, other sessions end, link is single-use', async () => {
  const u = await makeUser(t, 'buyer', { phone: '0861112233' });
  const other = new IpClient(t.app);
  await other.form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  assert.equal((await other.get('/api/v1/me')).statusCode, 200);

  // Asked for by phone: the link goes to the account's e-mail.
  const token = await requestLink('0861 112 233', u.email!);
  const c = new IpClient(t.app);
  const form = await c.get(`/dat-lai-mat-khau?token=${token}`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, new RegExp(`name="token" value="${token}"`));
  assert.equal(form.headers['referrer-policy'], 'no-referrer');

  const tooShort = await c.form('/dat-lai-mat-khau', { token, password: 'ngan' });
  assert.equal(tooShort.statusCode, 422);
  assert.match(tooShort.body, /Cần ít nhất 10 ký tự/);
  const ownPhone = await c.form('/dat-lai-mat-khau', { token, password: '0861112233' });
  assert.equal(ownPhone.statusCode, 422, 'the account’s own phone is refused');

  const done = await c.form('/dat-lai-mat-khau', { token, password: NEW_PASSWORD });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/dang-nhap?reset=1');
  assert.match((await c.get('/dang-nhap?reset=1')).body, /Đã đặt lại mật khẩu/);

  assert.equal((await other.get('/api/v1/me')).statusCode, 401, 'the other session was signed out');
  const old = await new IpClient(t.app).form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  assert.equal(old.statusCode, 401);
  const fresh = await new IpClient(t.app).form('/dang-nhap', {
    identifier: u.email!,
    password: NEW_PASSWORD,
  });
  assert.equal(fresh.statusCode, 303);

  const again = await new IpClient(t.app).form('/dat-lai-mat-khau', {
    token,
    password: 'lai-mot-mat-khau-khac',
  });
  assert.equal(again.statusCode, 410);
  assert.match(again.body, /Liên kết đặt lại mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn/);
  assert.equal((await new IpClient(t.app).get(`/dat-lai-mat-khau?token=${token}`)).statusCode, 410);

  const audited = (await auditRows(t, 'auth.password_reset')).filter((r) => r.subject_id === u.id);
  assert.equal(audited.length, 1);
});

test('an expired link is refused, on the page and through the API', async () => {
  const u = await makeUser(t);
  const token = await requestLink(u.email!, u.email!);
  await t.db.execute(
    sql`UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE token_hash = ${sha256(token)}`,
  );
  assert.equal((await new IpClient(t.app).get(`/dat-lai-mat-khau?token=${token}`)).statusCode, 410);
  const api = await new IpClient(t.app).json('POST', '/api/v1/auth/password/reset', {
    token,
    password: NEW_PASSWORD,
  });
  assert.equal(api.statusCode, 410);
  assert.equal(api.json().error.code, 'reset_link_invalid');
  const still = await new IpClient(t.app).form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  assert.equal(still.statusCode, 303, 'the password did not change');
});

test('links expire after one hour', async () => {
  const u = await makeUser(t);
  const token = await requestLink(u.email!, u.email!);
  const r = await t.db.execute<{ minutes: number }>(
    sql`SELECT extract(epoch FROM expires_at - created_at) / 60 AS minutes FROM password_resets WHERE token_hash = ${sha256(token)}`,
  );
  assert.equal(Math.round(Number(r.rows[0].minutes)), 60);
});

test('API reset works once and lifts a lock-out', async () => {
  const u = await makeUser(t);
  await t.db.execute(
    sql`UPDATE users SET locked_until = now() + interval '10 minutes', failed_signins = 0 WHERE id = ${u.id}`,
  );
  const token = await requestLink(u.email!, u.email!);
  const res = await new IpClient(t.app).json('POST', '/api/v1/auth/password/reset', {
    token,
    password: NEW_PASSWORD,
  });
  assert.equal(res.statusCode, 204);
  const again = await new IpClient(t.app).json('POST', '/api/v1/auth/password/reset', {
    token,
    password: NEW_PASSWORD,
  });
  assert.equal(again.statusCode, 410);
  const signin = await new IpClient(t.app).json('POST', '/api/v1/auth/signin', {
    identifier: u.email,
    password: NEW_PASSWORD,
  });
  assert.equal(signin.statusCode, 200);
});

test('a phone-only account gets no mail, and the answer does not say so', async () => {
  await makeUser(t, 'buyer', { phone: '0823456789' });
  await t.db.execute(sql`UPDATE users SET email = NULL WHERE phone = '0823456789'`);
  const before = t.mails.length;
  const res = await new IpClient(t.app).form('/quen-mat-khau', { identifier: '0823456789' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/quen-mat-khau?sent=1');
  await t.app.outbox.drain();
  assert.equal(t.mails.length, before);
});
