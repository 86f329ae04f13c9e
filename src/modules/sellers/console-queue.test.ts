import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type SignedIn, signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { appWithOfficer, makeSeller, submittedAt, tag } from './console-test-fixtures.js';

let t: TestApp;
let officer: SignedIn;
before(async () => ({ t, officer } = await appWithOfficer()));
after(() => t.close());

/** The rows of a list page in order: seller id and the row's text. */
function rows(html: string) {
  return [...html.matchAll(/<tr data-id="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({
    id: m[1],
    text: m[2].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
  }));
}

/** Midnight today in Viet Nam, whatever the machine's time zone. */
function vnMidnight(): number {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  return Date.parse(`${ymd}T00:00:00+07:00`);
}

test('the queue shows submitted applications, the longest waiting first, with days waiting in Viet Nam calendar days', async () => {
  const g = tag();
  const named = (n: string) => ({ values: { shopName: `Hàng chờ ${g} ${n}` } });
  const fresh = await makeSeller(t, named('mới'));
  const old = await makeSeller(t, named('cũ'));
  const lastNight = await makeSeller(t, named('đêm qua'));
  await makeSeller(t, { ...named('đã duyệt'), status: 'approved' });
  await makeSeller(t, { ...named('cần bổ sung'), status: 'needs_changes' });
  const midnight = vnMidnight();
  await submittedAt(t, fresh.seller.id, new Date(midnight));
  await submittedAt(t, old.seller.id, new Date(midnight - 10 * 86_400_000 + 12 * 3_600_000));
  // One minute before midnight is already a day ago for an officer in Viet Nam.
  await submittedAt(t, lastNight.seller.id, new Date(midnight - 60_000));

  const res = await officer.client.get(`/quan-ly/ho-so?q=${g}`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'private, no-store');
  const list = rows(res.body);
  assert.deepEqual(
    list.map((r) => r.id),
    [old.seller.id, lastNight.seller.id, fresh.seller.id],
  );
  assert.match(list[0].text, /10 ngày/);
  assert.match(list[1].text, /\b1 ngày/);
  assert.match(list[2].text, /\b0 ngày/);
  assert.match(list[0].text, /Hộ kinh doanh/);
  assert.match(list[0].text, /Phường Bắc Nha Trang/);
  assert.match(res.body, /3 kết quả/);

  const api = await officer.client.get(`/api/v1/officer/applications?q=${g}`);
  assert.equal(api.statusCode, 200);
  const body = api.json();
  assert.equal(body.total, 3);
  assert.deepEqual(
    body.items.map((i: { daysWaiting: number }) => i.daysWaiting),
    [10, 1, 0],
  );
  assert.equal(body.items[0].communeName, 'Phường Bắc Nha Trang');
});

test('the filters are a plain GET form: state, legal form, commune and text search without diacritics', async () => {
  const g = tag();
  const coop = await makeSeller(t, {
    values: { shopName: `Hợp tác xã Nước mắm Đầm Môn ${g}`, legalForm: 'cooperative' },
  });
  const ward = await makeSeller(t, { values: { shopName: `Yến sào Nha Trang ${g}`, communeCode: '22366' } });
  const changes = await makeSeller(t, {
    status: 'needs_changes',
    values: { shopName: `Khô cá Vạn Ninh ${g}` },
  });

  const form = await officer.client.get('/quan-ly/ho-so');
  assert.match(form.body, /<form method="get" action="\/quan-ly\/ho-so"/);
  assert.match(form.body, /<option value="submitted" selected>Chờ xét duyệt<\/option>/);
  assert.match(form.body, /<option value="22366">Phường Nha Trang<\/option>/);

  const byForm = await officer.client.get(`/quan-ly/ho-so?state=&legalForm=cooperative&commune=&q=${g}`);
  assert.deepEqual(
    rows(byForm.body).map((r) => r.id),
    [coop.seller.id],
  );
  assert.match(byForm.body, /<option value="cooperative" selected>Hợp tác xã<\/option>/);

  const byCommune = await officer.client.get(`/quan-ly/ho-so?commune=22366&q=${g}`);
  assert.deepEqual(
    rows(byCommune.body).map((r) => r.id),
    [ward.seller.id],
  );

  const plain = await officer.client.get(`/quan-ly/ho-so?q=${encodeURIComponent(`nuoc mam dam mon ${g}`)}`);
  assert.deepEqual(
    rows(plain.body).map((r) => r.id),
    [coop.seller.id],
  );

  const byTax = await officer.client.get(`/quan-ly/ho-so?q=${coop.seller.taxCode!.slice(0, 8)}`);
  assert.ok(rows(byTax.body).some((r) => r.id === coop.seller.id));

  const needsChanges = await officer.client.get(`/quan-ly/ho-so?state=needs_changes&q=${g}`);
  assert.deepEqual(
    rows(needsChanges.body).map((r) => r.id),
    [changes.seller.id],
  );
  assert.match(needsChanges.body, /Cần bổ sung/);

  const none = await officer.client.get('/quan-ly/ho-so?q=khong-co-cua-hang-nao');
  assert.match(none.body, /Không có kết quả phù hợp/);

  const bad = await officer.client.get('/quan-ly/ho-so?state=approved');
  assert.equal(bad.statusCode, 422, 'the queue holds applications only; shops are in the registry');
  const api = await officer.client.get('/api/v1/officer/applications?legalForm=ngan-hang');
  assert.equal(api.statusCode, 422);
});

