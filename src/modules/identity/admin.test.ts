import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { createAdmin } from './service.js';
import { auditRows, IpClient, makeUser, PASSWORD, signedIn } from './test-support.js';

let t: TestApp;
before(async () => {
  t = await testApp({ TRUST_PROXY: 'true' });
});
after(() => t.close());

test('role matrix: anonymous, buyer, officer and admin on every account and admin route', async () => {
  const subject = await makeUser(t);
  const pages = {
    account: ['/tai-khoan', '/tai-khoan/token', '/thong-bao'],
    admin: [
      '/quan-tri',
      '/quan-tri/can-bo',
      `/quan-tri/nguoi-dung/${subject.id}`,
      `/quan-tri/nguoi-dung/${subject.id}/vai-tro`,
      `/quan-tri/nguoi-dung/${subject.id}/trang-thai`,
    ],
  };
  const apis = {
    account: ['/api/v1/me', '/api/v1/me/tokens', '/api/v1/me/notifications'],
    admin: ['/api/v1/admin/users', '/api/v1/admin/officers', `/api/v1/admin/users/${subject.id}`],
  };

  const anon = new IpClient(t.app);
  for (const p of [...pages.account, ...pages.admin]) {
    const res = await anon.get(p);
    assert.equal(res.statusCode, 302, p);
    assert.equal(res.headers.location, `/dang-nhap?next=${encodeURIComponent(p)}`);
  }
  for (const p of [...apis.account, ...apis.admin]) {
    const res = await anon.get(p);
    assert.equal(res.statusCode, 401, p);
    assert.equal(res.json().error.code, 'unauthorized');
  }
  const adminForms: [string, Record<string, string>][] = [
    ['/quan-tri/can-bo', { fullName: 'Cán Bộ Giả', email: 'gia@example.vn' }],
    [`/quan-tri/nguoi-dung/${subject.id}/vai-tro`, { role: 'admin', reason: 'tự nâng quyền' }],
    [`/quan-tri/nguoi-dung/${subject.id}/trang-thai`, { reason: 'phá' }],
  ];
  const adminApis: [string, Record<string, string>][] = [
    ['/api/v1/admin/officers', { fullName: 'Cán Bộ Giả', email: 'gia@example.vn' }],
    [`/api/v1/admin/users/${subject.id}/role`, { role: 'admin', reason: 'tự nâng quyền' }],
    [`/api/v1/admin/users/${subject.id}/disable`, { reason: 'phá' }],
    [`/api/v1/admin/users/${subject.id}/enable`, { reason: 'phá' }],
  ];
  for (const [url, fields] of adminForms) assert.equal((await anon.form(url, fields)).statusCode, 401, url);
  for (const [url, body] of adminApis)
    assert.equal((await anon.json('POST', url, body)).statusCode, 401, url);

  for (const role of ['buyer', 'officer'] as const) {
    const { c } = await signedIn(t, role);
    for (const p of pages.account) assert.equal((await c.get(p)).statusCode, 200, `${role} ${p}`);
    for (const p of apis.account) assert.equal((await c.get(p)).statusCode, 200, `${role} ${p}`);
    for (const p of pages.admin) {
      const res = await c.get(p);
      assert.equal(res.statusCode, 403, `${role} ${p}`);
      assert.match(res.body, /Bạn không có quyền thực hiện thao tác này/);
    }
    for (const p of apis.admin) assert.equal((await c.get(p)).statusCode, 403, `${role} ${p}`);
    for (const [url, fields] of adminForms)
      assert.equal((await c.form(url, fields)).statusCode, 403, `${role} ${url}`);
    for (const [url, body] of adminApis)
      assert.equal((await c.json('POST', url, body)).statusCode, 403, `${role} ${url}`);
  }
  const untouched = await t.db.execute<{ role: string; disabled_at: Date | null }>(
    sql`SELECT role, disabled_at FROM users WHERE id = ${subject.id}`,
  );
  assert.deepEqual(untouched.rows[0], { role: 'buyer', disabled_at: null });
  assert.equal((await t.db.execute(sql`SELECT 1 FROM users WHERE email = 'gia@example.vn'`)).rows.length, 0);

  const { c } = await signedIn(t, 'admin');
  for (const p of [...pages.account, ...pages.admin, ...apis.account, ...apis.admin]) {
    assert.equal((await c.get(p)).statusCode, 200, `admin ${p}`);
  }
  const nav = await c.get('/');
  assert.match(nav.body, /href="\/quan-tri"/);
  assert.match(nav.body, /href="\/thong-bao"/);
});

