import { and, asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/service.js';
import { briefCache } from '../../platform/brief-cache.js';
import type { Db, Executor } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/context.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { f } from '../../platform/http/validation.js';
import { fold } from './documents.js';
import { type SynonymGroup, toGroups } from './query.js';
import { searchSynonyms } from './schema.js';

const MAX_SYNONYMS = 20;
const PHRASE_MAX = 60;

/** A phrase as matching sees it: folded words, letters and digits only. */
const phraseKey = (s: string) =>
  fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');

/** Synonyms arrive as one text (a form's textarea, separated by commas or lines) or a list (JSON). */
const phraseList = z
  .union([z.string(), z.array(z.string())], 'v.required')
  .transform((v) =>
    (Array.isArray(v) ? v : v.split(/[,;\n]/)).map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().max(PHRASE_MAX, 'search.synonym.too_long'))
      .min(1, 'search.synonym.none')
      .max(MAX_SYNONYMS, 'search.synonym.too_many'),
  );

export const synonymInput = z
  .object({
    term: f.text(PHRASE_MAX),
    synonyms: phraseList,
    reason: f.optText(500),
  })
  .superRefine((v, ctx) => {
    if (!phraseKey(v.term))
      ctx.addIssue({ code: 'custom', path: ['term'], message: 'search.synonym.no_letters' });
    const keys = v.synonyms.map(phraseKey);
    if (keys.some((k) => !k))
      ctx.addIssue({ code: 'custom', path: ['synonyms'], message: 'search.synonym.no_letters' });
    else if (keys.includes(phraseKey(v.term)))
      ctx.addIssue({ code: 'custom', path: ['synonyms'], message: 'search.synonym.same_as_term' });
  });
export type SynonymInput = z.output<typeof synonymInput>;

export const deleteInput = z.object({ reason: f.optText(500) });

export type Synonym = typeof searchSynonyms.$inferSelect;

export const listSynonyms = (db: Executor) =>
  db.select().from(searchSynonyms).orderBy(asc(searchSynonyms.termFolded));

export async function getSynonym(db: Executor, id: string): Promise<Synonym> {
  const [row] = await db.select().from(searchSynonyms).where(eq(searchSynonyms.id, id));
  if (!row) throw notFound();
  return row;
}

function values(input: SynonymInput) {
  const termFolded = phraseKey(input.term);
  const synonyms = [...new Map(input.synonyms.map((s) => [phraseKey(s), s])).values()];
  return {
    term: input.term,
    termFolded,
    synonyms,
    phrasesFolded: [termFolded, ...synonyms.map(phraseKey)],
  };
}

async function assertUnique(tx: Executor, termFolded: string, id?: string) {
  const [clash] = await tx
    .select({ id: searchSynonyms.id })
    .from(searchSynonyms)
    .where(
      id
        ? and(eq(searchSynonyms.termFolded, termFolded), ne(searchSynonyms.id, id))
        : eq(searchSynonyms.termFolded, termFolded),
    );
  if (clash) throw invalid('term', 'search.synonym.duplicate');
}

const by = (actor: Actor, ip: string) => ({ actorId: actor.id, actorLabel: actor.email ?? actor.phone, ip });

export async function createSynonym(db: Db, actor: Actor, input: SynonymInput, ip: string): Promise<Synonym> {
  return db.transaction(async (tx) => {
    const v = values(input);
    await assertUnique(tx, v.termFolded);
    const [row] = await tx
      .insert(searchSynonyms)
      .values({ ...v, createdBy: actor.id, updatedBy: actor.id })
      .returning();
    await recordAudit(tx, {
      ...by(actor, ip),
      action: 'search.synonym.create',
      subjectType: 'search_synonym',
      subjectId: row.id,
      reason: input.reason,
      data: { term: v.term, synonyms: v.synonyms },
    });
    return row;
  });
}

export async function updateSynonym(
  db: Db,
  actor: Actor,
  id: string,
  input: SynonymInput,
  ip: string,
): Promise<Synonym> {
  return db.transaction(async (tx) => {
    const before = await getSynonym(tx, id);
    const v = values(input);
    await assertUnique(tx, v.termFolded, id);
    const [row] = await tx
      .update(searchSynonyms)
      .set({ ...v, updatedBy: actor.id })
      .where(eq(searchSynonyms.id, id))
      .returning();
    await recordAudit(tx, {
      ...by(actor, ip),
      action: 'search.synonym.update',
      subjectType: 'search_synonym',
      subjectId: id,
      reason: input.reason,
      data: {
        before: { term: before.term, synonyms: before.synonyms },
        after: { term: v.term, synonyms: v.synonyms },
      },
    });
    return row;
  });
}

export async function deleteSynonym(
  db: Db,
  actor: Actor,
  id: string,
  reason: string | undefined,
  ip: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getSynonym(tx, id);
    await tx.delete(searchSynonyms).where(eq(searchSynonyms.id, id));
    await recordAudit(tx, {
      ...by(actor, ip),
      action: 'search.synonym.delete',
      subjectType: 'search_synonym',
      subjectId: id,
      reason,
      data: { term: before.term, synonyms: before.synonyms },
    });
  });
}

/**
 * The synonym groups every query is expanded with. Read at most once a second per process
 * (platform/brief-cache.ts): an officer's change reaches every instance within that second.
 */
export function synonymGroups(db: Executor, ttlMs?: number): () => Promise<SynonymGroup[]> {
  const cache = briefCache<SynonymGroup[]>({ ttlMs });
  const load = () =>
    db.select({ phrasesFolded: searchSynonyms.phrasesFolded }).from(searchSynonyms).then(toGroups);
  return () => cache.get('', load);
}
