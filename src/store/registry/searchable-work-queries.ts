import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';
import { readWorkCreators, readWorkCreatorsInRange } from './search-index-queries.js';
import { readWorkTitles } from './search-queries.js';

/** Works' display data, their alternate title keys and their current writers, as search reads them. */
export interface WorkSearchRows {
  readonly works: readonly { work_id: string; iswc: string | null; title: string; title_key: string }[];
  readonly alternates: readonly { work_id: string; title_key: string }[];
  readonly creators: ReadonlyMap<string, readonly { name: string; nameKey: string }[]>;
}

/**
 * A page of stored works after `after` in work id order, as search shows them. The page's titles and creators are
 * read by a work id range, not an id list: a range is a zone-map or index scan on both engines whatever its size.
 */
export async function readWorkSearchPage(db: Kysely<ClefDatabase>, after: string, limit: number): Promise<WorkSearchRows> {
  const works = await db.selectFrom('works').select(['work_id', 'iswc', 'title', 'title_key']).where('work_id', '>', after).orderBy('work_id').limit(limit).execute();
  if (works.length === 0) return { works, alternates: [], creators: new Map() };
  const [first, last] = [works[0]!.work_id, works.at(-1)!.work_id];
  const alternates = await db.selectFrom('work_titles').select(['work_id', 'title_key']).where('work_id', '>=', first).where('work_id', '<=', last).execute();
  const creators = await readWorkCreatorsInRange(db, first, last);
  return { works, alternates, creators };
}

/** These works as search shows them; a work id that is not stored (merged away) is left out. */
export async function readWorkSearchRows(db: Kysely<ClefDatabase>, workIds: readonly string[]): Promise<WorkSearchRows> {
  const ids = [...new Set(workIds)];
  const { works, alternates } = await readWorkTitles(db, ids);
  return { works, alternates, creators: await readWorkCreators(db, ids) };
}

/**
 * The history's next number: every registry write records history in its transaction, so an unchanged number
 * means no work changed since it was read.
 */
export async function readHistoryMark(db: Kysely<ClefDatabase>): Promise<bigint> {
  const row = await db.selectFrom('id_counters').select('next_value').where('kind', '=', 'history').executeTakeFirst();
  return row ? BigInt(row.next_value) : 1n;
}

/** The works the history records changes of from `mark` on (registrations, merges, ISWCs, disputes), at most `limit` + 1. */
export async function readWorksChangedSince(db: Kysely<ClefDatabase>, mark: bigint, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('history').select('entity_id').distinct().where('history_id', '>=', mark).where('entity_kind', '=', 'work').limit(limit + 1).execute();
  return rows.map((row) => row.entity_id);
}
