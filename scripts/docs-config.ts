/**
 * `npm run docs:config`: rewrites README.md's configuration table (between
 * <!-- config:start --> and <!-- config:end -->) from `configDocs` in src/config.ts,
 * so the README lists exactly the variables the app reads. A test fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { configDocs } from '../src/config.js';

export const readmePath = path.resolve(import.meta.dirname, '../README.md');
const START = '<!-- config:start -->';
const END = '<!-- config:end -->';

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The Markdown table: variable, default, what it does. */
export function configTable(): string {
  const rows = configDocs.map((d) => {
    const def = d.def.startsWith('(') ? d.def : `\`${d.def}\``;
    return `| \`${d.name}\` | ${cell(def)} | ${cell(d.doc)} |`;
  });
  return ['| Variable | Default | What it does |', '|---|---|---|', ...rows].join('\n');
}

/** README text with the table between the markers replaced by the current one. */
export function withConfigTable(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md needs ${START} and ${END} around the configuration table`);
  return `${readme.slice(0, a + START.length)}\n${configTable()}\n${readme.slice(b)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const before = readFileSync(readmePath, 'utf8');
  const after = withConfigTable(before);
  if (after === before) console.log('README.md configuration table is up to date.');
  else {
    writeFileSync(readmePath, after);
    console.log(`README.md configuration table rewritten (${configDocs.length} variables).`);
  }
}
