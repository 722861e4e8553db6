import type { Kysely } from 'kysely';
import { nextIds, type ClefDatabase, type Engine } from '../../store/index.js';
import { findReleasesByIcpn, readReleaseTracks } from '../../store/registry/release-queries.js';
import type { SubmittedRecording } from './work-submission.js';

/**
 * Records the releases recordings appear on: a release is found by its ICPN or created, and each recording is
 * put on its track list (at the track number given, else after the last track) unless it is already there.
 */
export async function writeReleases(
  db: Kysely<ClefDatabase>,
  engine: Engine,
  items: readonly { recordingId: string; release: NonNullable<SubmittedRecording['release']> }[],
): Promise<void> {
  if (items.length === 0) return;
  const existing = await findReleasesByIcpn(db, items.flatMap(({ release }) => (release.icpn ? [release.icpn] : [])));
  const byIcpn = new Map(existing.map((row) => [row.icpn!, row.release_id]));
  const fresh: ClefDatabase['releases'][] = [];
  const withoutIcpn = new Map<string, string>();
  const wanted = items.filter(({ release }) => (release.icpn ? !byIcpn.has(release.icpn) : !withoutIcpn.has(release.title)));
  const ids = await nextIds(db, 'release', 'L', wanted.length);
  let next = 0;
  const releaseOf = items.map(({ release }) => {
    const known = release.icpn ? byIcpn.get(release.icpn) : withoutIcpn.get(release.title);
    if (known) return known;
    const id = ids[next++];
    if (release.icpn) byIcpn.set(release.icpn, id);
    else withoutIcpn.set(release.title, id);
    fresh.push({ release_id: id, icpn: release.icpn ?? null, title: release.title, label: release.label ?? null, release_date: null });
    return id;
  });
  await engine.bulkInsert(db, 'releases', fresh);
  const tracks = await readReleaseTracks(db, releaseOf);
  const onRelease = new Map<string, Map<number, string>>();
  for (const track of tracks) {
    if (!onRelease.has(track.release_id)) onRelease.set(track.release_id, new Map());
    onRelease.get(track.release_id)!.set(track.track_number, track.recording_id);
  }
  const added: ClefDatabase['release_tracks'][] = [];
  items.forEach(({ recordingId, release }, i) => {
    const releaseId = releaseOf[i];
    const list = onRelease.get(releaseId) ?? new Map<number, string>();
    onRelease.set(releaseId, list);
    if ([...list.values()].includes(recordingId)) return;
    const trackNumber = release.trackNumber && !list.has(release.trackNumber) ? release.trackNumber : Math.max(0, ...list.keys()) + 1;
    list.set(trackNumber, recordingId);
    added.push({ release_id: releaseId, track_number: trackNumber, recording_id: recordingId });
  });
  await engine.bulkInsert(db, 'release_tracks', added);
}
