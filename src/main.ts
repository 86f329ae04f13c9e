import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { instanceInfo, loadReferenceData } from './modules/geo/index.js';
import { createAdmin } from './modules/identity/index.js';
import { verifyAuditChain } from './platform/audit/service.js';
import { openDatabase } from './platform/db/open.js';

const say = (msg: string) => process.stdout.write(`${msg}\n`);

async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate': {
      const o = await openDatabase(config, say);
      await loadReferenceData(o.db);
      say('Migrations applied, reference data loaded.');
      await o.close();
      return 0;
    }
    case 'seed': {
      const { MAX_PRODUCTS, parseProductCount, runSeed } = await import('./seed/command.js');
      let products: number | null = null;
      try {
        const { values } = parseArgs({ args: rest, options: { products: { type: 'string' } } });
        products = values.products === undefined ? 0 : parseProductCount(values.products);
      } catch {
        // An unknown option: the usage below says what is accepted.
      }
      if (products === null) {
        say(`Usage: npm run seed [-- --products 100000] (a whole number from 1 to ${MAX_PRODUCTS})`);
        return 2;
      }
      instanceInfo(config);
      const o = await openDatabase(config, say);
      try {
        await loadReferenceData(o.db);
        await runSeed(o.db, config, products, say);
      } finally {
        await o.close();
      }
      return 0;
    }
    case 'admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          phone: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
        },
      });
      if ((!values.email && !values.phone) || !values.name || !values.password) {
        say(
          'Usage: npm run admin -- --email admin@example.vn --name "Nguyễn Văn A" --password "..." [--phone 09...]',
        );
        return 2;
      }
      const o = await openDatabase(config, say);
      try {
        const user = await createAdmin(o.db, {
          email: values.email,
          phone: values.phone,
          fullName: values.name,
          password: values.password,
        });
        say(`Administrator created: ${user.email ?? user.phone} (${user.id})`);
      } finally {
        await o.close();
      }
      return 0;
    }
    case 'audit-verify': {
      const o = await openDatabase(config, say);
      const r = await verifyAuditChain(o.db);
      await o.close();
      if (r.ok) say(`Audit chain intact: ${r.rows} rows verified.`);
      else say(`Audit chain BROKEN at row ${r.brokenAt}: ${r.why} (${r.rows} rows before it are intact).`);
      return r.ok ? 0 : 1;
    }
    default:
      say(`Unknown command "${command}". Commands: start | migrate | seed | admin | audit-verify`);
      return 2;
  }
}

async function start(config: ReturnType<typeof loadConfig>): Promise<number> {
  const t0 = Date.now();
  instanceInfo(config); // an unknown PROVINCE_CODE stops here, before any database is touched
  const opened = await openDatabase(config, say);
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    await loadReferenceData(opened.db);
    if (config.seedDemo) {
      // The demo seeder (and its image drawing) loads only when a start needs it.
      const { isEmpty, seedDemo } = await import('./seed/demo.js');
      if (await isEmpty(opened.db)) await seedDemo(opened.db, config, say);
    }
    app = await buildApp({ config, db: opened.db });
  } catch (err) {
    // Leave no embedded PostgreSQL running behind a failed start.
    await opened.close();
    throw err;
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal} received: stopping…`);
    await app.close();
    await app.outbox.stop();
    await app.periodic.stop();
    await opened.close();
    say('Stopped cleanly.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await opened.close();
    throw err;
  }
  app.outbox.start();
  app.periodic.start();
  say(
    `\n${app.instance.name} is running (${Date.now() - t0} ms).\nOpen ${config.publicUrl} in your browser. Ctrl-C stops it.\n`,
  );
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
