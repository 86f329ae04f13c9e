import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { auditsOf, Client, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { BRIEF_MS } from '../../platform/brief-cache.js';
import { upsertSearchDocs } from './documents.js';
import { fixtures } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  t = await testApp();
  await upsertSearchDocs(
    t.db,
    fixtures.filter((f) => ['hoa-qua-say', 'xoai-uc-cl', 'nem-chua-nh', 'nem-nuong-nh'].includes(f.key)),
  );
});
after(() => t.close());

const PAGE = '/quan-ly/tu-dong-nghia';
const API = '/api/v1/officer/synonyms';

test('who may see and change synonyms: officers and administrators only', async () => {
  const anon = new Client(t.app);
  const page = await anon.get(PAGE);
  assert.equal(page.statusCode, 302);
  assert.equal(page.headers.location, `/dang-nhap?next=${encodeURIComponent(PAGE)}`);
  assert.equal((await anon.get(API)).statusCode, 401);
  assert.equal((await anon.json('POST', API, { term: 'a b', synonyms: ['c d'] })).statusCode, 401);

  const { client: buyer } = await signedIn(t, 'buyer');
  assert.equal((await buyer.get(PAGE)).statusCode, 403);
  assert.equal((await buyer.get(API)).statusCode, 403);
  assert.equal((await buyer.form(PAGE, { term: 'nem', synonyms: 'nem chua' })).statusCode, 403);
  assert.equal((await buyer.json('POST', API, { term: 'nem', synonyms: ['nem chua'] })).statusCode, 403);

  for (const role of ['officer', 'admin'] as const) {
    const { client: c } = await signedIn(t, role);
    const res = await c.get(PAGE);
    assert.equal(res.statusCode, 200, role);
    assert.match(res.body, /<h1>Từ đồng nghĩa trong tìm kiếm<\/h1>/);
    assert.equal((await c.get(API)).statusCode, 200, role);
    // The console's home leads here.
    assert.match(
      (await c.get('/quan-ly')).body,
      /<a href="\/quan-ly\/tu-dong-nghia">Từ đồng nghĩa trong tìm kiếm<\/a>/,
    );
  }
});

test('an officer adds, edits and deletes a group through the forms; each change is audited', async () => {
  const { client: c, user } = await signedIn(t, 'officer');
  let res = await c.form(PAGE, {
    term: 'Trái cây',
    synonyms: 'hoa quả, trái cây tươi',
    reason: 'Người mua gõ cả hai',
  });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${PAGE}?done=saved`);
  res = await c.get(`${PAGE}?done=saved`);
  assert.match(res.body, /Đã lưu nhóm từ đồng nghĩa\./);
  assert.match(res.body, /<td>Trái cây<\/td><td>hoa quả, trái cây tươi<\/td>/);
  const id = /\/quan-ly\/tu-dong-nghia\/([0-9a-f-]{36})"/.exec(res.body)![1];

  const edit = await c.get(`${PAGE}/${id}`);
  assert.match(
    edit.body,
    /<textarea id="f-synonyms" name="synonyms"[^>]*>hoa quả\ntrái cây tươi<\/textarea>/,
  );
  res = await c.form(`${PAGE}/${id}`, { term: 'Trái cây', synonyms: 'hoa quả\nquả tươi' });
  assert.equal(res.statusCode, 303);
  assert.match((await c.get(PAGE)).body, /<td>hoa quả, quả tươi<\/td>/);

  res = await c.form(`${PAGE}/${id}/xoa`, { reason: 'Không còn cần' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${PAGE}?done=deleted`);
  assert.match((await c.get(`${PAGE}?done=deleted`)).body, /Chưa có nhóm từ đồng nghĩa nào\./);

  const [created] = await auditsOf(t, id, 'search.synonym.create');
  assert.equal(created.actorId, user.id);
  assert.equal(created.reason, 'Người mua gõ cả hai');
  assert.deepEqual(created.data, { term: 'Trái cây', synonyms: ['hoa quả', 'trái cây tươi'] });
  const [updated] = await auditsOf(t, id, 'search.synonym.update');
  assert.deepEqual(updated.data, {
    before: { term: 'Trái cây', synonyms: ['hoa quả', 'trái cây tươi'] },
    after: { term: 'Trái cây', synonyms: ['hoa quả', 'quả tươi'] },
  });
  const [deleted] = await auditsOf(t, id, 'search.synonym.delete');
  assert.equal(deleted.actorId, user.id);
  assert.equal(deleted.reason, 'Không còn cần');
});

test('the forms need their CSRF token', async () => {
  const { client: c } = await signedIn(t, 'officer');
  const res = await c.form(PAGE, { term: 'nem', synonyms: 'nem chua' }, { csrf: false });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Biểu mẫu đã hết hạn hoặc không hợp lệ/);
});

test('a wrong group is shown again with its errors, in Vietnamese and in English', async () => {
  const { client: c } = await signedIn(t, 'officer');
  let res = await c.form(PAGE, { term: '', synonyms: ' , ' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Có lỗi cần sửa/);
  assert.match(res.body, /Cụm từ: Vui lòng nhập thông tin này\./);
  assert.match(res.body, /Các cụm từ đồng nghĩa: Nhập ít nhất một cụm từ đồng nghĩa\./);

  res = await c.form(PAGE, { term: 'Nem', synonyms: 'nem chua, NEM' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Cụm từ đồng nghĩa không được trùng với chính cụm từ đó\./);
  assert.match(res.body, /value="Nem"/, 'what was typed is kept');

  assert.equal((await c.form(PAGE, { term: 'nem', synonyms: 'nem chua' })).statusCode, 303);
  res = await c.form(PAGE, { term: 'Ném', synonyms: 'nem nướng' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Đã có nhóm cho cụm từ này\. Hãy sửa nhóm đó\./);

  c.lang = 'en';
  res = await c.json('POST', API, { term: 'nem', synonyms: [] });
  assert.equal(res.statusCode, 422);
  assert.deepEqual(res.json().error.fields, [{ field: 'synonyms', message: 'Enter at least one synonym.' }]);
});

test('the JSON twin adds, reads, changes and deletes; search uses the group within a second', async () => {
  const { client: c } = await signedIn(t, 'admin');
  const before = (await c.get('/api/v1/search?q=trai+cay')).json();
  assert.ok(!before.hits.some((h: { slug: string }) => h.slug === 'hoa-qua-say'));

  let res = await c.json('POST', API, { term: 'trái cây', synonyms: ['hoa quả'], reason: 'Cùng nghĩa' });
  assert.equal(res.statusCode, 201);
  const made = res.json();
  assert.deepEqual([made.term, made.synonyms], ['trái cây', ['hoa quả']]);
  assert.deepEqual((await c.get(`${API}/${made.id}`)).json().synonyms, ['hoa quả']);

  await sleep(BRIEF_MS + 50);
  const after = (await c.get('/api/v1/search?q=trai+cay')).json();
  assert.ok(
    after.hits.some((h: { slug: string }) => h.slug === 'hoa-qua-say'),
    'found through "hoa quả"',
  );

  res = await c.json('PUT', `${API}/${made.id}`, { term: 'trái cây', synonyms: ['hoa quả', 'quả'] });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json().synonyms, ['hoa quả', 'quả']);
  assert.equal((await c.json('DELETE', `${API}/${made.id}`, { reason: 'Thử xong' })).statusCode, 204);
  assert.equal((await c.get(`${API}/${made.id}`)).statusCode, 404);
  assert.ok(!(await c.get(API)).json().items.some((s: { id: string }) => s.id === made.id));
});
