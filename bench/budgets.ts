/**
 * `npm run bench:budgets`: page weight budgets and a Lighthouse mobile audit, on the demo data.
 * - product, search and category pages: HTML + CSS at most 40 KB uncompressed, JavaScript at
 *   most 20 KB;
 * - Lighthouse (Debian's chromium, mobile emulation) on a product page: performance and
 *   accessibility at least 95.
 * Exits 1 when a budget is broken. Writes bench/RESULTS.md.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort } from '../src/platform/db/embedded.js';
import { chromiumFlags } from '../test/e2e/browser.js';
import { machine, markdownTable, writeSection } from './machine.js';

const root = path.resolve(import.meta.dirname, '..');
const KB = 1024;

async function startApp(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  for (let i = 0; i < 600 && !/is running/.test(out); i++) await new Promise((r) => setTimeout(r, 100));
  if (!/is running/.test(out)) throw new Error(`the app did not start:\n${out}`);
  return child;
}

/** Bytes of a page's HTML, of the stylesheets it links and of the scripts it loads. */
async function weigh(base: string, pagePath: string) {
  const html = await (await fetch(base + pagePath)).text();
  const sizeOf = async (urls: string[]) => {
    let total = 0;
    for (const u of urls) total += (await (await fetch(new URL(u, base))).arrayBuffer()).byteLength;
    return total;
  };
  const css = await sizeOf(
    [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]),
  );
  const js = await sizeOf([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]));
  return { html: Buffer.byteLength(html), css, js, body: html };
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tmdt-budgets-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const app = await startApp(port, dataDir);
  const base = `http://127.0.0.1:${port}`;
  let failed = false;
  try {
    const home = await (await fetch(`${base}/`)).text();
    const product = /href="(\/san-pham\/[^"]+)"/.exec(home)?.[1];
    const category = /href="(\/danh-muc\/[^"]+)"/.exec(home)?.[1];
    if (!product || !category) throw new Error('the home page links to no product or category');
    const pages: [string, string][] = [
      ['product page', product],
      ['search page', '/tim-kiem?q=yen+sao'],
      ['category page', category],
    ];
    const rows: string[][] = [];
    for (const [name, p] of pages) {
      const w = await weigh(base, p);
      const ok = w.html + w.css <= 40 * KB && w.js <= 20 * KB;
      failed ||= !ok;
      rows.push([
        name,
        `${(w.html / KB).toFixed(1)} KB`,
        `${(w.css / KB).toFixed(1)} KB`,
        `${((w.html + w.css) / KB).toFixed(1)} KB`,
        `${(w.js / KB).toFixed(1)} KB`,
        ok ? 'within budget' : 'OVER BUDGET',
      ]);
    }

    const chrome = await chromeLauncher.launch({
      chromePath: execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim(),
      chromeFlags: ['--headless', ...chromiumFlags],
    });
    let scores: Record<string, number> = {};
    try {
      const r = await lighthouse(base + product, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        formFactor: 'mobile',
      });
      const cats = r?.lhr.categories ?? {};
      scores = Object.fromEntries(
        Object.entries(cats).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]),
      );
    } finally {
      await chrome.kill();
    }
    const lhOk = (scores.performance ?? 0) >= 95 && (scores.accessibility ?? 0) >= 95;
    failed ||= !lhOk;
    console.table(rows);
    console.log('lighthouse', scores);

    writeSection(
      'budgets',
      `## Page budgets (\`npm run bench:budgets\`)

${new Date().toISOString().slice(0, 10)} on ${machine()}; demo data of a first \`npm start\`.

${markdownTable(['page', 'HTML', 'CSS', 'HTML + CSS (≤ 40 KB)', 'JS (≤ 20 KB)', ''], rows)}

Lighthouse 12 mobile audit of a product page (Debian's chromium): performance ${scores.performance},
accessibility ${scores.accessibility} (goal: at least 95 each)${lhOk ? '' : ' — BELOW GOAL'}.`,
    );
  } finally {
    app.kill('SIGINT');
    await new Promise((r) => app.on('close', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
