/**
 * The app as production runs it, for the benchmarks: built to JavaScript (`npm run build`),
 * then `npm run serve`'s own command under `exec`, so that the pid measured (memory, CPU) is
 * the app's and not a shell's.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

/** Builds, starts `serve` with exactly `env` and waits for its "is running" line. */
export async function startBuiltApp(opts: {
  env: Record<string, string>;
  /** Extra node flags, e.g. a CPU profile. */
  nodeFlags?: string;
  timeoutMs?: number;
}): Promise<ChildProcess> {
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('the build failed');
  const serve = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.serve as string;
  const command = opts.nodeFlags ? serve.replace(/^node /, `node ${opts.nodeFlags} `) : serve;
  const child = spawn('sh', ['-c', `exec ${command}`], {
    cwd: root,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  const end = Date.now() + (opts.timeoutMs ?? 60_000);
  while (!/is running/.test(out) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  if (!/is running/.test(out)) throw new Error(`the app did not start:\n${out}`);
  return child;
}

/** The embedded server's address under `dataDir`, read from its pid file (line 4 is the port). */
export function embeddedDatabaseUrl(dataDir: string): string {
  const port = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')
    .split('\n')[3]
    .trim();
  const password = readFileSync(path.join(dataDir, 'pg.password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/tmdt`;
}
