import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { sha256 } from './auth.js';
import { IpClient, signedIn } from './test-support.js';

let t: TestApp;
before(async () => {
  t = await testApp({ TRUST_PROXY: 'true' });
});
after(() => t.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Creates a token through the page and reads it from the answer, as a person would copy it. */
async function createOnPage(c: IpClient, fields: Record<string, string | string[]>) {
  const res = await c.form('/tai-khoan/token', fields);
  const m = res.body.match(/<code>(tmdt_[\w-]+)<\/code>/);
  return { res, token: m?.[1] };
}

test('a token is shown once on creation, then listed only by its prefix', async () => {
  const { c } = await signedIn(t);
  const { res, token } = await createOnPage(c, {
    name: 'Phần mềm kho',
    scopes: ['read'],
    expiresInDays: '90',
  });
  assert.equal(res.statusCode, 201);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.ok(token, 'the secret is in the answer');
  assert.match(res.body, /đây là lần duy nhất mã được hiển thị/);

  const list = await c.get('/tai-khoan/token');
  assert.equal(list.statusCode, 200);
  assert.ok(!list.body.includes(token), 'never shown again');
  assert.ok(list.body.includes(token.slice(0, 11)), 'the prefix is listed');
  assert.match(list.body, /Phần mềm kho/);

  const stored = await t.db.execute<{ token_hash: string; expires_at: Date }>(
    sql`SELECT token_hash, expires_at FROM api_tokens WHERE prefix = ${token.slice(0, 11)}`,
  );
  assert.equal(stored.rows[0].token_hash, sha256(token), 'only the SHA-256 is stored');
  const days = (new Date(stored.rows[0].expires_at).getTime() - Date.now()) / 86400_000;
  assert.ok(days > 89 && days <= 90);
});

test('a token works as Bearer on /api/v1/me, records its last use, and gets 401 once revoked', async () => {
  const { c, user } = await signedIn(t);
  const { token } = await createOnPage(c, { name: 'Kế toán', scopes: ['read'] });
  const me = await new IpClient(t.app).get('/api/v1/me', bearer(token!));
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().id, user.id);
  assert.equal(me.json().via, 'token');
  assert.deepEqual(me.json().scopes, ['read']);
  const list = await c.get('/api/v1/me/tokens');
  const listed = list.json().items.find((k: { name: string }) => k.name === 'Kế toán');
  assert.ok(listed.lastUsedAt, 'last use recorded');
  assert.equal(listed.token, undefined);

  const account = await c.get('/tai-khoan');
  assert.match(account.body, /Kế toán/, 'the account page lists active tokens');
  assert.ok(account.body.includes(listed.prefix));

  const revoke = await c.form(`/tai-khoan/token/${listed.id}/thu-hoi`, {});
  assert.equal(revoke.statusCode, 303);
  const after = await new IpClient(t.app).get('/api/v1/me', bearer(token!));
  assert.equal(after.statusCode, 401);
  assert.equal(after.json().error.code, 'unauthorized');
  assert.doesNotMatch((await c.get('/tai-khoan')).body, /Kế toán/, 'revoked tokens leave the account page');
});

test('requireRole refuses a token without the scope (403), even when the role would allow it', async () => {
  const { c } = await signedIn(t);
  const { token } = await createOnPage(c, { name: 'Chỉ bán hàng', scopes: ['seller:write'] });
  const res = await new IpClient(t.app).get('/api/v1/me/notifications', bearer(token!));
  assert.equal(res.statusCode, 403);
  assert.match(res.json().error.message, /không có phạm vi cho thao tác này/);
  const withRead = await createOnPage(c, { name: 'Đọc', scopes: ['read'] });
  assert.equal(
    (await new IpClient(t.app).get('/api/v1/me/notifications', bearer(withRead.token!))).statusCode,
    200,
  );

  const admin = await signedIn(t, 'admin');
  const noAdminScope = await createOnPage(admin.c, { name: 'Đọc thôi', scopes: ['read'] });
  assert.equal(
    (await new IpClient(t.app).get('/api/v1/admin/users', bearer(noAdminScope.token!))).statusCode,
    403,
  );
  const adminScope = await createOnPage(admin.c, { name: 'Quản trị', scopes: ['admin'] });
  assert.equal(
    (await new IpClient(t.app).get('/api/v1/admin/users', bearer(adminScope.token!))).statusCode,
    200,
  );
});

