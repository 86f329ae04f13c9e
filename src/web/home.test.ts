import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, type TestApp, testApp } from '../../test/helpers.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('home page is Vietnamese by default and names the configured province', async () => {
  const res = await new Client(t.app).get('/');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<html lang="vi">/);
  assert.match(res.body, /Sàn thương mại điện tử tỉnh Khánh Hòa/);
  assert.match(res.body, /Sở Công Thương tỉnh Khánh Hòa/);
});

test('the language switch works without JavaScript and sticks', async () => {
  const c = new Client(t.app);
  const sw = await c.get('/ngon-ngu?lang=en&next=/');
  assert.equal(sw.statusCode, 302);
  assert.equal(sw.headers.location, '/');
  const res = await c.get('/');
  assert.match(res.body, /<html lang="en">/);
  assert.match(res.body, /Apply to sell/);
});

test('the language switch refuses to redirect off-site', async () => {
  const res = await new Client(t.app).get('/ngon-ngu?lang=en&next=//evil.example');
  assert.equal(res.headers.location, '/');
});

test('security headers: CSP without inline scripts, no framing', async () => {
  const res = await new Client(t.app).get('/');
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
});

test('health check answers from the database', async () => {
  const res = await new Client(t.app).get('/healthz');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ok', database: 'ok' });
});

test('metrics are in Prometheus format', async () => {
  const res = await new Client(t.app).get('/metrics');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /http_request_duration_seconds_bucket/);
});

test('unknown pages get a Vietnamese 404 page; unknown API paths get JSON', async () => {
  const c = new Client(t.app);
  const page = await c.get('/khong-co-trang-nay');
  assert.equal(page.statusCode, 404);
  assert.match(page.body, /Không tìm thấy/);
  const api = await c.get('/api/v1/khong-co');
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().error.code, 'not_found');
});

test('the API documentation page is served at /api/docs', async () => {
  const c = new Client(t.app);
  let res = await c.get('/api/docs');
  for (let i = 0; i < 3 && res.statusCode >= 300 && res.statusCode < 400; i++) {
    res = await c.get(new URL(String(res.headers.location), 'http://x/api/docs/').pathname);
  }
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /swagger-ui/i);
});

test('the OpenAPI document is served', async () => {
  const res = await new Client(t.app).get('/api/docs/json');
  assert.equal(res.statusCode, 200);
  assert.ok(res.json().paths['/api/v1/geo/provinces']);
});
