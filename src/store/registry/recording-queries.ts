import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Recordings with any of the given ISRCs. */
export async function findRecordingsByIsrc(db: Kysely<ClefDatabase>, isrcs: readonly string[]) {
  const rows: ClefDatabase['recordings'][] = [];
  const unique = [...new Set(isrcs)];
  for (let start = 0; start < unique.length; start += 5000) {
    const slice = unique.slice(start, start + 5000);
    if (slice.length > 0) rows.push(...(await db.selectFrom('recordings').selectAll().where('isrc', 'in', slice).execute()));
  }
  return rows;
}

/** The work links of these recordings. */
export async function findRecordingWorkLinks(db: Kysely<ClefDatabase>, recordingIds: readonly string[]) {
  const rows: ClefDatabase['recording_works'][] = [];
  for (let start = 0; start < recordingIds.length; start += 5000) {
    rows.push(...(await db.selectFrom('recording_works').select(['recording_id', 'work_id']).where('recording_id', 'in', recordingIds.slice(start, start + 5000)).execute()));
  }
  return rows;
}
