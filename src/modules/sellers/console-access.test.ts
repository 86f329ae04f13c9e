import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { DOCUMENT_TYPES, storeUpload } from '../../platform/storage/storage.js';
import { createSession } from '../identity/index.js';
import { makeSeller } from './console-test-fixtures.js';
import { sellerDocuments } from './schema.js';

/**
 * Who may use the console: the role matrix of every console route, read as a table.
 * A seller's own member is a buyer by role and is refused like any buyer.
 */
type Who = 'anonymous' | 'buyer' | 'member' | 'officer' | 'admin';
const everyone: Who[] = ['anonymous', 'buyer', 'member', 'officer', 'admin'];

let t: TestApp;
const clients = {} as Record<Who, Client>;
let sellerId: string;
let fileId: string;
let slug: string;

before(async () => {
  t = await testApp();
  const { seller, owner } = await makeSeller(t);
  sellerId = seller.id;
  fileId = await storeUpload(
    t.db,
    t.app.deps.storage,
    'file',
    { filename: 'dkkd.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') },
    { allowed: DOCUMENT_TYPES, maxBytes: 1 << 20 },
  );
  await t.db.insert(sellerDocuments).values({ sellerId, kind: 'business_registration', fileId });
  slug = (await makeSeller(t, { status: 'approved' })).seller.slug;
  clients.anonymous = new Client(t.app);
  clients.member = new Client(t.app);
  clients.member.cookies.set('sid', (await createSession(t.db, owner.id, {})).token);
  for (const role of ['buyer', 'officer', 'admin'] as const) clients[role] = (await signedIn(t, role)).client;
});
after(() => t.close());

const allowed = (who: Who) => who === 'officer' || who === 'admin';

test('console pages: anonymous visitors are sent to sign in, buyers and sellers refused, officers and admins let in', async () => {
  const pages = [
    '/quan-ly',
    '/quan-ly/ho-so',
    '/quan-ly/ho-so?state=needs_changes',
    `/quan-ly/ho-so/${sellerId}`,
    '/quan-ly/nguoi-ban',
    '/quan-ly/nguoi-ban.xlsx',
    `/quan-ly/tep/${fileId}`,
  ];
  for (const url of pages) {
    for (const who of everyone) {
      const res = await clients[who].get(url);
      const expected = who === 'anonymous' ? 302 : allowed(who) ? 200 : 403;
      assert.equal(res.statusCode, expected, `${who} GET ${url}`);
      if (who === 'anonymous')
        assert.equal(res.headers.location, `/dang-nhap?next=${encodeURIComponent(url)}`);
    }
  }
});

test('console API: 401 without credentials, 403 for buyers and sellers, 200 for officers and admins', async () => {
  const apis = [
    '/api/v1/officer/summary',
    '/api/v1/officer/applications',
    `/api/v1/officer/applications/${sellerId}`,
    '/api/v1/officer/sellers',
    '/api/v1/officer/sellers.xlsx',
  ];
  for (const url of apis) {
    for (const who of everyone) {
      const res = await clients[who].get(url);
      assert.equal(res.statusCode, who === 'anonymous' ? 401 : allowed(who) ? 200 : 403, `${who} GET ${url}`);
      if (!allowed(who))
        assert.equal(res.json().error.code, who === 'anonymous' ? 'unauthorized' : 'forbidden');
    }
  }
});

test('decisions: only officers and admins, by form or by API', async () => {
  for (const who of everyone) {
    const { seller } = await makeSeller(t);
    const form = await clients[who].form(`/quan-ly/ho-so/${seller.id}/request_changes`, {
      reason: 'Bổ sung giấy tờ.',
    });
    assert.equal(form.statusCode, who === 'anonymous' ? 401 : allowed(who) ? 303 : 403, `${who} form`);
    const other = await makeSeller(t);
    const api = await clients[who].json(
      'POST',
      `/api/v1/officer/applications/${other.seller.id}/transitions`,
      {
        action: 'reject',
        reason: 'Không đủ điều kiện.',
      },
    );
    assert.equal(api.statusCode, who === 'anonymous' ? 401 : allowed(who) ? 200 : 403, `${who} API`);
  }
});

test('the storefront is public to everyone', async () => {
  for (const who of everyone) {
    assert.equal((await clients[who].get(`/cua-hang/${slug}`)).statusCode, 200, who);
    assert.equal((await clients[who].get(`/api/v1/shops/${slug}`)).statusCode, 200, who);
  }
});

test('the console API is documented in the OpenAPI document; the pages are not', async () => {
  const doc = (await clients.anonymous.get('/api/docs/json')).json();
  for (const p of [
    '/api/v1/officer/summary',
    '/api/v1/officer/applications',
    '/api/v1/officer/applications/{id}',
    '/api/v1/officer/applications/{id}/transitions',
    '/api/v1/officer/sellers',
    '/api/v1/officer/sellers.xlsx',
    '/api/v1/shops/{slug}',
  ]) {
    assert.ok(doc.paths[p], p);
  }
  assert.equal(doc.paths['/quan-ly/ho-so'], undefined);
});
