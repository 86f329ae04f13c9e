import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditsOf, type Client, signedIn, type TestApp, testApp } from '../../../../test/helpers.js';
import { sellerRow, sellerWithOwner } from './test-fixtures.js';
import { startTestIdp, type TestIdp } from './test-idp.js';
import { normalizeName } from './verifier.js';

const PUBLIC_URL = 'http://localhost:3999';
const CALLBACK = `${PUBLIC_URL}/kenh-ban-hang/xac-thuc/vneid/callback`;

let idp: TestIdp;
let t: TestApp;

before(async () => {
  idp = await startTestIdp(CALLBACK, {
    // The same person as the application's representative, written the way VNeID writes it.
    'vneid-dao': { name: 'NGUYỄN THỊ HỒNG ĐÀO', personal_id: '056190001234' },
    // Someone else (another citizen ID) signing in to VNeID.
    'vneid-other': { name: 'Nguyễn Thị Hồng Đào', personal_id: '056190009999' },
    // The representative's number under another name.
    'vneid-renamed': { name: 'Trần Văn Bình', personal_id: '056190001234' },
    // A provider that names the claim citizen_id.
    'vneid-cccd': { name: 'nguyen thi hong dao', citizen_id: '056190001234' },
  });
  t = await testApp({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    PUBLIC_URL,
  });
});
after(async () => {
  await t.close();
  await idp.close();
});

/** Starts the check from the seller centre and returns the provider's authorization URL. */
async function start(c: Client, sellerId: string): Promise<URL> {
  const res = await c.get(`/kenh-ban-hang/xac-thuc/vneid?seller=${sellerId}`);
  assert.equal(res.statusCode, 302, res.body);
  const url = new URL(String(res.headers.location));
  assert.ok(url.href.startsWith(idp.issuer), url.href);
  return url;
}

/** The app's callback, reached the way the browser would with what the provider sent back. */
const callback = (c: Client, back: URL) => c.get(`${back.pathname}${back.search}`);

test('names compare without case, accents or extra spaces', () => {
  assert.equal(normalizeName('  NGUYỄN  Thị Hồng ĐÀO '), normalizeName('nguyen thi hong dao'));
  assert.notEqual(normalizeName('Nguyễn Thị Hồng Đào'), normalizeName('Nguyễn Thị Hồng Đan'));
});

test('the representative in person: verified through VNeID, nothing but the evidence stored', async () => {
  const { seller, owner } = await sellerWithOwner(t);
  const c = owner.client;
  const page = await c.get(`/kenh-ban-hang/xac-thuc?seller=${seller.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Chưa xác thực/);
  assert.match(page.body, /Xác thực qua VNeID/);

  const authUrl = await start(c, seller.id);
  const q = authUrl.searchParams;
  assert.equal(q.get('redirect_uri'), CALLBACK);
  assert.equal(q.get('code_challenge_method'), 'S256');
  assert.ok(q.get('code_challenge') && q.get('state') && q.get('nonce'));
  assert.ok(c.cookies.has('vneid_flow'), 'the flow is kept in a cookie, not in the process');

  const back = await idp.authorize(authUrl.href, 'vneid-dao');
  assert.ok(back.searchParams.get('code'));
  const res = await callback(c, back);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/kenh-ban-hang/xac-thuc?seller=${seller.id}&result=ok`);
  assert.ok(!c.cookies.has('vneid_flow'), 'the flow cookie is used once');

  const s = await sellerRow(t, seller.id);
  assert.equal(s.verificationMethod, 'oidc');
  assert.ok(s.verifiedAt);
  assert.deepEqual(Object.keys(s.verification ?? {}).sort(), ['issuer', 'name', 'subject', 'verifiedAt']);
  assert.equal(s.verification?.issuer, idp.issuer);
  assert.equal(s.verification?.subject, 'vneid-dao');
  assert.equal(s.verification?.name, 'NGUYỄN THỊ HỒNG ĐÀO');
  assert.equal((await auditsOf(t, seller.id, 'seller.verification.oidc')).length, 1);

  const done = await c.get(String(res.headers.location));
  assert.match(done.body, /Xác thực thành công/);
  assert.match(done.body, /Đã xác thực qua VNeID ngày \d{2}\/\d{2}\/\d{4}/);
  assert.doesNotMatch(done.body, /href="\/kenh-ban-hang\/xac-thuc\/vneid/, 'no button once verified');

  const api = await c.json('GET', `/api/v1/seller/verification?seller=${seller.id}`);
  assert.equal(api.statusCode, 200);
  assert.equal(api.json().method, 'oidc');
  assert.equal(api.json().vneid, true);

  // Verified through VNeID: nothing to start again.
  const again = await c.get(`/kenh-ban-hang/xac-thuc/vneid?seller=${seller.id}`);
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /đã được xác thực/);
});

test('someone else signing in to VNeID: refused, nothing stored, a security event kept', async () => {
  const { seller, owner } = await sellerWithOwner(t);
  const c = owner.client;
  const back = await idp.authorize((await start(c, seller.id)).href, 'vneid-other');
  const res = await callback(c, back);
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), /result=mismatch/);

  const s = await sellerRow(t, seller.id);
  assert.equal(s.verificationMethod, null);
  assert.equal(s.verifiedAt, null);
  assert.equal(s.verification, null);
  const [event] = await auditsOf(t, seller.id, 'seller.verification.oidc_refused');
  assert.equal(event.reason, 'mismatch');
  assert.equal(event.actorId, owner.user.id);
  assert.deepEqual((event.data as { mismatched: string[] }).mismatched, ['citizen_id']);
  assert.doesNotMatch(JSON.stringify(event.data), /056190009999/, 'the other person’s number is not kept');

  const page = await c.get(String(res.headers.location));
  assert.match(page.body, /số định danh cá nhân hoặc họ tên trên VNeID không khớp với người đại diện/);
  assert.match(page.body, /Chưa xác thực/);
  c.lang = 'en';
  const en = await c.get(String(res.headers.location));
  assert.match(en.body, /does not match the representative/);
});