test('admin home lists users, searches name (accents ignored), e-mail and phone, and filters by role', async () => {
  await makeUser(t, 'buyer', { email: 'nguyen.van.tuan@example.vn', phone: '0911222333' }).then((u) =>
    t.db.execute(sql`UPDATE users SET full_name = 'Nguyễn Văn Tuấn' WHERE id = ${u.id}`),
  );
  await makeUser(t, 'officer', { email: 'can.bo.tim@example.vn' });
  const { c } = await signedIn(t, 'admin');
  const byName = await c.get('/quan-tri?q=nguyen+van+tuan');
  assert.match(byName.body, /Nguyễn Văn Tuấn/);
  const byPhone = await c.get('/quan-tri?q=0911+222');
  assert.match(byPhone.body, /Nguyễn Văn Tuấn/);
  const byEmail = await c.get('/quan-tri?q=CAN.BO.TIM');
  assert.match(byEmail.body, /can\.bo\.tim@example\.vn/);
  assert.doesNotMatch(byEmail.body, /Nguyễn Văn Tuấn/);
  const officers = await c.get('/api/v1/admin/users?role=officer');
  const roles = new Set(officers.json().items.map((u: { role: string }) => u.role));
  assert.deepEqual([...roles], ['officer']);
  const none = await c.get('/quan-tri?q=khong-ai-ten-nay');
  assert.match(none.body, /Không có người dùng nào khớp/);
  const likeChars = await c.get('/quan-tri?q=%25');
  assert.equal(likeChars.statusCode, 200);
  assert.match(likeChars.body, /Không có người dùng nào khớp/, '% is searched for literally');
});

