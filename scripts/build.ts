/**
 * `npm run build [-- --out dir]`: the app as plain JavaScript for production
 * (`npm run serve`, i.e. `node dist/main.js start`). esbuild only strips the types and
 * turns JSX into calls, file by file (no bundling), so paths relative to a module
 * (data/reference, migrations) resolve the same from dist/ as from src/. Running
 * compiled code spares the TypeScript loader and its memory (bench/RESULTS.md);
 * `npm run typecheck` stays the type check.
 */
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = path.resolve(root, values.out!);
// Beside src/, so that the relative paths to data/ and migrations/ hold.
if (path.dirname(out) !== root || out === src) throw new Error(`--out must name a new folder in ${root}`);

const sources = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('test-fixtures'))
  .map((f) => path.join(src, f));

const t0 = Date.now();
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: sources,
  outdir: out,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: path.join(root, 'tsconfig.json'),
  logLevel: 'warning',
});
cpSync(path.join(src, 'web/static'), path.join(out, 'web/static'), { recursive: true });
console.log(
  `Built ${sources.length} modules into ${path.relative(root, out) || '.'} in ${Date.now() - t0} ms.`,
);
