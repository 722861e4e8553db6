import type { Kysely } from 'kysely';
import { artistKey, titleKey } from '../../registry/match-key.js';
import { readRecordingSubjects } from '../../store/ai/training-subject-queries.js';
import { findRecordingsByIsrc } from '../../store/registry/recording-queries.js';
import { findWorkIdsByIswc } from '../../store/registry/work-queries.js';
import { recordingCandidates } from '../../store/usage/match-step-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import { scoreTitleMatch, type TitleMatchCandidate } from '../../usage/score-title-match.js';
import type { ManifestEntry } from '../training-manifest.js';

/** What identified a declared item: the recording and work, how, and the evidence in words. */
export interface TrainingIdentification {
  readonly recordingId: string | null;
  readonly workId: string | null;
  /** `isrc`, `iswc`, `title-artist` or `none`. */
  readonly method: string;
  readonly evidence: string;
}

async function worksOfRecordings(db: Kysely<ClefDatabase>, recordingIds: readonly string[]): Promise<Map<string, string[]>> {
  const works = new Map<string, string[]>();
  for (const row of await readRecordingSubjects(db, [...new Set(recordingIds)])) {
    const list = works.get(row.recording_id) ?? [];
    if (row.work_id) list.push(row.work_id);
    works.set(row.recording_id, list);
  }
  return works;
}

function withWork(recordingId: string, works: ReadonlyMap<string, string[]>, method: string, evidence: string): TrainingIdentification {
  const linked = [...(works.get(recordingId) ?? [])].sort();
  const note = linked.length > 1 ? `; the recording embodies ${linked.join(', ')}` : linked.length === 0 ? '; no work is linked to the recording' : '';
  return { recordingId, workId: linked[0] ?? null, method, evidence: evidence + note };
}

/**
 * Identifies declared items the way usage lines are matched: ISRC first (one recording; an ISRC naming several is
 * not guessed), then ISWC, then normalized title and artist scored by the usage matcher (`scoreTitleMatch`, same
 * thresholds); what none of them finds is unidentified.
 */
export async function identifyTrainingEntries(db: Kysely<ClefDatabase>, entries: readonly ManifestEntry[], file: string): Promise<TrainingIdentification[]> {
  const byIsrc = new Map<string, string[]>();
  for (const row of await findRecordingsByIsrc(db, entries.flatMap((e) => (e.isrc ? [e.isrc] : [])))) byIsrc.set(row.isrc!, [...(byIsrc.get(row.isrc!) ?? []), row.recording_id]);
  const byIswc = await findWorkIdsByIswc(db, [...new Set(entries.flatMap((e) => (e.iswc ? [e.iswc] : [])))]);
  const keys = entries.map((e) => ({ title: e.title ? titleKey(e.title) : '', artist: e.artist ? artistKey(e.artist) : '' }));
  const rows = await recordingCandidates(db, keys.map((k) => k.title), keys.map((k) => k.artist));
  const candidates: TitleMatchCandidate[] = rows.map((r) => ({ recordingId: r.recording_id, isrc: r.isrc, titleKey: r.title_key, artistKey: r.artist_key, workId: r.work_id, creatorKey: r.creator_key }));
  const works = await worksOfRecordings(db, [...[...byIsrc.values()].flat(), ...candidates.map((c) => c.recordingId)]);
  return entries.map((entry, i) => {
    const where = `${file} line ${entry.line}`;
    const found = entry.isrc ? byIsrc.get(entry.isrc) ?? [] : [];
    if (found.length === 1) return withWork(found[0], works, 'isrc', `${where}: ISRC ${entry.isrc} is recording ${found[0]}`);
    const ambiguous = found.length > 1 ? `; ISRC ${entry.isrc} names ${found.length} recordings, not guessed` : '';
    const workId = entry.iswc ? byIswc.get(entry.iswc) : undefined;
    if (workId) return { recordingId: null, workId, method: 'iswc', evidence: `${where}: ISWC ${entry.iswc} is work ${workId}${ambiguous}` };
    if (keys[i].title !== '') {
      const result = scoreTitleMatch({ titleKey: keys[i].title, artistKey: keys[i].artist, writerKeys: [] }, candidates);
      if (result.kind === 'match') return withWork(result.recordingId, works, 'title-artist', `${where}: "${entry.title}" by ${entry.artist ?? '?'} matches recording ${result.recordingId} (confidence ${(result.confidence / 100).toFixed(2)} %)${ambiguous}`);
      if (result.kind === 'ambiguous') return { recordingId: null, workId: null, method: 'none', evidence: `${where}: "${entry.title}" matches several recordings equally well; not guessed${ambiguous}` };
    }
    const said = [entry.isrc && `ISRC ${entry.isrc}`, entry.iswc && `ISWC ${entry.iswc}`, entry.title && `"${entry.title}"`, entry.artist && `by ${entry.artist}`].filter(Boolean).join(' ');
    return { recordingId: null, workId: null, method: 'none', evidence: `${where}: ${said} matches no registered recording or work${ambiguous}` };
  });
}
