/** What a benchmark ran on, and how its results are kept in bench/RESULTS.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function machine(): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux: keep what Node reports
  }
  const gib = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${cpu.trim()}, ${os.cpus().length} cores, ${gib} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

export const resultsFile = path.resolve(import.meta.dirname, 'RESULTS.md');

const header = `# Benchmark results

Recorded by \`npm run bench\` (each benchmark rewrites its own section; history is in git).
`;

/** Replaces (or appends) the section of one benchmark, between its markers. */
export function writeSection(name: string, body: string): void {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const text = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : header;
  const section = `${begin}\n${body.trim()}\n${end}`;
  const at = text.indexOf(begin);
  const next =
    at >= 0
      ? text.slice(0, at) + section + text.slice(text.indexOf(end, at) + end.length)
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(resultsFile, next);
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A Markdown table with padded columns (the layout Biome's formatter keeps). */
export function markdownTable(head: string[], rows: string[][]): string {
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(width[i])).join(' | ')} |`;
  return [line(head), line(width.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
