import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/pool.js';
import type { Variants } from './query.js';

/** What the vocabulary says about one word of a query. */
export type WordInfo = {
  word: string;
  known: boolean;
  /** Vocabulary words starting with it (asked for the unfinished last word only, shortest first). */
  completions: string[];
  /** Closest vocabulary words by trigram similarity, closest first. */
  close: { term: string; sim: number }[];
  /** Two vocabulary words it is made of, typed without the space ("yensao" -> "yen sao"). */
  splits: string[];
};

const COMPLETIONS = 16;
const CLOSE = 3;

/** One round trip for every word of a query. */
export async function lookUpWords(
  db: Executor,
  words: { word: string; complete: boolean }[],
): Promise<WordInfo[]> {
  if (!words.length) return [];
  const r = await db.execute<WordInfo>(sql`
    SELECT w.word, k.known,
      CASE WHEN w.complete THEN ARRAY(
        SELECT t.term FROM search_terms t WHERE t.term LIKE w.word || '%' AND t.term <> w.word
        ORDER BY length(t.term), t.term LIMIT ${COMPLETIONS}) ELSE '{}' END AS completions,
      CASE WHEN length(w.word) >= 3 THEN (SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT t.term, similarity(t.term, w.word) AS sim FROM search_terms t
        WHERE t.term % w.word AND t.term <> w.word ORDER BY t.term <-> w.word, t.term LIMIT ${CLOSE}) x)
        ELSE '[]' END AS close,
      CASE WHEN NOT k.known AND length(w.word) >= 4 THEN ARRAY(
        SELECT l.term || ' ' || r.term FROM generate_series(2, length(w.word) - 2) i
        JOIN search_terms l ON l.term = left(w.word, i) JOIN search_terms r ON r.term = substr(w.word, i + 1)
        ORDER BY i LIMIT 2) ELSE '{}' END AS splits
    FROM unnest(${sql.param(words.map((w) => w.word))}::text[], ${sql.param(words.map((w) => w.complete))}::bool[])
      AS w(word, complete)
    CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM search_terms t WHERE t.term = w.word) AS known) k`);
  return r.rows;
}

/**
 * The variants each word is matched with. First try: completions of the unfinished last
 * word, and for a word the vocabulary does not know, its close words (similarity 0.4 or
 * more) and its splits. Wider try (`wide`), when no name had every word: close words of
 * known words too ("sau" -> "sao"), from similarity 0.3.
 */
export function variantsOf(infos: WordInfo[], wide = false): Variants {
  return new Map(
    infos.map((i) => {
      const close = i.close
        .filter((c) => (wide ? c.sim >= 0.3 : !i.known && c.sim >= 0.4))
        .map((c) => c.term);
      return [i.word, [...i.completions, ...close, ...i.splits]];
    }),
  );
}

/** True when the wider try has anything the first did not. */
export const widens = (infos: WordInfo[]) =>
  infos.some((i) => i.close.some((c) => c.sim >= 0.3 && (i.known || c.sim < 0.4)));

/** Shown spellings of folded words ("yen" -> "yến"), where the vocabulary has them. */
export async function displayOf(db: Executor, folded: string[]): Promise<Map<string, string>> {
  if (!folded.length) return new Map();
  const r = await db.execute<{ term: string; display: string }>(
    sql`SELECT term, display FROM search_terms WHERE term = ANY(${sql.param(folded)}::text[])`,
  );
  return new Map(r.rows.map((x) => [x.term, x.display]));
}