test('a token cannot carry a scope beyond the user’s role', async () => {
  const buyer = await signedIn(t);
  const page = await buyer.c.get('/tai-khoan/token');
  assert.doesNotMatch(page.body, /value="officer:write"/, 'not even offered');
  const { res, token } = await createOnPage(buyer.c, {
    name: 'Leo thang',
    scopes: ['read', 'officer:write'],
  });
  assert.equal(res.statusCode, 422);
  assert.equal(token, undefined);
  assert.match(res.body, /Bạn chỉ có thể cấp những phạm vi quyền mà vai trò của bạn có/);
  const api = await buyer.c.json('POST', '/api/v1/me/tokens', { name: 'x', scopes: ['admin'] });
  assert.equal(api.statusCode, 422);

  const officer = await signedIn(t, 'officer');
  const ok = await createOnPage(officer.c, { name: 'Nghiệp vụ', scopes: ['officer:write'] });
  assert.equal(ok.res.statusCode, 201);
  const tooMuch = await officer.c.json('POST', '/api/v1/me/tokens', { name: 'y', scopes: ['admin'] });
  assert.equal(tooMuch.statusCode, 422);
});

test('a buyer may grant buyer:write (the cart, checkouts, own orders through the API); an officer may not', async () => {
  const buyer = await signedIn(t);
  const writer = await createOnPage(buyer.c, { name: 'Ứng dụng mua hàng', scopes: ['buyer:write'] });
  assert.equal(writer.res.statusCode, 201);
  const reader = await createOnPage(buyer.c, { name: 'Chỉ xem', scopes: ['read'] });
  const api = new IpClient(t.app);
  const line = `/api/v1/cart/items/${randomUUID()}`;
  assert.equal((await api.get('/api/v1/cart', bearer(reader.token!))).statusCode, 200);
  assert.equal((await api.json('DELETE', line, undefined, bearer(reader.token!))).statusCode, 403);
  assert.equal((await api.json('DELETE', line, undefined, bearer(writer.token!))).statusCode, 200);

  const officer = await signedIn(t, 'officer');
  assert.doesNotMatch((await officer.c.get('/tai-khoan/token')).body, /value="buyer:write"/);
  const refused = await createOnPage(officer.c, { name: 'Mua', scopes: ['buyer:write'] });
  assert.equal(refused.res.statusCode, 422);
});

test('the token form needs a name and at least one scope; expiry is optional', async () => {
  const { c } = await signedIn(t);
  const { res } = await createOnPage(c, { name: '', expiresInDays: '' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /href="#f-name"/);
  assert.match(res.body, /Chọn ít nhất một phạm vi quyền/);
  const bad = await c.json('POST', '/api/v1/me/tokens', { name: 'z', scopes: ['read'], expiresInDays: 0 });
  assert.equal(bad.statusCode, 422);
});

test('API: create (secret once), list, revoke; a token cannot mint tokens; an expired token is refused', async () => {
  const { c } = await signedIn(t);
  const created = await c.json('POST', '/api/v1/me/tokens', {
    name: 'Tích hợp',
    scopes: ['read'],
    expiresInDays: 30,
  });
  assert.equal(created.statusCode, 201);
  const { token, id, prefix } = created.json();
  assert.match(token, /^tmdt_[\w-]{30,}$/);
  assert.equal(prefix, token.slice(0, 11));

  const list = await new IpClient(t.app).get('/api/v1/me/tokens', bearer(token));
  assert.equal(list.statusCode, 200);
  assert.ok(list.json().items.some((k: { id: string }) => k.id === id));

  const mint = await new IpClient(t.app).json(
    'POST',
    '/api/v1/me/tokens',
    { name: 'con', scopes: ['read'] },
    bearer(token),
  );
  assert.equal(mint.statusCode, 403);

  await t.db.execute(sql`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = ${id}`);
  assert.equal((await new IpClient(t.app).get('/api/v1/me', bearer(token))).statusCode, 401);

  const del = await c.json('DELETE', `/api/v1/me/tokens/${id}`);
  assert.equal(del.statusCode, 204);
  const revoked = (await c.get('/api/v1/me/tokens')).json().items.find((k: { id: string }) => k.id === id);
  assert.ok(revoked.revokedAt);
});

test('one cannot revoke someone else’s token', async () => {
  const a = await signedIn(t);
  const b = await signedIn(t);
  const created = await a.c.json('POST', '/api/v1/me/tokens', { name: 'Của A', scopes: ['read'] });
  const res = await b.c.json('DELETE', `/api/v1/me/tokens/${created.json().id}`);
  assert.equal(res.statusCode, 404);
  assert.equal((await new IpClient(t.app).get('/api/v1/me', bearer(created.json().token))).statusCode, 200);
});

test('a made-up or malformed bearer token is 401', async () => {
  for (const token of ['tmdt_khongcothat', 'abc', '']) {
    const res = await new IpClient(t.app).get('/api/v1/me', bearer(token));
    assert.equal(res.statusCode, 401, token);
  }
});
