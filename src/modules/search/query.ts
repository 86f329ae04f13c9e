import { fold, words } from './documents.js';

/** The longest query we read, in characters, and the most words we match on. */
export const MAX_QUERY_LENGTH = 100;
const MAX_WORDS = 8;

/** What a buyer typed, read the way matching needs it. */
export interface ParsedQuery {
  /** Trimmed, as typed. */
  text: string;
  /** Folded words ("Yến sào" -> ["yen", "sao"]). */
  tokens: string[];
  /** The folded words joined by one space. */
  folded: string;
  /** Lowercase words the buyer typed WITH diacritics ("tỏi"): results spelt the same rank first. */
  accentWords: string[];
  /** The last word may be unfinished (nothing typed after it), so it may match as a prefix. */
  lastIsPrefix: boolean;
}

export function parseQuery(raw: string, opts: { typing?: boolean } = {}): ParsedQuery {
  const typed = raw.normalize('NFC').slice(0, MAX_QUERY_LENGTH);
  const text = typed.trim();
  const all = words(text).slice(0, MAX_WORDS);
  // A single letter says little: dropped beside longer words, except the last one while
  // typing (autocomplete), where it is the start of the next word.
  const keep = (w: string, i: number) =>
    w.length > 1 || (opts.typing && i === all.length - 1 && /[\p{L}\p{N}]$/u.test(typed));
  const original = all.some((w) => w.length > 1) ? all.filter(keep) : all;
  const tokens = original.map(fold);
  const lastDropped = all.length > 0 && all[all.length - 1] !== original[original.length - 1];
  return {
    text,
    tokens,
    folded: tokens.join(' '),
    accentWords: [...new Set(original.filter((w) => fold(w) !== w))],
    lastIsPrefix: tokens.length > 0 && !lastDropped && !/[\s\p{P}]$/u.test(typed),
  };
}

/** A group of equivalent folded phrases, each a list of words: [["trai","cay"],["hoa","qua"]]. */
export type SynonymGroup = string[][];

/**
 * One requirement of the query: a document must contain one of the alternatives, each a list
 * of words that must all be present (in any order). "trai cay" with the synonym "hoa qua"
 * is one clause with two alternatives.
 */
export interface Clause {
  /** The words of the query this clause stands for. */
  source: string[];
  alternatives: string[][];
}

/**
 * Splits the tokens into clauses, replacing each run of words that is a synonym phrase by
 * the whole group (longest phrase first, left to right). Other words are clauses of their own.
 */
export function expandSynonyms(tokens: string[], groups: SynonymGroup[]): Clause[] {
  const clauses: Clause[] = [];
  let i = 0;
  while (i < tokens.length) {
    let best: { group: SynonymGroup; length: number } | undefined;
    for (const group of groups)
      for (const phrase of group)
        if (
          phrase.length > (best?.length ?? 0) &&
          phrase.every((w, k) => tokens[i + k] === w) &&
          i + phrase.length <= tokens.length
        )
          best = { group, length: phrase.length };
    if (best) {
      const source = tokens.slice(i, i + best.length);
      const others = best.group.filter((p) => p.join(' ') !== source.join(' '));
      clauses.push({ source, alternatives: [source, ...others] });
      i += best.length;
    } else {
      clauses.push({ source: [tokens[i]], alternatives: [[tokens[i]]] });
      i += 1;
    }
  }
  return clauses;
}

/**
 * Other words a word may stand for (completions, corrections), each one word or, for a
 * word typed without its space, two words ("yensao" -> "yen sao").
 */
export type Variants = Map<string, string[]>;

/**
 * Full-text query text ('simple' configuration) for the clauses: every clause required, any
 * alternative of a clause, every word of an alternative, any variant of a word. Words are
 * folded [a-z0-9] only, so they need no quoting; exact lexemes only (no prefix `:*` and no
 * phrase operator), which keeps the GIN index exact and fast.
 */
export function toTsQuery(clauses: Clause[], variants: Variants = new Map()): string {
  const word = (w: string) => {
    const all = [...new Set([w, ...(variants.get(w) ?? [])])].map((v) =>
      v.includes(' ') ? `(${v.split(' ').join(' & ')})` : v,
    );
    return all.length === 1 ? all[0] : `(${all.join(' | ')})`;
  };
  const alternative = (a: string[]) => (a.length === 1 ? word(a[0]) : `(${a.map(word).join(' & ')})`);
  return clauses
    .map((c) =>
      c.alternatives.length === 1
        ? alternative(c.alternatives[0])
        : `(${c.alternatives.map(alternative).join(' | ')})`,
    )
    .join(' & ');
}

/** Synonym groups as stored (folded phrases) split into words. */
export const toGroups = (rows: { phrasesFolded: string[] }[]): SynonymGroup[] =>
  rows.map((r) => r.phrasesFolded.map((p) => p.split(' ').filter(Boolean)).filter((p) => p.length));
