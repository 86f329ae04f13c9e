import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { missingOptionals } from '../../scripts/fix-lock.js';

test('package-lock.json names every optional dependency, so `npm ci` accepts it (run `npm run lock:fix`)', () => {
  const lock = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package-lock.json'), 'utf8'));
  assert.deepEqual(
    missingOptionals(lock).map((m) => m.name),
    [],
  );
});
