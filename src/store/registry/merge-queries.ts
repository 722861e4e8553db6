import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';
import { moveWorkSearchKeys } from './search-index-queries.js';

/**
 * Moves everything of work `merged` onto work `kept` (registrations, ISWCs as archived ones, titles, recordings,
 * society numbers, search keys) and removes the merged work's own row; its history stays under its id.
 */
export async function moveWorkInto(db: Kysely<ClefDatabase>, kept: string, merged: string): Promise<void> {
  await db.updateTable('registrations').set({ work_id: kept }).where('work_id', '=', merged).execute();
  await db.updateTable('work_iswcs').set({ work_id: kept, preferred: false }).where('work_id', '=', merged).execute();
  await db.updateTable('work_titles').set({ work_id: kept }).where('work_id', '=', merged).execute();
  await moveWorkSearchKeys(db, kept, merged);
  const keptRecordings = (await db.selectFrom('recording_works').select('recording_id').where('work_id', '=', kept).execute()).map((r) => r.recording_id);
  const moving = await db.selectFrom('recording_works').select('recording_id').where('work_id', '=', merged).execute();
  await db.deleteFrom('recording_works').where('work_id', '=', merged).execute();
  const fresh = moving.filter((r) => !keptRecordings.includes(r.recording_id)).map((r) => ({ recording_id: r.recording_id, work_id: kept }));
  if (fresh.length > 0) await db.insertInto('recording_works').values(fresh).execute();
  const keptSocieties = (await db.selectFrom('work_society_numbers').select('society_code').where('work_id', '=', kept).execute()).map((r) => r.society_code);
  await db.deleteFrom('work_society_numbers').where('work_id', '=', merged).where('society_code', 'in', keptSocieties.length ? keptSocieties : ['']).execute();
  await db.updateTable('work_society_numbers').set({ work_id: kept }).where('work_id', '=', merged).execute();
  await db.deleteFrom('work_collection_shares').where('work_id', '=', merged).execute();
  await db.deleteFrom('work_disputes').where('work_id', '=', merged).execute();
  await db.deleteFrom('works').where('work_id', '=', merged).execute();
}
