import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Recordings by id or ISRC with their first linked work, for labels and audio identification. */
export async function findRecordingsByIdOrIsrc(db: Kysely<ClefDatabase>, idOrIsrc: string) {
  return db
    .selectFrom('recordings')
    .leftJoin('recording_works', 'recording_works.recording_id', 'recordings.recording_id')
    .leftJoin('works', 'works.work_id', 'recording_works.work_id')
    .select([
      'recordings.recording_id',
      'recordings.isrc',
      'recordings.title',
      'recordings.display_artist',
      'recordings.ai_vocals',
      'recordings.ai_instrumentation',
      'recordings.ai_production',
      'recordings.extra',
      'recordings.ai_tools',
      'works.work_id',
      'works.title as work_title',
    ])
    .where((eb) => eb.or([eb('recordings.recording_id', '=', idOrIsrc), eb('recordings.isrc', '=', idOrIsrc)]))
    .orderBy('recordings.recording_id')
    .orderBy('works.work_id')
    .execute();
}
