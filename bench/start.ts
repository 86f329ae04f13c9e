/**
 * `npm run bench:start`: how long from typing the start command to the first page.
 * Measures, over real HTTP, the time from spawning the process to the first 200 answer
 * to GET /: once on an empty data directory (cold: initdb, migrations, reference data,
 * demo data) and 5 times on the initialised one (warm). Writes bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../src/platform/db/embedded.js';
import { machine, markdownTable, median, writeSection } from './machine.js';

const root = path.resolve(import.meta.dirname, '..');
const WARM_RUNS = 5;

interface Run {
  /** Spawn to first 200 on GET /. */
  firstPage: number;
  /** What the app itself reports ("is running (N ms)"): database, migrations, routes. */
  selfReported: number;
}

async function once(command: string[], dataDir: string): Promise<Run> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so Ctrl-C can be sent as a terminal does
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  // 'close': every process holding the output (npm, the app, the database) has let go.
  const closed = new Promise<string>((resolve) =>
    child.on('close', (code, signal) => resolve(String(code ?? signal))),
  );
  let firstPage = 0;
  while (!firstPage) {
    if (child.exitCode !== null) throw new Error(`the app exited:\n${out}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      await res.arrayBuffer();
      if (res.status === 200) firstPage = performance.now() - t0;
    } catch {
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  for (let i = 0; i < 100 && !/is running \(\d+ ms\)/.test(out); i++)
    await new Promise((r) => setTimeout(r, 20));
  process.kill(-child.pid!, 'SIGINT');
  const how = await closed;
  // npm passes the Ctrl-C on and ends by the same signal; the app itself must exit 0.
  if (!/Stopped cleanly\./.test(out) || !['0', 'SIGINT'].includes(how)) {
    throw new Error(`the app did not stop cleanly (${how}):\n${out}`);
  }
  return { firstPage, selfReported: Number(/is running \((\d+) ms\)/.exec(out)?.[1] ?? Number.NaN) };
}

const ms = (x: number) => `${Math.round(x)} ms`;

function row(label: string, runs: Run[]): string[] {
  const first = runs.map((r) => r.firstPage);
  const self = runs.map((r) => r.selfReported);
  return [label, String(runs.length), ms(median(first)), ms(Math.max(...first)), ms(median(self))];
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tmdt-bench-'));
  chmodSync(dataDir, 0o755); // run as root, the postgres user must enter it
  const load = os.loadavg()[0].toFixed(1);
  const direct = [process.execPath, '--import', 'tsx', 'src/main.ts', 'start'];
  try {
    console.log('cold start (empty data directory)…');
    const cold = await once(direct, dataDir);
    console.log(`  ${ms(cold.firstPage)}`);
    const warm: Run[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      warm.push(await once(direct, dataDir));
      console.log(`warm start ${i + 1}/${WARM_RUNS}: ${ms(warm[i].firstPage)}`);
    }
    const viaNpm: Run[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      viaNpm.push(await once(['npm', 'start', '--silent'], dataDir));
      console.log(`warm start through npm ${i + 1}/${WARM_RUNS}: ${ms(viaNpm[i].firstPage)}`);
    }
    const date = new Date().toISOString().slice(0, 10);
    writeSection(
      'start',
      `## Start-up to first page (\`npm run bench:start\`)

${date} on ${machine()}; load average ${load} when it began (other work on the machine slows it).

Time from spawning the start command to the first \`200\` answer to \`GET /\` over HTTP,
embedded PostgreSQL (no \`DATABASE_URL\`), \`LOG_LEVEL=warn\`. "App reports" is the
\`is running (N ms)\` line: database start, migrations check, reference data check, routes.

${markdownTable(
  ['start', 'runs', 'median', 'max', 'app reports (median)'],
  [
    row('cold: empty data directory (initdb, migrations, reference data, demo data)', [cold]),
    row('warm: `node --import tsx src/main.ts start`', warm),
    row('warm: `npm start`', viaNpm),
  ],
)}`,
    );
    console.log('bench/RESULTS.md updated');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
