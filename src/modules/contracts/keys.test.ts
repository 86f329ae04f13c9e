import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Client, type TestApp, testApp, testConfig } from '../../../test/helpers.js';
import { type App, buildApp } from '../../app.js';
import { publish } from '../../platform/jobs/outbox.js';
import { ORDER_PLACED } from '../orders/events.js';
import { keyIdOf, loadSigner } from './keys.js';
import { contracted, parties } from './test-fixtures.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'tmdt-keys-'));
  dirs.push(d);
  return d;
};
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The same database and data directory, as after `npm start` again. */
async function restarted(t: TestApp, env: Record<string, string>) {
  const app = await buildApp({ config: testConfig(t.dbUrl, env.DATA_DIR, env), db: t.db, logger: false });
  await app.ready();
  return app;
}

const verify = async (app: App, body: unknown) =>
  (await new Client(app).json('POST', '/api/v1/contracts/verify', body)).json();

let dataDir: string;
let t: TestApp;
before(async () => {
  dataDir = tempDir();
  t = await testApp({ DATA_DIR: dataDir });
});
after(() => t.close());

test('the key is made once under DATA_DIR/keys, readable by the app alone, and kept across restarts', async () => {
  const first = await contracted(t);
  const file = path.join(dataDir, 'keys', 'contract-ed25519.pem');
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(statSync(path.dirname(file)).mode & 0o777, 0o700);
  const keys = (await new Client(t.app).get('/api/v1/contracts/keys')).json();
  const pem = (await new Client(t.app).get('/hop-dong/khoa-cong-khai')).body;
  assert.equal(keys.keys.length, 1);
  assert.deepEqual(keys.keys[0], {
    keyId: keys.current,
    algorithm: 'Ed25519',
    publicKeyPem: pem,
    current: true,
  });
  assert.match(pem, /^-----BEGIN PUBLIC KEY-----\n/);

  const again = await restarted(t, { DATA_DIR: dataDir });
  try {
    const after = (await new Client(again).get('/api/v1/contracts/keys')).json();
    assert.equal(after.current, keys.current, 'the same key after the restart');
    assert.equal((await new Client(again).get('/hop-dong/khoa-cong-khai')).body, pem);
    assert.equal((await verify(again, { code: first.code })).verdict, 'authentic');
  } finally {
    await again.close();
  }
  // A contract made after the restart is signed by that same key.
  const second = await contracted(t);
  const r = await verify(t.app, { code: second.code });
  assert.equal(r.verdict, 'authentic');
  assert.equal(r.contract.keyId, keys.current);
});

test('CONTRACT_KEY_FILE: the configured key signs; contracts of the earlier key still verify', async () => {
  const before = await contracted(t);
  const own = generateKeyPairSync('ed25519');
  const keyFile = path.join(tempDir(), 'contract.pem');
  writeFileSync(keyFile, own.privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  const app = await restarted(t, { DATA_DIR: dataDir, CONTRACT_KEY_FILE: keyFile });
  try {
    const keys = (await new Client(app).get('/api/v1/contracts/keys')).json();
    assert.equal(keys.current, keyIdOf(own.publicKey));
    assert.deepEqual(
      keys.keys.map((k: { current: boolean }) => k.current),
      [true, false],
    );
    // The earlier key stays published, so the contracts it signed can still be checked by anyone.
    const old = keys.keys[1].keyId;
    assert.equal((await new Client(app).get(`/hop-dong/khoa-cong-khai?khoa=${old}`)).statusCode, 200);
    assert.equal((await new Client(app).get('/hop-dong/khoa-cong-khai?khoa=nope')).statusCode, 404);
    assert.equal((await verify(app, { code: before.code })).verdict, 'authentic');

    const { order } = await parties(t);
    await publish(t.db, ORDER_PLACED, { order });
    await app.outbox.drain();
    const made = await verify(app, { code: `HD-${order.code}` });
    assert.equal(made.verdict, 'authentic');
    assert.equal(made.contract.keyId, keyIdOf(own.publicKey));
  } finally {
    await app.close();
  }
});

test('a configured key that is missing or not Ed25519 stops the start, and is never replaced', async () => {
  const dir = tempDir();
  const missing = path.join(dir, 'none.pem');
  const config = testConfig('postgres://unused/x', dir, { CONTRACT_KEY_FILE: missing });
  assert.throws(() => loadSigner(config), /CONTRACT_KEY_FILE: cannot read/);
  assert.throws(() => statSync(missing), /ENOENT/);
  await assert.rejects(buildApp({ config, db: t.db, logger: false }), /CONTRACT_KEY_FILE: cannot read/);
  const rsa = path.join(dir, 'rsa.pem');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(rsa, privateKey.export({ format: 'pem', type: 'pkcs8' }));
  assert.throws(
    () => loadSigner(testConfig('postgres://unused/x', dir, { CONTRACT_KEY_FILE: rsa })),
    /not Ed25519/,
  );
});
