import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { Client, testApp } from '../test/helpers.js';
import { runMain } from '../test/platform/proc.js';
import { ConfigError, configDocs, loadConfig } from './config.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'tmdt-config-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
const base = { DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(32) };

function configError(env: Record<string, string>): string {
  try {
    loadConfig({ ...base, ...env });
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${err}`);
    return err.message;
  }
  assert.fail(`no error for ${JSON.stringify(env)}`);
}

test('defaults give a working development config', () => {
  const c = loadConfig({ DATA_DIR: dataDir });
  assert.equal(c.port, 3000);
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.publicUrl, 'http://localhost:3000');
  assert.equal(c.provinceCode, '56');
  assert.equal(c.seedDemo, true, 'demo data by default on the embedded database');
  assert.equal(c.dataDir, dataDir);
  assert.ok(c.sessionSecret.length >= 32, 'a development secret is generated');
  assert.equal(loadConfig({ DATA_DIR: dataDir }).sessionSecret, c.sessionSecret, 'and kept across starts');
  assert.equal(
    loadConfig({ ...base, DATABASE_URL: 'postgres://u:p@db/tmdt' }).seedDemo,
    false,
    'no demo data on an external database',
  );
});

test('each bad value is named', () => {
  assert.match(configError({ PORT: 'abc' }), /PORT:/);
  assert.match(configError({ PORT: '70000' }), /PORT:/);
  assert.match(configError({ PROVINCE_CODE: '5' }), /PROVINCE_CODE: must be a two-digit province code/);
  assert.match(
    configError({ DATABASE_URL: 'mysql://u:p@db/tmdt' }),
    /DATABASE_URL: must start with postgres:\/\//,
  );
  assert.match(configError({ SESSION_SECRET: 'short' }), /SESSION_SECRET: must be at least 32 characters/);
  assert.match(configError({ LOG_LEVEL: 'loud' }), /LOG_LEVEL:/);
  assert.match(configError({ SMTP_URL: 'http://mail' }), /SMTP_URL: must start with smtp/);
  assert.match(configError({ TRUST_PROXY: 'maybe' }), /TRUST_PROXY:/);
});

test('production needs a session secret and a public address', () => {
  const msg = configError({ NODE_ENV: 'production', SESSION_SECRET: '' });
  assert.match(msg, /SESSION_SECRET, PUBLIC_URL: required when NODE_ENV=production/);
  assert.match(
    configError({ NODE_ENV: 'production', SESSION_SECRET: '', PUBLIC_URL: 'https://tmdt.example.vn' }),
    /SESSION_SECRET: required/,
  );
  const ok = loadConfig({ ...base, NODE_ENV: 'production', PUBLIC_URL: 'https://tmdt.example.vn/' });
  assert.equal(ok.publicUrl, 'https://tmdt.example.vn');
  assert.equal(ok.mailFrom, 'no-reply@tmdt.example.vn');
});

test('OIDC settings come as a set of three', () => {
  const msg = configError({ OIDC_ISSUER: 'https://id.example.vn', OIDC_CLIENT_ID: 'tmdt' });
  assert.match(
    msg,
    /OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three or none \(missing OIDC_CLIENT_SECRET\)/,
  );
  const ok = loadConfig({
    ...base,
    OIDC_ISSUER: 'https://id.example.vn',
    OIDC_CLIENT_ID: 'tmdt',
    OIDC_CLIENT_SECRET: 's',
  });
  assert.equal(ok.oidc?.issuer, 'https://id.example.vn');
  assert.equal(ok.oidc?.clientId, 'tmdt');
  assert.equal(ok.oidc?.clientSecret, 's');
  assert.equal(loadConfig(base).oidc, undefined, 'no OIDC settings, no OIDC');
});

test('one error lists every problem at once', () => {
  const msg = configError({
    PORT: 'abc',
    PROVINCE_CODE: '5',
    DATABASE_URL: 'mysql://u:p@db/tmdt',
    NODE_ENV: 'production',
    SESSION_SECRET: '',
    OIDC_CLIENT_ID: 'tmdt',
  });
  for (const name of [
    'PORT',
    'PROVINCE_CODE',
    'DATABASE_URL',
    'SESSION_SECRET',
    'PUBLIC_URL',
    'OIDC_ISSUER',
  ]) {
    assert.match(msg, new RegExp(`\\b${name}\\b`), `${name} is named`);
  }
});

test('every variable in the schema is documented', () => {
  const names = configDocs.map((d) => d.name);
  for (const n of ['PORT', 'DATABASE_URL', 'SESSION_SECRET', 'PROVINCE_CODE', 'TRUST_PROXY', 'OIDC_ISSUER'])
    assert.ok(names.includes(n));
  for (const d of configDocs)
    assert.ok(d.doc.length > 10 && d.def.length > 0, `${d.name} has a default and a meaning`);
});

test('`start` with PORT=abc exits 1 with the message, before touching any database', async () => {
  const p = runMain(['start'], { PORT: 'abc', DATA_DIR: dataDir });
  assert.equal(await p.waitExit(), 1);
  assert.match(p.output(), /Invalid configuration:\n {2}PORT: /);
  assert.doesNotMatch(p.output(), /\n\s+at /, 'a clear message, not a stack trace');
});

test('`start` with a PROVINCE_CODE that is no 2025 province exits 1 with a clear message', async () => {
  const p = runMain(['start'], { PROVINCE_CODE: '99', DATA_DIR: dataDir });
  assert.equal(await p.waitExit(), 1);
  assert.match(
    p.output(),
    /Invalid configuration:\n {2}PROVINCE_CODE: 99 is not a province of the 2025 units/,
  );
  assert.doesNotMatch(p.output(), /\n\s+at /, 'a clear message, not a stack trace');
});

test('PROVINCE_CODE=48 makes it the marketplace of Đà Nẵng, run by its Sở Công Thương', async () => {
  const t = await testApp({ PROVINCE_CODE: '48' });
  try {
    const res = await new Client(t.app).get('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Sàn thương mại điện tử thành phố Đà Nẵng<\/h1>/);
    assert.match(res.body, /Sở Công Thương thành phố Đà Nẵng/);
    assert.doesNotMatch(res.body, /Khánh Hòa/);
  } finally {
    await t.close();
  }
});

test('payments work out of the box in development, and are off in production until configured', () => {
  const dev = loadConfig(base);
  assert.equal(dev.buying.vnpay?.tmnCode, 'TMDTDEMO');
  assert.match(dev.buying.vnpay?.payUrl ?? '', /^http:\/\/localhost:3000\/vnpay-sandbox\//);
  assert.ok((dev.buying.bankWebhookSecret ?? '').length >= 32);
  assert.notEqual(dev.buying.bankWebhookSecret, dev.buying.vnpay?.hashSecret, 'one derived secret per use');
  assert.equal(dev.buying.feePercent, 2);

  const prod = {
    NODE_ENV: 'production',
    SESSION_SECRET: 'y'.repeat(32),
    PUBLIC_URL: 'https://san.khanhhoa.gov.vn',
  };
  const off = loadConfig(prod);
  assert.equal(off.buying.vnpay, undefined);
  assert.equal(off.buying.bankWebhookSecret, undefined);
  assert.throws(() => loadConfig({ ...prod, VNPAY_TMN_CODE: 'KHANHHOA' }), /VNPAY_HASH_SECRET: required/);
  assert.throws(() => loadConfig({ ...prod, PLATFORM_FEE_PERCENT: '45' }), /PLATFORM_FEE_PERCENT/);
  assert.throws(() => loadConfig({ ...prod, COLLECTION_BANK_BIN: '9704' }), /6-digit bank BIN/);
});
