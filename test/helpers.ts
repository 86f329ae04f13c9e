import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import pg from 'pg';
import { type App, buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { actorOf, createSession, createUser, type Role } from '../src/modules/identity/index.js';
import { auditLog } from '../src/platform/audit/schema.js';
import { createDb, type Db } from '../src/platform/db/pool.js';
import type { Mail, MailSender } from '../src/platform/mail/mailer.js';

export interface TestApp {
  app: App;
  db: Db;
  /** Mails the app sent (after `app.outbox.drain()`). */
  mails: Mail[];
  dbUrl: string;
  close(): Promise<void>;
}

/**
 * A fresh app on its own database, cloned from the migrated template that `npm test`
 * prepared. Nothing is mocked: real PostgreSQL, real HTTP handling through app.inject.
 */
export async function testApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dbUrl = await testDatabase();
  const db = createDb(dbUrl, 5);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tmdt-app-'));
  const config = testConfig(dbUrl, dataDir, env);
  const mails: Mail[] = [];
  const mailer: MailSender = {
    async send(m) {
      mails.push(m);
    },
  };
  const app = await buildApp({
    config,
    db,
    mailer,
    logger: process.env.TEST_LOG ? { level: 'error' } : false,
  });
  await app.ready();
  return {
    app,
    db,
    mails,
    dbUrl,
    async close() {
      await app.close();
      await db.$client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The app of one test file (testApp), made as the file loads and closed after its tests. */
export async function fileApp(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await testApp(env);
  after(() => t.close());
  return t;
}

/** A new database cloned from the migrated template that `npm test` prepared; its URL. */
export async function testDatabase(): Promise<string> {
  const base = process.env.TEST_PG_URL;
  if (!base) throw new Error('Run tests with `npm test` (it starts the test database).');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_TEMPLATE_DB}`);
  await admin.end();
  return base.replace(/\/[^/]+$/, `/${name}`);
}

/** The configuration of an app under test: quiet, on the given database and data directory. */
export function testConfig(dbUrl: string, dataDir: string, env: Record<string, string> = {}) {
  return loadConfig({
    DATABASE_URL: dbUrl,
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...env,
  });
}

type InjectRes = Awaited<ReturnType<App['inject']>>;

/**
 * A browser-like client over app.inject: keeps cookies, and fills in the CSRF token of
 * forms the way a page would (from the form it last rendered, or the token endpoint).
 */
export class Client {
  cookies = new Map<string, string>();
  lang?: 'vi' | 'en';
  constructor(readonly app: App) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: InjectRes) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async request(
    method: string,
    url: string,
    opts: { headers?: Record<string, string>; payload?: unknown } = {},
  ) {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (this.lang) headers['accept-language'] = this.lang;
    return this.keep(
      await this.app.inject({ method: method as 'GET', url, headers, payload: opts.payload as string }),
    );
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, { headers });
  }

  async csrf(): Promise<string> {
    const res = await this.get('/api/v1/csrf');
    return res.json().token;
  }

  /** POSTs a form as a browser would (urlencoded, with the CSRF token unless told not to). */
  async form(url: string, fields: Record<string, string | string[]>, opts: { csrf?: boolean } = {}) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    if (opts.csrf !== false && !('_csrf' in fields)) body.append('_csrf', await this.csrf());
    return this.request('POST', url, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  }

  /** POSTs multipart/form-data (forms with file uploads). */
  async multipart(
    url: string,
    fields: Record<string, string | string[]>,
    files: Record<string, { filename: string; data: Buffer; type?: string }> = {},
  ) {
    const form = new FormData();
    form.append('_csrf', await this.csrf());
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
    for (const [k, f] of Object.entries(files))
      form.append(
        k,
        new Blob([new Uint8Array(f.data)], { type: f.type ?? 'application/octet-stream' }),
        f.filename,
      );
    const req = new Request('http://x', { method: 'POST', body: form });
    const payload = Buffer.from(await req.arrayBuffer());
    return this.request('POST', url, {
      headers: { 'content-type': req.headers.get('content-type')! },
      payload,
    });
  }

  /** Calls the JSON API (no CSRF token needed for application/json). */
  json(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request(method, url, {
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

let users = 0;

/**
 * A new user of the role and a browser signed in as them; `actor` is the same user for calling
 * services directly. The session is made in the database: the sign-in form has tests of its own.
 */
export async function signedIn(t: TestApp, role: Role = 'buyer', fullName?: string, email?: string) {
  const n = ++users;
  const user = await createUser(t.db, {
    email: email ?? `${role}-${n}-${randomBytes(4).toString('hex')}@example.vn`,
    fullName: fullName ?? `Người dùng ${n}`,
    password: 'mat-khau-dai-123',
    role,
  });
  const client = new Client(t.app);
  client.cookies.set('sid', (await createSession(t.db, user.id, {})).token);
  return { user, client, actor: actorOf(user) };
}
export type SignedIn = Awaited<ReturnType<typeof signedIn>>;

/** The audit entries of one action on one subject, oldest first. */
export function auditsOf(t: TestApp, subjectId: string, action: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, subjectId), eq(auditLog.action, action)))
    .orderBy(asc(auditLog.id));
}

/** Each of `twins` (JSON routes) is in the OpenAPI document; none of `pages` is. */
export async function assertDocumented(t: TestApp, twins: string[], pages: string[]): Promise<void> {
  const { paths } = (await new Client(t.app).get('/api/docs/json')).json();
  for (const p of twins) assert.ok(paths[p], p);
  for (const p of pages) assert.equal(paths[p], undefined, p);
}
