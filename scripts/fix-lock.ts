/**
 * `npm run lock:fix`: the package registry this project is built from lacks Biome's binaries
 * for other platforms (macOS, Windows, musl, Android), so `npm install` leaves them out of
 * package-lock.json, and `npm ci` then refuses the lock file as out of sync. This adds the
 * missing entries (platform-restricted and optional: never downloaded on Linux x64, fetched
 * from the public registry elsewhere). Run it after `npm install` changes the lock file;
 * test/platform/lockfile.test.ts fails when it is needed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Entry = Record<string, unknown> & { version?: string; optionalDependencies?: Record<string, string> };

const lockPath = path.resolve(import.meta.dirname, '..', 'package-lock.json');

/** os, cpu and libc of each Biome CLI package, from its name. */
function platformOf(name: string) {
  const m = /^@biomejs\/cli-(android|darwin|linux|win32)-(arm64|x64)(-musl)?$/.exec(name);
  if (!m) return undefined;
  return {
    os: [m[1]],
    cpu: [m[2]],
    ...(m[3] ? { libc: ['musl'] } : m[1] === 'linux' ? { libc: ['glibc'] } : {}),
  };
}

/** Optional dependencies named by the lock file that have no entry of their own. */
export function missingOptionals(lock: { packages: Record<string, Entry> }) {
  const out: { name: string; version: string; dev: boolean }[] = [];
  for (const e of Object.values(lock.packages)) {
    for (const [name, version] of Object.entries(e.optionalDependencies ?? {})) {
      if (!lock.packages[`node_modules/${name}`]) out.push({ name, version, dev: e.dev === true });
    }
  }
  return out;
}

if (process.argv[1] === import.meta.filename) {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  const missing = missingOptionals(lock);
  for (const m of missing) {
    const platform = platformOf(m.name);
    if (!platform)
      throw new Error(`${m.name} is missing from the lock file and is not a known platform package`);
    lock.packages[`node_modules/${m.name}`] = {
      version: m.version,
      ...(m.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
  }
  const [root, ...rest] = Object.entries(lock.packages);
  lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(missing.length ? `added ${missing.map((m) => m.name).join(', ')}` : 'lock file complete');
}
