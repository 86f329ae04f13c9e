import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './platform/db/pool.js';
import { pickLocale, translator } from './platform/http/i18n.js';
import './platform/http/messages.js';
import path from 'node:path';
import { catalogModule } from './modules/catalog/index.js';
import { contractsModule } from './modules/contracts/index.js';
import { geoModule, instanceInfo } from './modules/geo/index.js';
import { authenticate, identityModule } from './modules/identity/index.js';
import { invoicesModule } from './modules/invoices/index.js';
import { ledgerModule } from './modules/ledger/index.js';
import { notificationsModule } from './modules/notifications/index.js';
import { ordersModule } from './modules/orders/index.js';
import { paymentsModule } from './modules/payments/index.js';
import { searchModule } from './modules/search/index.js';
import { sellersModule } from './modules/sellers/index.js';
import { storefrontModule } from './modules/storefront/index.js';
import { registerOps } from './platform/http/ops.js';
import { pgRateLimitStore } from './platform/http/rate-limit-store.js';
import { OutboxDispatcher } from './platform/jobs/outbox.js';
import { PeriodicTasks } from './platform/jobs/periodic.js';
import { createMailSender, type Mail, type MailSender } from './platform/mail/mailer.js';
import { MAIL_TOPIC } from './platform/mail/outbox.js';
import type { Deps, Module } from './platform/module.js';
import { localStorage, type Storage } from './platform/storage/storage.js';
import { staticDir } from './web/assets.js';
import { handleError } from './web/error-handler.js';
import { homeModule } from './web/home.js';

/** Every module of the app, in the order their routes are registered. */
export const modules: Module[] = [
  geoModule,
  identityModule,
  notificationsModule,
  sellersModule,
  searchModule,
  catalogModule,
  storefrontModule,
  paymentsModule,
  ordersModule,
  ledgerModule,
  contractsModule,
  invoicesModule,
  homeModule,
];

export interface BuildOptions {
  config: Config;
  db: Db;
  storage?: Storage;
  mailer?: MailSender;
  logger?: boolean | object;
}

export interface App extends FastifyInstance {
  deps: Deps;
  outbox: OutboxDispatcher;
  periodic: PeriodicTasks;
}

/** Builds the whole app from its config and database; tests build it the same way. */
export async function buildApp(opts: BuildOptions): Promise<App> {
  const { config, db } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: config.uploadMaxBytes * 4,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const deps: Deps = {
    config,
    db,
    storage: opts.storage ?? localStorage(path.join(config.dataDir, 'uploads')),
    mailer: opts.mailer ?? createMailSender({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log }),
  };
  app.decorate('deps', deps);
  app.decorate('instance', instanceInfo(config));

  const secure = config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    hsts: secure,
  });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(csrf, {
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure, path: '/' },
    getToken: (req) =>
      (req.body as { _csrf?: string } | undefined)?._csrf ?? (req.headers['x-csrf-token'] as string),
  });
  await app.register(formbody);
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: config.uploadMaxBytes, files: 10 },
    // A file over the limit is cut short and flagged, not thrown: the form then says which
    // file is too large and keeps everything else the user typed.
    throwFileSizeLimit: false,
    // Keep the name of each uploaded file with its bytes; an empty file input is no file.
    async onFile(part) {
      const data = await part.toBuffer();
      const value = { filename: part.filename, data, truncated: part.file.truncated };
      // null, not undefined: undefined would make the plugin put the (empty) raw buffer in the body.
      (part as unknown as { value: unknown }).value = part.filename ? value : null;
    },
  });
  await app.register(rateLimit, {
    global: false,
    store: pgRateLimitStore(db.$client),
    // Carry what is left of the window to the error handler, which tells the user how long to wait.
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error('rate limited'), { statusCode: ctx.statusCode, ttl: ctx.ttl }),
  });
  await app.register(fastifyStatic, {
    root: staticDir,
    prefix: '/static/',
    maxAge: '365d',
    immutable: true,
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'tmdt API',
        version: '1',
        description: 'JSON API of the provincial e-commerce platform.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Personal access token' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.decorateRequest('actor', null);
  app.decorateRequest('isApi', false);
  app.addHook('onRequest', async (req) => {
    req.isApi = req.url.startsWith('/api/');
    req.locale = pickLocale(req.query, req.cookies.lang, req.headers['accept-language']);
    req.t = translator(req.locale);
    if (!req.url.startsWith('/static/')) req.actor = await authenticate(db, req);
  });
  app.addHook('preHandler', async (req, reply) => {
    if (needsCsrf(req))
      await new Promise<void>((resolve, reject) =>
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve())),
      );
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((req, reply) =>
    handleError(Object.assign(new Error('not found'), { statusCode: 404 }) as never, req, reply),
  );

  registerOps(app, db);
  const outbox = new OutboxDispatcher(db, app.log);
  outbox.on<Mail>(MAIL_TOPIC, (mail) => deps.mailer.send(mail));
  const periodic = new PeriodicTasks(db, app.log);
  for (const m of modules) {
    if (m.routes) await app.register(async (scope) => m.routes!(scope, deps));
    for (const [topic, handler] of Object.entries(m.handlers?.(deps) ?? {}))
      outbox.on(topic, handler, m.name);
    for (const [name, task] of Object.entries(m.tasks?.(deps) ?? {})) periodic.add(name, task);
  }
  app.decorate('outbox', outbox);
  app.decorate('periodic', periodic);
  return app;
}

/**
 * Forms need a CSRF token. Exempt: safe methods, calls with a bearer token (no ambient
 * authority), and JSON API calls (a cross-site page cannot send application/json without
 * a CORS preflight, which this app never grants).
 */
function needsCsrf(req: FastifyRequest): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return false;
  if (req.actor?.via === 'token') return false;
  if (req.routeOptions.config && (req.routeOptions.config as { csrf?: boolean }).csrf === false) return false;
  return !(req.isApi && req.headers['content-type']?.startsWith('application/json'));
}
