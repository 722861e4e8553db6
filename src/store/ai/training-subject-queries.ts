import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Every work with its preferred ISWC and title, in id order. */
export async function readWorkSubjects(db: Kysely<ClefDatabase>) {
  return db.selectFrom('works').select(['work_id', 'iswc', 'title']).orderBy('work_id').execute();
}

/** Every recording with its ISRC, title and linked works, in id order (one row per linked work). */
export async function readRecordingSubjects(db: Kysely<ClefDatabase>, recordingIds?: readonly string[]) {
  let query = db
    .selectFrom('recordings as r')
    .leftJoin('recording_works as rw', 'rw.recording_id', 'r.recording_id')
    .select(['r.recording_id', 'r.isrc', 'r.title', 'rw.work_id']);
  if (recordingIds !== undefined) {
    if (recordingIds.length === 0) return [];
    query = query.where('r.recording_id', 'in', [...recordingIds]);
  }
  return query.orderBy('r.recording_id').orderBy('rw.work_id').execute();
}

/** The parties holding collection shares in works (any right, any territory), one row per work and party. */
export async function readWorkParties(db: Kysely<ClefDatabase>, workIds?: readonly string[]) {
  let query = db.selectFrom('work_collection_shares').select(['work_id', 'party_id']).distinct();
  if (workIds !== undefined) {
    if (workIds.length === 0) return [];
    query = query.where('work_id', 'in', [...workIds]);
  }
  return query.orderBy('work_id').orderBy('party_id').execute();
}

/** Works with their preferred ISWC and title by id. */
export async function readWorksById(db: Kysely<ClefDatabase>, workIds: readonly string[]) {
  if (workIds.length === 0) return [];
  return db.selectFrom('works').select(['work_id', 'iswc', 'title']).where('work_id', 'in', [...workIds]).orderBy('work_id').execute();
}
