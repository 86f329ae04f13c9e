import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { auditRows, IpClient, makeUser, PASSWORD } from './test-support.js';

let t: TestApp;
before(async () => {
  t = await testApp({ LOGIN_MAX_FAILURES: '3', LOCKOUT_MINUTES: '15', TRUST_PROXY: 'true' });
});
after(() => t.close());

const state = async (id: string) =>
  (
    await t.db.execute<{ failed_signins: number; locked_until: Date | null }>(
      sql`SELECT failed_signins, locked_until FROM users WHERE id = ${id}`,
    )
  ).rows[0];

test('three wrong passwords in a row lock the account; even the right password is then refused', async () => {
  const u = await makeUser(t);
  const c = new IpClient(t.app);
  for (let i = 1; i <= 2; i++) {
    const res = await c.form('/dang-nhap', { identifier: u.email!, password: `sai-lan-thu-${i}!!` });
    assert.equal(res.statusCode, 401);
    assert.equal((await state(u.id)).failed_signins, i);
  }
  const third = await c.form('/dang-nhap', { identifier: u.email!, password: 'sai-lan-thu-3!!' });
  assert.equal(third.statusCode, 423);
  assert.match(
    third.body,
    /Tài khoản tạm thời bị khóa vì đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/,
  );
  const s = await state(u.id);
  assert.ok(s.locked_until);
  const minutes = (new Date(s.locked_until).getTime() - Date.now()) / 60_000;
  assert.ok(minutes > 14 && minutes <= 15, `locked for ${minutes} minutes`);

  const right = await c.form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  assert.equal(right.statusCode, 423, 'the right password is refused while locked');
  assert.equal(c.cookies.get('sid'), undefined);

  const api = await new IpClient(t.app).json(
    'POST',
    '/api/v1/auth/signin',
    { identifier: u.email, password: PASSWORD },
    { 'accept-language': 'en' },
  );
  assert.equal(api.statusCode, 423);
  assert.equal(api.json().error.code, 'account_locked');
  assert.match(
    api.json().error.message,
    /locked for now after too many failed sign-ins\. Please try again after \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}/,
  );

  const locked = (await auditRows(t, 'auth.locked')).filter((r) => r.subject_id === u.id);
  assert.equal(locked.length, 1);
});

test('once the lock has passed, the right password works and resets the count', async () => {
  const u = await makeUser(t);
  const c = new IpClient(t.app);
  for (let i = 0; i < 3; i++)
    await c.form('/dang-nhap', { identifier: u.email!, password: 'sai-mat-khau-nhe' });
  await t.db.execute(sql`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = ${u.id}`);
  const res = await c.form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
  assert.equal(res.statusCode, 303);
  const s = await state(u.id);
  assert.equal(s.failed_signins, 0);
  assert.equal(s.locked_until, null);
});

test('a success resets the count: failures must be in a row to lock', async () => {
  const u = await makeUser(t);
  const c = new IpClient(t.app);
  for (let round = 0; round < 2; round++) {
    await c.form('/dang-nhap', { identifier: u.email!, password: 'sai-mat-khau-mot' });
    await c.form('/dang-nhap', { identifier: u.email!, password: 'sai-mat-khau-hai' });
    const ok = await c.form('/dang-nhap', { identifier: u.email!, password: PASSWORD });
    assert.equal(ok.statusCode, 303, `round ${round}`);
    assert.equal((await state(u.id)).failed_signins, 0);
  }
});