test('an administrator creates an officer, who sets their own password from the mail and signs in', async () => {
  const { c, user: admin } = await signedIn(t, 'admin');
  const bad = await c.form('/quan-tri/can-bo', {
    fullName: 'Lê Cán Bộ',
    email: 'khong-hop-le',
    phone: '0212345678',
  });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Địa chỉ email không hợp lệ/);
  assert.match(bad.body, /Số điện thoại Việt Nam/);

  const before = t.mails.length;
  const res = await c.form('/quan-tri/can-bo', {
    fullName: 'Lê Cán Bộ',
    email: 'le.canbo@khanhhoa.gov.vn',
    phone: '',
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/quan-tri/can-bo?created=1');
  const list = await c.get('/quan-tri/can-bo?created=1');
  assert.match(list.body, /Đã tạo tài khoản cán bộ/);
  assert.match(list.body, /le\.canbo@khanhhoa\.gov\.vn/);

  await t.app.outbox.drain();
  const mail = t.mails.slice(before).find((m) => m.to === 'le.canbo@khanhhoa.gov.vn');
  assert.ok(mail);
  assert.match(mail.subject, /Tài khoản cán bộ/);
  const token = mail.text.match(/dat-lai-mat-khau\?token=([\w-]+)/)![1];
  const set = await new IpClient(t.app).form('/dat-lai-mat-khau', { token, password: 'can-bo-dat-mat-khau' });
  assert.equal(set.statusCode, 303);
  const officer = new IpClient(t.app);
  const signin = await officer.form('/dang-nhap', {
    identifier: 'le.canbo@khanhhoa.gov.vn',
    password: 'can-bo-dat-mat-khau',
  });
  assert.equal(signin.statusCode, 303);
  assert.equal((await officer.get('/api/v1/me')).json().role, 'officer');

  const rows = await auditRows(t, 'user.create_officer');
  assert.equal(rows.length, 1);
  assert.equal(rows[0].actor_id, admin.id);

  const dup = await c.json('POST', '/api/v1/admin/officers', {
    fullName: 'Trùng',
    email: 'LE.CANBO@khanhhoa.gov.vn',
  });
  assert.equal(dup.statusCode, 422);
  assert.match(dup.json().error.fields[0].message, /Email này đã được dùng/);
  const api = await c.json('POST', '/api/v1/admin/officers', {
    fullName: 'Phan Cán Bộ',
    email: 'phan.canbo@khanhhoa.gov.vn',
  });
  assert.equal(api.statusCode, 201);
  assert.equal(api.json().role, 'officer');
});

test('changing a role needs a reason and is audited with it', async () => {
  const subject = await makeUser(t);
  const { c, user: admin } = await signedIn(t, 'admin');
  const noReason = await c.form(`/quan-tri/nguoi-dung/${subject.id}/vai-tro`, {
    role: 'officer',
    reason: ' ',
  });
  assert.equal(noReason.statusCode, 422);
  assert.match(noReason.body, /Vui lòng nêu lý do/);

  const res = await c.form(`/quan-tri/nguoi-dung/${subject.id}/vai-tro`, {
    role: 'officer',
    reason: 'Chuyển công tác về Sở',
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/quan-tri/nguoi-dung/${subject.id}`);
  assert.match((await c.get(res.headers.location as string)).body, /Cán bộ/);

  const rows = (await auditRows(t, 'user.role_change')).filter((r) => r.subject_id === subject.id);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].actor_id, admin.id);
  assert.equal(rows[0].reason, 'Chuyển công tác về Sở');
  assert.deepEqual(rows[0].data, { from: 'buyer', to: 'officer' });

  const api = await c.json('POST', `/api/v1/admin/users/${subject.id}/role`, {
    role: 'buyer',
    reason: 'Nghỉ hưu',
  });
  assert.equal(api.statusCode, 200);
  assert.equal(api.json().role, 'buyer');
});

test('the new role applies to the user’s next request', async () => {
  const { c, user } = await signedIn(t);
  const admin = await signedIn(t, 'admin');
  assert.equal((await c.get('/quan-tri')).statusCode, 403);
  await admin.c.json('POST', `/api/v1/admin/users/${user.id}/role`, {
    role: 'admin',
    reason: 'Thêm quản trị viên',
  });
  assert.equal((await c.get('/quan-tri')).statusCode, 200);
});

test('disabling ends the user’s sessions and tokens and is audited; enabling lets them sign in again', async () => {
  const { c: victimBrowser, user } = await signedIn(t);
  const token = (
    await victimBrowser.json('POST', '/api/v1/me/tokens', { name: 't', scopes: ['read'] })
  ).json().token;
  const { c } = await signedIn(t, 'admin');
  const page = await c.get(`/quan-tri/nguoi-dung/${user.id}/trang-thai`);
  assert.match(page.body, /Vô hiệu hóa tài khoản/);
  const res = await c.form(`/quan-tri/nguoi-dung/${user.id}/trang-thai`, { reason: 'Gian lận đánh giá' });
  assert.equal(res.statusCode, 303);
  assert.equal((await victimBrowser.get('/api/v1/me')).statusCode, 401);
  assert.equal(
    (await new IpClient(t.app).get('/api/v1/me', { authorization: `Bearer ${token}` })).statusCode,
    401,
  );
  const signin = await new IpClient(t.app).form('/dang-nhap', {
    identifier: user.email!,
    password: PASSWORD,
  });
  assert.equal(signin.statusCode, 403);
  const rows = (await auditRows(t, 'user.disable')).filter((r) => r.subject_id === user.id);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].reason, 'Gian lận đánh giá');

  const enable = await c.json('POST', `/api/v1/admin/users/${user.id}/enable`, { reason: 'Đã xác minh lại' });
  assert.equal(enable.statusCode, 200);
  assert.equal(enable.json().disabledAt, null);
  const again = await new IpClient(t.app).form('/dang-nhap', { identifier: user.email!, password: PASSWORD });
  assert.equal(again.statusCode, 303);
});

test('an administrator cannot demote or disable themselves', async () => {
  const { c, user } = await signedIn(t, 'admin');
  const page = await c.get(`/quan-tri/nguoi-dung/${user.id}`);
  assert.match(page.body, /không thể tự đổi vai trò/);
  const res = await c.form(`/quan-tri/nguoi-dung/${user.id}/vai-tro`, { role: 'buyer', reason: 'thử' });
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /không thể tự đổi vai trò/);
  const api = await c.json('POST', `/api/v1/admin/users/${user.id}/disable`, { reason: 'thử' });
  assert.equal(api.statusCode, 409);
  assert.equal((await c.get('/api/v1/me')).json().role, 'admin');
});

test('unknown users are 404; malformed ids are refused', async () => {
  const { c } = await signedIn(t, 'admin');
  assert.equal((await c.get('/quan-tri/nguoi-dung/0190f3c4-0000-7000-8000-000000000000')).statusCode, 404);
  assert.equal((await c.get('/api/v1/admin/users/khong-phai-uuid')).statusCode, 422);
});

test('the first administrator from the command line: the sign-up rules apply, and it is audited', async () => {
  await assert.rejects(
    createAdmin(t.db, { email: 'khong-hop-le', fullName: 'Quản Trị', password: 'ngan' }),
    /email: Enter an e-mail address like name@example.vn\.\npassword: Enter at least 10 characters\./,
  );
  const u = await createAdmin(t.db, {
    email: 'Quan.Tri@KhanhHoa.gov.vn',
    fullName: 'Quản Trị Đầu Tiên',
    password: 'mat-khau-quan-tri-1',
  });
  assert.equal(u.role, 'admin');
  assert.equal(u.email, 'quan.tri@khanhhoa.gov.vn');
  assert.ok((await auditRows(t, 'user.create_admin')).some((r) => r.subject_id === u.id));
  const c = new IpClient(t.app);
  await c.form('/dang-nhap', { identifier: 'quan.tri@khanhhoa.gov.vn', password: 'mat-khau-quan-tri-1' });
  assert.equal((await c.get('/quan-tri')).statusCode, 200);
});

test('the OpenAPI document lists the identity and notification API', async () => {
  const doc = (await new IpClient(t.app).get('/api/docs/json')).json();
  for (const p of [
    '/api/v1/auth/signup',
    '/api/v1/auth/signin',
    '/api/v1/auth/signout',
    '/api/v1/auth/password/forgot',
    '/api/v1/auth/password/reset',
    '/api/v1/me',
    '/api/v1/me/tokens',
    '/api/v1/me/tokens/{id}',
    '/api/v1/me/notifications',
    '/api/v1/me/notifications/read',
    '/api/v1/admin/users',
    '/api/v1/admin/officers',
    '/api/v1/admin/users/{id}/role',
  ]) {
    assert.ok(doc.paths[p], p);
  }
  assert.ok(
    !Object.keys(doc.paths).some((p: string) => p.startsWith('/dang-nhap')),
    'pages are not in the API document',
  );
});
