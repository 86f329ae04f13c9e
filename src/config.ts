import { createHmac, randomBytes } from 'node:crypto';
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
  PLATFORM_FEE_PERCENT: {
    def: '2',
    doc: 'Fee the platform keeps from each completed order, in percent of its total (0 to 30; decimals allowed).',
  },
  ORDER_PAYMENT_MINUTES: {
    def: '30',
    doc: 'How long an order paid online waits for its payment before it is cancelled and its stock released.',
  },
  ORDER_AUTO_COMPLETE_DAYS: {
    def: '7',
    doc: 'Days after delivery when an order completes by itself (and its escrow is released) unless a return was asked for.',
  },
  COLLECTION_BANK_BIN: {
    def: '970436',
    doc: "Bank (NAPAS BIN) of the platform's collection account that VietQR transfers go to.",
  },
  COLLECTION_ACCOUNT_NO: { def: '0011004455667', doc: 'Number of the collection account.' },
  COLLECTION_ACCOUNT_NAME: {
    def: 'SAN TMDT TINH <province>',
    doc: 'Holder of the collection account, as the bank shows it (capitals, no diacritics).',
  },
  BANK_WEBHOOK_SECRET: {
    def: '(derived from SESSION_SECRET; unset in production: webhook off)',
    doc: 'Shared secret of the bank-transfer notification webhook (HMAC-SHA256 signature).',
  },
  VNPAY_TMN_CODE: {
    def: 'TMDTDEMO (built-in sandbox; unset in production: VNPAY off)',
    doc: 'Merchant code (vnp_TmnCode) given by VNPAY.',
  },
  VNPAY_HASH_SECRET: {
    def: '(derived from SESSION_SECRET for the sandbox)',
    doc: 'Secret (vnp_HashSecret) for the HMAC-SHA512 signatures of VNPAY.',
  },
  VNPAY_PAY_URL: {
    def: '<PUBLIC_URL>/vnpay-sandbox/paymentv2/vpcpay.html',
    doc: "VNPAY's payment page; the default is the built-in sandbox that plays the gateway's part (required in production).",
  },
  INVOICE_KEY_FILE: {
    def: '(generated under DATA_DIR/keys)',
    doc: 'PEM private key (RSA) that signs e-invoices; with INVOICE_CERT_FILE. A self-signed pair is made for the demo.',
  },
  INVOICE_CERT_FILE: {
    def: '(generated under DATA_DIR/keys)',
    doc: 'PEM X.509 certificate of INVOICE_KEY_FILE.',
  },
  CONTRACT_KEY_FILE: {
    def: '(generated under DATA_DIR/keys)',
    doc: 'PEM Ed25519 private key that signs e-contracts.',
  },
  CONTRACT_VERIFY_RATE_LIMIT: {
    def: '30',
    doc: 'Public contract checks (page and API) a client address may make per minute; `0` turns the limit off.',
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
  PLATFORM_FEE_PERCENT: z.coerce.number().min(0).max(30).default(2),
  ORDER_PAYMENT_MINUTES: z.coerce.number().int().min(1).max(10080).default(30),
  ORDER_AUTO_COMPLETE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  COLLECTION_BANK_BIN: z
    .string()
    .regex(/^\d{6}$/, 'must be a 6-digit bank BIN, e.g. 970436')
    .default('970436'),
  COLLECTION_ACCOUNT_NO: z
    .string()
    .regex(/^[0-9A-Za-z]{4,19}$/, 'must be 4 to 19 letters or digits')
    .default('0011004455667'),
  COLLECTION_ACCOUNT_NAME: z.string().min(1).optional(),
  BANK_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  VNPAY_TMN_CODE: z.string().min(1).optional(),
  VNPAY_HASH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  VNPAY_PAY_URL: z.url().optional(),
  INVOICE_KEY_FILE: z.string().optional(),
  INVOICE_CERT_FILE: z.string().optional(),
  CONTRACT_KEY_FILE: z.string().optional(),
  CONTRACT_VERIFY_RATE_LIMIT: z.coerce.number().int().min(0).default(30),
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
  buying: {
    /** Percent of a completed order's total kept by the platform. */
    feePercent: number;
    paymentMinutes: number;
    autoCompleteDays: number;
    /** The platform's account that VietQR transfers go to (escrow). */
    collection: { bankBin: string; accountNo: string; accountName?: string };
    /** Unset: the bank-notification webhook answers 503. */
    bankWebhookSecret?: string;
    /** Unset: VNPAY is not offered. `payUrl` unset: the built-in sandbox under PUBLIC_URL. */
    vnpay?: { tmnCode: string; hashSecret: string; payUrl: string };
    /** Signing material; unset: generated under DATA_DIR/keys on first use. */
    invoiceKeyFile?: string;
    invoiceCertFile?: string;
    contractKeyFile?: string;
    /** Public contract checks per minute per client address; 0: no limit. */
    contractVerifyRateLimit: number;
  };
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
  if (raw.NODE_ENV === 'production' && raw.VNPAY_TMN_CODE && !raw.VNPAY_HASH_SECRET) {
    problems.push('VNPAY_HASH_SECRET: required with VNPAY_TMN_CODE in production');
  }
  // The built-in sandbox gateway is never a production default: it must be chosen by its address.
  if (raw.NODE_ENV === 'production' && raw.VNPAY_TMN_CODE && !raw.VNPAY_PAY_URL) {
    problems.push("VNPAY_PAY_URL: required with VNPAY_TMN_CODE in production (VNPAY's payment page)");
  }
  if (!parsed.success || problems.length) {
    throw new ConfigError(`Invalid configuration:\n${problems.map((l) => `  ${l}`).join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const sessionSecret = e.SESSION_SECRET ?? devSecret(dataDir);
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sessionSecret,
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
    buying: buyingConfig(e, sessionSecret, publicUrl),
  };
}

/**
 * Payment settings. Outside production the webhook and the VNPAY sandbox work out of the box
 * with secrets derived from the session secret; in production each is off until configured.
 */
function buyingConfig(e: z.infer<typeof schema>, sessionSecret: string, publicUrl: string): Config['buying'] {
  const production = e.NODE_ENV === 'production';
  const derived = (what: string) => createHmac('sha256', sessionSecret).update(what).digest('hex');
  const tmnCode = e.VNPAY_TMN_CODE ?? (production ? undefined : 'TMDTDEMO');
  return {
    feePercent: e.PLATFORM_FEE_PERCENT,
    paymentMinutes: e.ORDER_PAYMENT_MINUTES,
    autoCompleteDays: e.ORDER_AUTO_COMPLETE_DAYS,
    collection: {
      bankBin: e.COLLECTION_BANK_BIN,
      accountNo: e.COLLECTION_ACCOUNT_NO,
      accountName: e.COLLECTION_ACCOUNT_NAME,
    },
    bankWebhookSecret: e.BANK_WEBHOOK_SECRET ?? (production ? undefined : derived('bank-webhook')),
    vnpay: tmnCode
      ? {
          tmnCode,
          hashSecret: e.VNPAY_HASH_SECRET ?? derived('vnpay'),
          payUrl: e.VNPAY_PAY_URL ?? `${publicUrl}/vnpay-sandbox/paymentv2/vpcpay.html`,
        }
      : undefined,
    invoiceKeyFile: e.INVOICE_KEY_FILE,
    invoiceCertFile: e.INVOICE_CERT_FILE,
    contractKeyFile: e.CONTRACT_KEY_FILE,
    contractVerifyRateLimit: e.CONTRACT_VERIFY_RATE_LIMIT,
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
