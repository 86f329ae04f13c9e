import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, type TestApp, testApp } from '../../../test/helpers.js';
import { addMessages } from '../../platform/http/i18n.js';
import { createSession, createUser } from '../identity/index.js';
import { notify } from './index.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

addMessages({
  vi: {
    'test.notice.title': 'Hồ sơ {shop} đã được duyệt',
    'test.notice.body': 'Gian hàng {shop} đã mở bán.',
  },
  en: { 'test.notice.title': 'Application {shop} approved', 'test.notice.body': 'Shop {shop} is open.' },
});

let n = 0;
/** A signed-in browser for a new user (session made directly: this file tests notifications, not sign-in). */
async function userClient(locale = 'vi') {
  n += 1;
  const user = await createUser(t.db, {
    email: `nhan${n}@example.vn`,
    fullName: `Người Nhận ${n}`,
    password: 'mat-khau-du-dai-1',
    locale,
  });
  const { token } = await createSession(t.db, user.id, {});
  const c = new Client(t.app);
  c.cookies.set('sid', token);
  return { c, user };
}

const notice = (shop: string) => ({
  titleKey: 'test.notice.title',
  bodyKey: 'test.notice.body',
  params: { shop },
  link: '/kenh-ban-hang',
});

test('the list shows the user’s notices, newest first, marks the unread ones, and mark-all-read clears them', async () => {
  const { c, user } = await userClient();
  const other = await userClient();
  await notify(t.db, [user.id], notice('Trà Ô Long'), 'http://x');
  await notify(t.db, [user.id], notice('Yến Sào'), 'http://x');
  await notify(t.db, [other.user.id], notice('Không Phải Của Bạn'), 'http://x');

  const page = await c.get('/thong-bao');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /2 thông báo chưa đọc/);
  assert.ok(page.body.indexOf('Yến Sào') < page.body.indexOf('Trà Ô Long'), 'newest first');
  assert.doesNotMatch(page.body, /Không Phải Của Bạn/);
  assert.match(page.body, /href="\/kenh-ban-hang"/);

  const refused = await c.form('/thong-bao/da-doc', {}, { csrf: false });
  assert.equal(refused.statusCode, 403);
  const res = await c.form('/thong-bao/da-doc', {});
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/thong-bao');
  const afterwards = await c.get('/thong-bao');
  assert.doesNotMatch(afterwards.body, /chưa đọc/);
  assert.match(afterwards.body, /Yến Sào/, 'read notices stay in the list');
  assert.match(
    (await other.c.get('/api/v1/me/notifications')).body,
    /"unread":1/,
    'another user’s are untouched',
  );
});

test('notices are written in the recipient’s language and also mailed', async () => {
  const { c, user } = await userClient('en');
  const before = t.mails.length;
  await notify(t.db, [user.id], notice('Nha Trang Fish Sauce'), 'http://cho.example.vn');
  const api = await c.get('/api/v1/me/notifications');
  assert.equal(api.statusCode, 200);
  assert.equal(api.json().unread, 1);
  assert.equal(api.json().items[0].title, 'Application Nha Trang Fish Sauce approved');
  await t.app.outbox.drain();
  const mail = t.mails.slice(before).find((m) => m.to === user.email);
  assert.ok(mail);
  assert.match(mail.text, /Dear Người Nhận/);
  assert.match(mail.text, /http:\/\/cho\.example\.vn\/kenh-ban-hang/);

  const read = await c.json('POST', '/api/v1/me/notifications/read', {});
  assert.equal(read.statusCode, 204);
  assert.equal((await c.get('/api/v1/me/notifications')).json().unread, 0);
});

test('an empty list says so; anonymous visitors are sent to sign in', async () => {
  const { c } = await userClient();
  assert.match((await c.get('/thong-bao')).body, /Bạn chưa có thông báo nào/);
  const anon = await new Client(t.app).get('/thong-bao');
  assert.equal(anon.statusCode, 302);
  assert.equal(anon.headers.location, '/dang-nhap?next=%2Fthong-bao');
  assert.equal((await new Client(t.app).get('/api/v1/me/notifications')).statusCode, 401);
});

test('notice text is escaped and off-site links are not followed', async () => {
  const { c, user } = await userClient();
  await notify(
    t.db,
    [user.id],
    { ...notice('<script>alert(1)</script>'), link: '//evil.example' },
    'http://x',
  );
  const page = await c.get('/thong-bao');
  assert.doesNotMatch(page.body, /<script>alert/);
  assert.match(page.body, /Hồ sơ &lt;script>alert\(1\)&lt;\/script> đã được duyệt/);
  assert.doesNotMatch(page.body, /evil\.example/);
});
