import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import type { ClefDatabase } from '../schema.js';

// Short IN-lists are index probes on both engines; DuckDB plans a list of more than about 16 values as a join over the
// whole table (measured on 50 k works: 12 values 5 ms, 25 values 140–270 ms), so the typo forms go a dozen at a time.
const probeSize = 12;

/** The terms of the vocabulary that have any of these typo forms (`termVariants`), with the form that found them and how many works hold the term. */
export async function findTermsByVariants({ db, engine }: { db: Kysely<ClefDatabase>; engine: Engine }, variants: readonly string[]): Promise<{ variant: string; term: string; works: number }[]> {
  const distinct = [...new Set(variants)];
  const found: { variant: string; term: string }[] = [];
  for (let start = 0; start < distinct.length; start += probeSize) {
    found.push(...(await db.selectFrom('search_term_variants').select(['variant', 'term']).where('variant', 'in', distinct.slice(start, start + probeSize)).execute()));
  }
  const terms = [...new Set(found.map((row) => row.term))];
  const works = new Map<string, number>();
  // The typo forms of a short word find hundreds of terms: one statement for all of them.
  if (terms.length > 0) {
    const rows = await db.selectFrom('search_terms').select(['term', sql<string>`sum(work_count)`.as('works')]).where(sql<boolean>`term IN ${engine.spaceFreeList(terms)}`).groupBy('term').execute();
    for (const row of rows) works.set(row.term, Number(row.works));
  }
  return found.map((row) => ({ ...row, works: works.get(row.term) ?? 0 }));
}

/** Which of these terms some work holds. */
export async function findStoredTerms(db: Kysely<ClefDatabase>, terms: readonly string[]): Promise<Set<string>> {
  const distinct = [...new Set(terms)];
  const stored = new Set<string>();
  for (let start = 0; start < distinct.length; start += probeSize) {
    for (const row of await db.selectFrom('search_terms').select('term').distinct().where('term', 'in', distinct.slice(start, start + probeSize)).execute()) stored.add(row.term);
  }
  return stored;
}

/** The works holding these search keys, with the keys each holds (a dozen keys a probe: few rows each, by the index). */
export async function findPostings(db: Kysely<ClefDatabase>, keys: readonly string[]): Promise<Map<string, Set<string>>> {
  const distinct = [...new Set(keys)];
  const held = new Map<string, Set<string>>();
  for (let start = 0; start < distinct.length; start += probeSize) {
    const rows = await db.selectFrom('work_search_keys').select(['work_id', 'search_key']).where('search_key', 'in', distinct.slice(start, start + probeSize)).execute();
    for (const row of rows) (held.get(row.work_id) ?? held.set(row.work_id, new Set()).get(row.work_id)!).add(row.search_key);
  }
  return held;
}

// A work holds about 8 keys: 100 works a probe stay well under the rows DuckDB fetches by index (2,048) before it
// scans the whole table instead.
const worksPerProbe = 100;

/** Adds to `held` which of these search keys its works hold, reading the works' keys by work id. */
export async function addHeldKeys(db: Kysely<ClefDatabase>, held: Map<string, Set<string>>, keys: readonly string[]): Promise<void> {
  const wanted = new Set(keys);
  const ids = [...held.keys()];
  for (let start = 0; start < ids.length; start += worksPerProbe) {
    const rows = await db.selectFrom('work_search_keys').select(['work_id', 'search_key']).where('work_id', 'in', ids.slice(start, start + worksPerProbe)).execute();
    for (const row of rows) if (wanted.has(row.search_key)) held.get(row.work_id)!.add(row.search_key);
  }
}

/** The title keys (main and alternate) and display data of works. */
export async function readWorkTitles(db: Kysely<ClefDatabase>, workIds: readonly string[]) {
  if (workIds.length === 0) return { works: [], alternates: [] };
  const works = await db.selectFrom('works').select(['work_id', 'iswc', 'title', 'title_key']).where('work_id', 'in', [...workIds]).execute();
  const alternates = await db.selectFrom('work_titles').select(['work_id', 'title_key']).where('work_id', 'in', [...workIds]).execute();
  return { works, alternates };
}

/** Works by exact identifier: ISWC (current or archived), ISRC of a linked recording, IPI of a party, or a work number. */
export async function findWorkIdsByIdentifier(db: Kysely<ClefDatabase>, kind: 'iswc' | 'isrc' | 'ipi' | 'work_number', value: string): Promise<string[]> {
  switch (kind) {
    case 'iswc':
      return (await db.selectFrom('work_iswcs').select('work_id').where('iswc', '=', value).execute()).map((r) => r.work_id);
    case 'isrc':
      return (
        await db.selectFrom('recordings').innerJoin('recording_works', 'recording_works.recording_id', 'recordings.recording_id').select('recording_works.work_id').where('recordings.isrc', '=', value).execute()
      ).map((r) => r.work_id);
    case 'ipi':
      return (
        await db
          .selectFrom('registration_parties')
          .innerJoin('registrations', 'registrations.registration_id', 'registration_parties.registration_id')
          .innerJoin('party_ipi_names', 'party_ipi_names.party_id', 'registration_parties.party_id')
          .select('registrations.work_id')
          .distinct()
          .where('party_ipi_names.ipi_name_number', '=', value)
          .where('registrations.status', '=', 'current')
          .execute()
      ).map((r) => r.work_id);
    case 'work_number': {
      const own = await db.selectFrom('works').select('work_id').where('work_id', '=', value).execute();
      const society = await db.selectFrom('work_society_numbers').select('work_id').where('work_number', '=', value).execute();
      return [...own, ...society].map((r) => r.work_id);
    }
  }
}