test('the name must match too; a citizen_id claim is read like personal_id', async () => {
  const renamed = await sellerWithOwner(t);
  const res = await callback(
    renamed.owner.client,
    await idp.authorize((await start(renamed.owner.client, renamed.seller.id)).href, 'vneid-renamed'),
  );
  assert.match(String(res.headers.location), /result=mismatch/);
  const [event] = await auditsOf(t, renamed.seller.id, 'seller.verification.oidc_refused');
  assert.deepEqual((event.data as { mismatched: string[] }).mismatched, ['name']);
  assert.equal((await sellerRow(t, renamed.seller.id)).verificationMethod, null);

  const cccd = await sellerWithOwner(t);
  const ok = await callback(
    cccd.owner.client,
    await idp.authorize((await start(cccd.owner.client, cccd.seller.id)).href, 'vneid-cccd'),
  );
  assert.match(String(ok.headers.location), /result=ok/);
  assert.equal((await sellerRow(t, cccd.seller.id)).verificationMethod, 'oidc');
});

test('a tampered state is refused before the code is used', async () => {
  const { seller, owner } = await sellerWithOwner(t);
  const c = owner.client;
  const back = await idp.authorize((await start(c, seller.id)).href, 'vneid-dao');
  back.searchParams.set('state', `${back.searchParams.get('state')}x`);
  const res = await callback(c, back);
  assert.match(String(res.headers.location), /result=state/);
  assert.equal((await sellerRow(t, seller.id)).verificationMethod, null);
  assert.equal((await auditsOf(t, seller.id, 'seller.verification.oidc_refused'))[0].reason, 'state');
  const page = await c.get(String(res.headers.location));
  assert.match(page.body, /không khớp với yêu cầu mà trình duyệt này đã gửi/);

  // The flow was used up: the genuine answer replayed afterwards finds no flow.
  back.searchParams.set('state', back.searchParams.get('state')!.slice(0, -1));
  const replay = await callback(c, back);
  assert.match(String(replay.headers.location), /result=expired/);
  assert.equal((await sellerRow(t, seller.id)).verificationMethod, null);
});

test('a forged flow cookie, or one started by another user, is refused', async () => {
  const { seller, owner } = await sellerWithOwner(t);
  const c = owner.client;
  const back = await idp.authorize((await start(c, seller.id)).href, 'vneid-dao');
  const cookie = c.cookies.get('vneid_flow')!;
  c.cookies.set(
    'vneid_flow',
    cookie.replace(/^./, (ch) => (ch === 'e' ? 'f' : 'e')),
  );
  const forged = await callback(c, back);
  assert.match(String(forged.headers.location), /result=state/);

  const other = await signedIn(t);
  other.client.cookies.set('vneid_flow', cookie);
  const stolen = await callback(other.client, back);
  assert.match(String(stolen.headers.location), /result=state/);
  assert.equal((await sellerRow(t, seller.id)).verificationMethod, null);
});

test('the person cancels at VNeID: a clear message, back to the seller centre', async () => {
  const { seller, owner } = await sellerWithOwner(t);
  const c = owner.client;
  const back = await idp.authorize((await start(c, seller.id)).href, 'vneid-dao', { cancel: true });
  assert.equal(back.searchParams.get('error'), 'access_denied');
  const res = await callback(c, back);
  assert.equal(res.headers.location, `/kenh-ban-hang/xac-thuc?seller=${seller.id}&result=denied`);
  const page = await c.get(String(res.headers.location));
  assert.match(page.body, /Bạn đã hủy hoặc không cho phép chia sẻ thông tin trên VNeID/);
  assert.match(page.body, /href="\/kenh-ban-hang"/);
  assert.equal((await sellerRow(t, seller.id)).verificationMethod, null);
});

test('who may start a check: members only, with a representative on file', async () => {
  const { seller } = await sellerWithOwner(t);
  const anonymous = await t.app.inject({
    method: 'GET',
    url: `/kenh-ban-hang/xac-thuc/vneid?seller=${seller.id}`,
  });
  assert.equal(anonymous.statusCode, 302);
  assert.match(String(anonymous.headers.location), /^\/dang-nhap\?next=/);

  const stranger = await signedIn(t);
  const res = await stranger.client.get(`/kenh-ban-hang/xac-thuc/vneid?seller=${seller.id}`);
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /không phải là thành viên/);
  const api = await stranger.client.json('GET', `/api/v1/seller/verification?seller=${seller.id}`);
  assert.equal(api.statusCode, 403);

  const bare = await sellerWithOwner(t, { repCitizenId: null, status: 'draft' });
  const noRep = await bare.owner.client.get(`/kenh-ban-hang/xac-thuc/vneid?seller=${bare.seller.id}`);
  assert.equal(noRep.statusCode, 409);
  assert.match(noRep.body, /chưa có họ tên và số căn cước của người đại diện/);
});

test('a result typed into the address does not pretend to verify', async () => {
  const { seller, owner } = await sellerWithOwner(t);
  const page = await owner.client.get(`/kenh-ban-hang/xac-thuc?seller=${seller.id}&result=ok`);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Xác thực thành công/);
  assert.match(page.body, /Chưa xác thực/);
});
