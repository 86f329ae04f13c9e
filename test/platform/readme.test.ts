import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readmePath, withConfigTable } from '../../scripts/docs-config.js';
import { configDocs } from '../../src/config.js';
import { DEMO_PASSWORD } from '../../src/seed/demo.js';
import { demoStaff } from '../../src/seed/demo-sellers.js';
import { root } from './proc.js';

const readme = readFileSync(readmePath, 'utf8');

test('the configuration table in README.md matches src/config.ts (run `npm run docs:config`)', () => {
  assert.equal(readme, withConfigTable(readme), 'README.md is out of date: run `npm run docs:config`');
  for (const d of configDocs) assert.match(readme, new RegExp(`\\| \`${d.name}\` \\|`));
});

test('README keeps the two commands of the opening', () => {
  const opening = readme.slice(0, readme.indexOf('## '));
  assert.match(opening, /npm ci && npm start/);
  assert.match(opening, /npm ci && npm test/);
});

test('README lists the demo accounts with their password', () => {
  assert.ok(readme.includes(DEMO_PASSWORD));
  for (const u of Object.values(demoStaff)) assert.ok(readme.includes(`\`${u.email}\``), u.email);
});

test('every `npm run` in README is a script of package.json', () => {
  const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<
    string,
    string
  >;
  const used = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
  assert.ok(used.length >= 5);
  for (const s of used) assert.ok(scripts[s], `npm run ${s}`);
});

test('README links to files that exist', () => {
  const links = [...readme.matchAll(/\]\(((?!https?:)[^)#]+)\)/g)].map((m) => m[1]);
  assert.ok(links.length >= 4);
  for (const l of links) assert.ok(existsSync(path.join(root, l)), `${l} exists`);
});
