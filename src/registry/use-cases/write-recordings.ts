import type { Kysely } from 'kysely';
import { nextIds, type ClefDatabase, type Engine } from '../../store/index.js';
import { findRecordingWorkLinks } from '../../store/registry/recording-queries.js';
import { artistKey, titleKey } from '../match-key.js';
import type { ImportMemory } from './import-memory.js';
import type { WorkSubmission } from './work-submission.js';
import { writeReleases } from './write-releases.js';

/**
 * Creates the recordings submissions bring and links them to their works. A recording already registered with the
 * same ISRC and title is linked, not duplicated; the same ISRC with another title is another recording (ISRCs are
 * sometimes reused), so the registry keeps both. `existing` are the stored recordings of the ISRCs the submissions
 * give (those `memory` does not prove new).
 */
export async function writeRecordings(
  db: Kysely<ClefDatabase>,
  engine: Engine,
  items: readonly { submission: WorkSubmission; workId: string }[],
  now: string,
  existing: readonly ClefDatabase['recordings'][],
  memory?: ImportMemory,
): Promise<void> {
  const wanted = items.flatMap(({ submission, workId }) => submission.recordings.map((recording) => ({ recording, workId })));
  if (wanted.length === 0) return;
  const known = new Map<string, string>();
  // Only a recording stored before this call can already be linked to a work.
  const stored = new Set<string>();
  for (const row of existing) {
    known.set(`${row.isrc}|${row.title_key}`, row.recording_id);
    stored.add(row.recording_id);
  }
  const ids = await nextIds(db, 'recording', 'R', wanted.length);
  const recordings: ClefDatabase['recordings'][] = [];
  const links = new Map<string, ClefDatabase['recording_works']>();
  const onReleases: Parameters<typeof writeReleases>[2][number][] = [];
  wanted.forEach(({ recording, workId }, i) => {
    const key = titleKey(recording.title);
    const identity = recording.isrc ? `${recording.isrc}|${key}` : undefined;
    let recordingId = identity ? known.get(identity) : undefined;
    if (!recordingId) {
      recordingId = ids[i];
      if (identity) known.set(identity, recordingId);
      if (recording.isrc) memory?.remember('isrc', recording.isrc);
      const facets = recording.aiProvenance?.facets;
      recordings.push({
        recording_id: recordingId,
        isrc: recording.isrc ?? null,
        title: recording.title,
        version_title: recording.versionTitle ?? null,
        display_artist: recording.displayArtist ?? null,
        duration_s: recording.durationSeconds ?? null,
        label: recording.label ?? null,
        title_key: key,
        artist_key: artistKey(recording.displayArtist ?? ''),
        ai_vocals: facets?.vocals ?? 'human',
        ai_instrumentation: facets?.instrumentation ?? 'human',
        ai_production: facets?.production ?? 'human',
        ai_tools: JSON.stringify(recording.aiProvenance?.tools ?? []),
        human_contribution: recording.aiProvenance?.humanContribution?.statement ?? null,
        ai_evidence: JSON.stringify(recording.aiProvenance?.humanContribution?.evidence ?? []),
        extra: '{}',
        created_at: now,
      });
    }
    links.set(`${recordingId}|${workId}`, { recording_id: recordingId, work_id: workId });
    if (recording.release) onReleases.push({ recordingId, release: recording.release });
  });
  await engine.bulkInsert(db, 'recordings', recordings);
  const linkedBefore = [...new Set([...links.values()].map((link) => link.recording_id))].filter((id) => stored.has(id));
  for (const link of await findRecordingWorkLinks(db, linkedBefore)) links.delete(`${link.recording_id}|${link.work_id}`);
  await engine.bulkInsert(db, 'recording_works', [...links.values()]);
  await writeReleases(db, engine, onReleases);
}
