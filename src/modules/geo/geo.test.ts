import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { Client, type TestApp, testApp } from '../../../test/helpers.js';
import { formatAddress } from './index.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('the 2025 units are loaded: 34 provinces, 3,321 communes, and the old-to-new mapping (10,599 rows, 10,047 former communes)', async () => {
  const r = await t.db.execute<{ p: number; c: number; s: number; old: number }>(sql`SELECT
    (SELECT count(*)::int FROM provinces) p, (SELECT count(*)::int FROM communes) c,
    (SELECT count(*)::int FROM commune_successions) s,
    (SELECT count(DISTINCT old_commune_code)::int FROM commune_successions) old`);
  // A former commune split between several new ones has one row per new one.
  assert.deepEqual(r.rows[0], { p: 34, c: 3321, s: 10599, old: 10047 });
});

test('communes of a province, sorted in Vietnamese order', async () => {
  const res = await new Client(t.app).get('/api/v1/geo/provinces/56/communes');
  assert.equal(res.statusCode, 200);
  const items = res.json().items as { code: string; name: string }[];
  assert.equal(items.length, 65);
  assert.ok(items.some((c) => c.name === 'Phường Nha Trang' && c.code === '22366'));
  assert.ok(items.some((c) => c.name === 'Đặc khu Trường Sa'));
  const names = items.map((c) => c.name);
  assert.deepEqual(names, [...names].sort(new Intl.Collator('vi').compare));
});

test('an unknown province is a 404 with a JSON error', async () => {
  const res = await new Client(t.app).get('/api/v1/geo/provinces/99/communes');
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, 'not_found');
});

test('a former commune maps to the 2025 commune it joined', async () => {
  // Phường Phúc Xá (Ba Đình, Hà Nội) became part of Phường Hồng Hà on 1 July 2025.
  const res = await new Client(t.app).get('/api/v1/geo/former-communes/00001');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.former.name, 'Phường Phúc Xá');
  assert.deepEqual(
    body.successors.map((s: { name: string }) => s.name),
    ['Phường Hồng Hà'],
  );
  assert.equal(body.successors[0].province.name, 'Thành phố Hà Nội');
});

test('addresses read street, commune, province', () => {
  assert.equal(
    formatAddress({ street: '12 Trần Phú', communeCode: '22366', provinceCode: '56' }),
    '12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa',
  );
});
