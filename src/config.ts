import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable the app reads, with its default and meaning.
 * README's configuration table is generated from this list (see `configDocs`).
 */
const vars = {
  PORT: { def: '3000', doc: 'HTTP port the app listens on.' },
  HOST: {
    def: '127.0.0.1',
    doc: 'Interface to listen on; `0.0.0.0` behind a load balancer or in a container.',
  },
  PUBLIC_URL: {
    def: 'http://localhost:<PORT>',
    doc: 'Address users reach the app at; used in mails and links. `https://` turns on secure cookies.',
  },
  DATABASE_URL: {
    def: '(unset)',
    doc: 'PostgreSQL 14+ connection string. Unset: an embedded PostgreSQL is started with its data under `DATA_DIR/pg`.',
  },
  DATA_DIR: {
    def: './data',
    doc: 'Where the embedded database, uploaded files and development secrets live.',
  },
  SESSION_SECRET: {
    def: '(generated in DATA_DIR/.secrets)',
    doc: 'Secret for signing cookies (32+ characters). Required when NODE_ENV=production.',
  },
  NODE_ENV: { def: 'development', doc: '`production` requires SESSION_SECRET and PUBLIC_URL.' },
  LOG_LEVEL: { def: 'info', doc: 'pino log level: fatal, error, warn, info, debug, trace, silent.' },
  PROVINCE_CODE: {
    def: '56',
    doc: 'Two-digit code (2025 units) of the province this instance serves; `00` for the national level.',
  },
  INSTANCE_NAME: {
    def: 'Sàn thương mại điện tử tỉnh <province>',
    doc: 'Name shown in the header, title and mails.',
  },
  OPERATOR_NAME: {
    def: 'Sở Công Thương <province>',
    doc: 'Agency operating the marketplace (shown in the footer and on legal pages).',
  },
  OPERATOR_ADDRESS: { def: '(empty)', doc: 'Postal address of the operating agency.' },
  OPERATOR_PHONE: { def: '(empty)', doc: 'Hotline of the operating agency.' },
  OPERATOR_EMAIL: { def: '(empty)', doc: 'Contact e-mail of the operating agency.' },
  SEED_DEMO: {
    def: 'true (embedded DB) / false',
    doc: 'Load the Vietnamese demo data when the database is empty.',
  },
  SMTP_URL: {
    def: '(unset)',
    doc: 'e.g. `smtp://user:pass@mail.example.vn:587`. Unset: mails are written to the log.',
  },
  MAIL_FROM: { def: 'no-reply@<PUBLIC_URL host>', doc: 'Sender address of outgoing mail.' },
  UPLOAD_MAX_MB: { def: '5', doc: 'Largest accepted upload, in megabytes.' },
  LOGIN_MAX_FAILURES: {
    def: '5',
    doc: 'Failed sign-ins in a row before the account is locked for LOCKOUT_MINUTES.',
  },
  LOCKOUT_MINUTES: { def: '15', doc: 'How long an account stays locked after too many failed sign-ins.' },
  OIDC_ISSUER: {
    def: '(unset)',
    doc: 'OpenID Connect issuer of the electronic identity provider (VNeID). Unset: only document checks by officers.',
  },
  OIDC_CLIENT_ID: { def: '(unset)', doc: 'Client id registered with the identity provider.' },
  OIDC_CLIENT_SECRET: { def: '(unset)', doc: 'Client secret registered with the identity provider.' },
  OIDC_ID_CLAIM: {
    def: 'personal_id',
    doc: "Claim that carries the person's identification number (`citizen_id` is also read).",
  },
  TRUST_PROXY: { def: 'false', doc: '`true` when behind a reverse proxy that sets X-Forwarded-For.' },
  SEARCH_RATE_LIMIT: {
    def: '120',
    doc: 'Search requests (page, API, autocomplete) a client address may make per minute; `0` turns the limit off (benchmarks).',
  },
} as const;

export type EnvName = keyof typeof vars;
export const configDocs = Object.entries(vars).map(([name, v]) => ({ name, ...v }));

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/, 'must be a two-digit province code, e.g. 56')
    .default('56'),
  INSTANCE_NAME: z.string().min(1).optional(),
  OPERATOR_NAME: z.string().min(1).optional(),
  OPERATOR_ADDRESS: z.string().default(''),
  OPERATOR_PHONE: z.string().default(''),
  OPERATOR_EMAIL: z.string().default(''),
  SEED_DEMO: bool.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().optional(),
  UPLOAD_MAX_MB: z.coerce.number().positive().max(100).default(5),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_ID_CLAIM: z
    .string()
    .regex(/^[A-Za-z_][\w.-]*$/, 'must be a claim name')
    .optional(),
  TRUST_PROXY: bool.default(false),
  SEARCH_RATE_LIMIT: z.coerce.number().int().min(0).default(120),
});

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl?: string;
  dataDir: string;
  sessionSecret: string;
  env: 'development' | 'production' | 'test';
  logLevel: string;
  provinceCode: string;
  /** Filled from the reference data once the province is known (see instanceInfo). */
  instanceName?: string;
  operator: { name?: string; address: string; phone: string; email: string };
  seedDemo: boolean;
  smtpUrl?: string;
  mailFrom: string;
  uploadMaxBytes: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  oidc?: { issuer: string; clientId: string; clientSecret: string; idClaim?: string };
  trustProxy: boolean;
  /** Search requests per minute per client address; 0: no limit. */
  searchRateLimit: number;
}

export class ConfigError extends Error {}

/** Reads the environment into a typed config, or throws one error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(
    Object.keys(vars).flatMap((k) => (env[k] !== undefined && env[k] !== '' ? [[k, env[k]]] : [])),
  );
  const parsed = schema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // Checks across variables read the raw values, so one error lists every problem at once.
  if (raw.NODE_ENV === 'production') {
    const missing = (['SESSION_SECRET', 'PUBLIC_URL'] as const).filter((k) => !raw[k]);
    if (missing.length) problems.push(`${missing.join(', ')}: required when NODE_ENV=production`);
  }
  const oidcNames = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  if (oidcNames.some((k) => raw[k]) && !oidcNames.every((k) => raw[k])) {
    problems.push(
      `${oidcNames.join(', ')}: set all three or none (missing ${oidcNames.filter((k) => !raw[k]).join(', ')})`,
    );
  }
  if (!parsed.success || problems.length) {
    throw new ConfigError(`Invalid configuration:\n${problems.map((l) => `  ${l}`).join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? devSecret(dataDir),
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    provinceCode: e.PROVINCE_CODE,
    instanceName: e.INSTANCE_NAME,
    operator: {
      name: e.OPERATOR_NAME,
      address: e.OPERATOR_ADDRESS,
      phone: e.OPERATOR_PHONE,
      email: e.OPERATOR_EMAIL,
    },
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `no-reply@${new URL(publicUrl).hostname}`,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    lockoutMinutes: e.LOCKOUT_MINUTES,
    oidc: e.OIDC_ISSUER
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID!,
          clientSecret: e.OIDC_CLIENT_SECRET!,
          idClaim: e.OIDC_ID_CLAIM,
        }
      : undefined,
    trustProxy: e.TRUST_PROXY,
    searchRateLimit: e.SEARCH_RATE_LIMIT,
  };
}

/** A development secret that survives restarts, so sessions stay valid across `npm start`s. */
function devSecret(dataDir: string): string {
  const file = path.join(dataDir, '.secrets');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
