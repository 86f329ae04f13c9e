/**
 * `npm run bench`: runs every benchmark in bench/ (each `*.ts` file except this runner and
 * its helpers), one after the other so they do not disturb each other's timings.
 * Benchmarks are not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const helpers = new Set(['run.ts', 'machine.ts']);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !helpers.has(f))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`# ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
