import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Writes rows of one table inside the caller's transaction (the engine's bulk path). */
export type WriteRows = <T extends 'work_search_keys' | 'search_terms' | 'search_term_variants'>(table: T, rows: ClefDatabase[T][]) => Promise<void>;

/** The search keys of one work, and whether the work is new in this write (then none of its keys are stored yet). */
export interface WorkSearchEntry {
  readonly workId: string;
  readonly keys: readonly string[];
  readonly fresh: boolean;
}

const chunk = 5_000;

function* slices<T>(list: readonly T[]): Generator<T[]> {
  for (let start = 0; start < list.length; start += chunk) yield list.slice(start, start + chunk);
}

/** What a writer of many batches knows of the vocabulary: `mayBeStored` false proves a term is not stored yet. */
export interface KnownTerms {
  mayBeStored(term: string): boolean;
  written(term: string): void;
}

/**
 * Adds works' search keys to the index, with the vocabulary they bring: a count row per term (rarest-first candidate
 * generation reads the sums) and the typo forms of terms never seen before. Keys a known work already has are skipped.
 * `knownTerms` spares the lookup of terms it proves new.
 */
export async function addWorkSearchKeys(
  db: Kysely<ClefDatabase>,
  write: WriteRows,
  entries: readonly WorkSearchEntry[],
  variantsOf: (term: string) => readonly string[],
  knownTerms?: KnownTerms,
): Promise<void> {
  const known = new Set<string>();
  const existing = entries.filter((entry) => !entry.fresh).map((entry) => entry.workId);
  for (const ids of slices([...new Set(existing)])) {
    const rows = await db.selectFrom('work_search_keys').select(['work_id', 'search_key']).where('work_id', 'in', ids).execute();
    for (const row of rows) known.add(`${row.work_id}\u0000${row.search_key}`);
  }
  const keyRows: ClefDatabase['work_search_keys'][] = [];
  const counts = new Map<string, number>();
  for (const { workId, keys } of entries) {
    for (const key of new Set(keys)) {
      const id = `${workId}\u0000${key}`;
      if (known.has(id)) continue;
      known.add(id);
      keyRows.push({ search_key: key, work_id: workId });
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  if (keyRows.length === 0) return;
  const terms = [...counts.keys()];
  const seen = new Set<string>();
  for (const list of slices(knownTerms ? terms.filter((term) => knownTerms.mayBeStored(term)) : terms)) {
    for (const row of await db.selectFrom('search_terms').select('term').distinct().where('term', 'in', list).execute()) seen.add(row.term);
  }
  await write('work_search_keys', keyRows);
  await write('search_terms', terms.map((term) => ({ term, work_count: BigInt(counts.get(term)!) })));
  await write('search_term_variants', terms.filter((term) => !seen.has(term)).flatMap((term) => variantsOf(term).map((variant) => ({ variant, term }))));
  if (knownTerms) for (const term of terms) knownTerms.written(term);
}

/** Moves a merged work's search keys to the work kept (a key both had then counts twice for the kept work, harmlessly). */
export async function moveWorkSearchKeys(db: Kysely<ClefDatabase>, kept: string, merged: string): Promise<void> {
  await db.updateTable('work_search_keys').set({ work_id: kept }).where('work_id', '=', merged).execute();
}

type Creators = Map<string, { name: string; nameKey: string }[]>;

/** Adds the writers of current registrations of the works in `scope` (a list of ids, or an id range) to `byWork`. */
async function addWorkCreators(db: Kysely<ClefDatabase>, scope: { ids: string[] } | { first: string; last: string }, byWork: Creators): Promise<void> {
  const rows = await db
    .selectFrom('registrations')
    .innerJoin('registration_parties', 'registration_parties.registration_id', 'registrations.registration_id')
    .innerJoin('parties', 'parties.party_id', 'registration_parties.party_id')
    .select(['registrations.work_id', 'registration_parties.name', 'parties.name_key'])
    .$if('ids' in scope, (query) => query.where('registrations.work_id', 'in', (scope as { ids: string[] }).ids))
    .$if('first' in scope, (query) => {
      const range = scope as { first: string; last: string };
      return query.where('registrations.work_id', '>=', range.first).where('registrations.work_id', '<=', range.last);
    })
    .where('registrations.status', '=', 'current')
    .where('registration_parties.party_kind', '=', 'writer')
    .orderBy('registrations.work_id')
    .orderBy('registrations.registration_id')
    .orderBy('registration_parties.party_seq')
    .execute();
  for (const row of rows) {
    const list = byWork.get(row.work_id) ?? [];
    if (!list.some((creator) => creator.nameKey === row.name_key)) list.push({ name: row.name, nameKey: row.name_key });
    byWork.set(row.work_id, list);
  }
}

/** The writers of works' current registrations (name as registered, and its key), by work id, in registration order. */
export async function readWorkCreators(db: Kysely<ClefDatabase>, workIds: readonly string[]): Promise<Creators> {
  const byWork: Creators = new Map();
  for (const ids of slices([...new Set(workIds)])) await addWorkCreators(db, { ids }, byWork);
  return byWork;
}

/** The same for every work whose id lies in `first` … `last`: a range is a zone-map or index scan whatever its size. */
export async function readWorkCreatorsInRange(db: Kysely<ClefDatabase>, first: string, last: string): Promise<Creators> {
  const byWork: Creators = new Map();
  await addWorkCreators(db, { first, last }, byWork);
  return byWork;
}

/** A page of stored works in work id order after `after`, with their title keys (main first) and creators' name keys. */
export async function readWorksToIndex(db: Kysely<ClefDatabase>, after: string, limit: number) {
  const works = await db.selectFrom('works').select(['work_id', 'title_key']).where('work_id', '>', after).orderBy('work_id').limit(limit).execute();
  const ids = works.map((work) => work.work_id);
  const alternates = ids.length === 0 ? [] : await db.selectFrom('work_titles').select(['work_id', 'title_key']).where('work_id', 'in', ids).execute();
  const creators = await readWorkCreators(db, ids);
  const titlesOf = new Map(works.map((work) => [work.work_id, [work.title_key]]));
  for (const alternate of alternates) titlesOf.get(alternate.work_id)?.push(alternate.title_key);
  return ids.map((workId) => ({ workId, titleKeys: titlesOf.get(workId)!, creatorKeys: (creators.get(workId) ?? []).map((creator) => creator.nameKey) }));
}

const pendingKey = 'search_index';

/** True when the search index must be built from the stored works (set by the migration that introduced it). */
export async function isSearchIndexPending(db: Kysely<ClefDatabase>): Promise<boolean> {
  return (await db.selectFrom('clef_meta').select('value').where('key', '=', pendingKey).executeTakeFirst())?.value === 'rebuild';
}

/** Marks the search index as to be built from the stored works, or (`false`) as built. */
export async function markSearchIndexPending(db: Kysely<ClefDatabase>, pending: boolean): Promise<void> {
  await db.deleteFrom('clef_meta').where('key', '=', pendingKey).execute();
  if (pending) await db.insertInto('clef_meta').values({ key: pendingKey, value: 'rebuild' }).execute();
}

/** Empties the search index and its vocabulary. */
export async function clearSearchIndex(db: Kysely<ClefDatabase>): Promise<void> {
  for (const table of ['work_search_keys', 'search_terms', 'search_term_variants'] as const) await db.deleteFrom(table).execute();
}
