import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Releases by ICPN. */
export async function findReleasesByIcpn(db: Kysely<ClefDatabase>, icpns: readonly string[]) {
  const unique = [...new Set(icpns)];
  return unique.length === 0 ? [] : db.selectFrom('releases').selectAll().where('icpn', 'in', unique).execute();
}

/** The tracks already on releases. */
export async function readReleaseTracks(db: Kysely<ClefDatabase>, releaseIds: readonly string[]) {
  const unique = [...new Set(releaseIds)];
  return unique.length === 0 ? [] : db.selectFrom('release_tracks').selectAll().where('release_id', 'in', unique).execute();
}

/** The releases recordings appear on, with their track numbers. */
export async function readReleasesOfRecordings(db: Kysely<ClefDatabase>, recordingIds: readonly string[]) {
  if (recordingIds.length === 0) return [];
  return db
    .selectFrom('release_tracks')
    .innerJoin('releases', 'releases.release_id', 'release_tracks.release_id')
    .select(['release_tracks.recording_id', 'release_tracks.track_number', 'releases.release_id', 'releases.icpn', 'releases.title', 'releases.label'])
    .where('release_tracks.recording_id', 'in', [...recordingIds])
    .orderBy('releases.release_id')
    .execute();
}
