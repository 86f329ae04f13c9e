import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import { fold } from './documents.js';
import type { CategoryNames } from './engine.js';
import type { ParsedQuery } from './query.js';
import { displayOf, type WordInfo } from './vocabulary.js';

/**
 * What to offer when a query finds nothing: the query with each unknown word replaced by the
 * closest vocabulary word, the product names closest to the query, and the closest categories.
 */
export async function zeroResultSuggestions(
  db: Executor,
  p: ParsedQuery,
  infos: WordInfo[],
  categories: CategoryNames,
): Promise<{ queries: string[]; categories: string[] }> {
  const byWord = new Map(infos.map((i) => [i.word, i]));
  const corrected = p.tokens.map((t) => {
    const i = byWord.get(t);
    return i && !i.known && i.close.length ? i.close[0].term : t;
  });
  const queries: string[] = [];
  if (corrected.join(' ') !== p.folded) {
    const shown = await displayOf(db, corrected);
    queries.push(corrected.map((w) => shown.get(w) ?? w).join(' '));
  }
  if (p.folded.length >= 3) {
    const r = await db.execute<{ name: string; name_folded: string; sim: number }>(sql`
      SELECT d.name, d.name_folded, similarity(d.name_folded, ${p.folded}) AS sim
      FROM search_documents d WHERE d.name_folded % ${p.folded} LIMIT 200`);
    const names = new Map<string, { name: string; sim: number }>();
    for (const x of r.rows.sort((a, b) => b.sim - a.sim))
      if (!names.has(x.name_folded)) names.set(x.name_folded, { name: x.name, sim: x.sim });
    for (const n of [...names.values()].slice(0, 3)) if (!queries.includes(n.name)) queries.push(n.name);
  }
  return { queries: queries.slice(0, 4), categories: closestCategories(p.folded, categories) };
}

/** Trigram-like closeness in the app: categories are few, their names short. */
function closestCategories(folded: string, categories: CategoryNames): string[] {
  if (folded.length < 2) return [];
  const q = grams(folded);
  return categories.all
    .map((c) => {
      const names = [fold(c.vi), fold(c.en)];
      const score = Math.max(...names.map((n) => wordSimilarity(q, n)));
      return { code: c.code, score };
    })
    .filter((c) => c.score >= 0.4)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, 3)
    .map((c) => c.code);
}

/** Share of the query's trigrams found in the name (what pg_trgm's word_similarity approximates). */
function wordSimilarity(q: Set<string>, name: string): number {
  const n = grams(name);
  let shared = 0;
  for (const g of q) if (n.has(g)) shared += 1;
  return q.size ? shared / q.size : 0;
}

function grams(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.split(/[^a-z0-9]+/).filter(Boolean)) {
    const padded = `  ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** Categories whose name has a word starting with each word typed ("yen s" -> Yến sào). */
export function suggestCategories(tokens: string[], categories: CategoryNames): string[] {
  if (!tokens.length) return [];
  return categories.all
    .filter((c) =>
      [c.vi, c.en].some((name) => {
        const ws = fold(name).split(/[^a-z0-9]+/);
        return tokens.every((t) => ws.some((w) => w.startsWith(t)));
      }),
    )
    .map((c) => c.code);
}