test('the queue pages by 50 and the page links keep the filters', async () => {
  const g = tag();
  const { owner } = await makeSeller(t, { values: { shopName: `Trang ${g} số 0` } });
  for (let i = 1; i < 51; i++) await makeSeller(t, { owner, values: { shopName: `Trang ${g} số ${i}` } });
  const first = await officer.client.get(`/quan-ly/ho-so?q=${g}`);
  assert.equal(rows(first.body).length, 50);
  const pager = first.body.slice(first.body.indexOf('aria-label="Phân trang"'));
  assert.match(pager, /Trang 1\/2/);
  assert.match(
    pager,
    new RegExp(`href="/quan-ly/ho-so\\?state=submitted&q=${g}&page=2" rel="next"`),
    pager.slice(0, 300),
  );
  const second = await officer.client.get(`/quan-ly/ho-so?state=submitted&q=${g}&page=2`);
  assert.equal(rows(second.body).length, 1);
  assert.match(second.body, /rel="prev"/);
  const api = await officer.client.get(`/api/v1/officer/applications?q=${g}&page=2`);
  assert.equal(api.json().items.length, 1);
  assert.equal(api.json().pages, 2);
});

test('the console home counts sellers in each state and links to the lists', async () => {
  await makeSeller(t, { status: 'suspended' });
  const counts = Object.fromEntries(
    (
      await t.db.execute<{ status: string; n: number }>(
        sql`SELECT status, count(*)::int AS n FROM sellers GROUP BY status`,
      )
    ).rows.map((r) => [r.status, r.n]),
  );
  const res = await officer.client.get('/quan-ly');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<a href="\/quan-ly\/ho-so\?state=submitted">Chờ xét duyệt<\/a>/);
  assert.match(res.body, /<a href="\/quan-ly\/nguoi-ban\?state=suspended">Tạm ngừng<\/a>/);
  assert.match(res.body, new RegExp(`<td data-state="submitted">${counts.submitted}</td>`));
  assert.match(res.body, /<td data-state="suspended">1<\/td>/);
  assert.match(res.body, /Hồ sơ chờ lâu nhất đã chờ \d+ ngày/);
  const api = await officer.client.get('/api/v1/officer/summary');
  assert.equal(api.json().counts.submitted, counts.submitted);
  assert.equal(api.json().counts.draft, 0);
});

test('a national instance filters by province first, then by the communes of that province', async () => {
  const national = await testApp({ PROVINCE_CODE: '00' });
  try {
    const g = tag();
    const khanhHoa = await makeSeller(national, { values: { shopName: `Toàn quốc ${g} Khánh Hòa` } });
    await makeSeller(national, {
      values: { shopName: `Toàn quốc ${g} Hà Nội`, provinceCode: '01', communeCode: '00004' },
    });
    const c = (await signedIn(national, 'officer')).client;
    const all = await c.get(`/quan-ly/ho-so?q=${g}`);
    assert.equal(rows(all.body).length, 2);
    assert.match(all.body, /<select id="f-province" name="province">/);
    assert.doesNotMatch(all.body, /id="f-commune"/, 'no commune list before a province is chosen');
    const res = await c.get(`/quan-ly/ho-so?province=56&q=${g}`);
    assert.deepEqual(
      rows(res.body).map((r) => r.id),
      [khanhHoa.seller.id],
    );
    assert.match(res.body, /<option value="56" selected>Tỉnh Khánh Hòa<\/option>/);
    assert.match(res.body, /<option value="22333">Phường Bắc Nha Trang<\/option>/);
  } finally {
    await national.close();
  }
});
