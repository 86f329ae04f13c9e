import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const staticDir = path.resolve(import.meta.dirname, 'static');

const versions = new Map<string, string>();

/** URL of a static file with a content hash, so it can be cached for a year. */
export function asset(name: string): string {
  let v = versions.get(name);
  if (!v) {
    v = createHash('sha256')
      .update(readFileSync(path.join(staticDir, name)))
      .digest('hex')
      .slice(0, 10);
    versions.set(name, v);
  }
  return `/static/${name}?v=${v}`;
}
