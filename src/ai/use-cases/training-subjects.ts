import type { Kysely } from 'kysely';
import { readRecordingSubjects, readWorkParties, readWorkSubjects } from '../../store/ai/training-subject-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import type { ReservationSubject } from '../reservation.js';

/** The registry as reservations see it: works with their share holders, recordings with their works. */
export interface TrainingSubjects {
  readonly works: ReadonlyMap<string, { readonly iswc: string | null; readonly title: string; readonly partyIds: readonly string[] }>;
  readonly recordings: ReadonlyMap<string, { readonly isrc: string | null; readonly title: string; readonly workIds: readonly string[] }>;
}

/** Reads every work and recording with what reservations resolve them by. */
export async function loadTrainingSubjects(db: Kysely<ClefDatabase>): Promise<TrainingSubjects> {
  const works = new Map<string, { iswc: string | null; title: string; partyIds: string[] }>();
  for (const w of await readWorkSubjects(db)) works.set(w.work_id, { iswc: w.iswc, title: w.title, partyIds: [] });
  for (const p of await readWorkParties(db)) works.get(p.work_id)?.partyIds.push(p.party_id);
  const recordings = new Map<string, { isrc: string | null; title: string; workIds: string[] }>();
  for (const r of await readRecordingSubjects(db)) {
    const entry = recordings.get(r.recording_id) ?? { isrc: r.isrc, title: r.title, workIds: [] };
    if (r.work_id) entry.workIds.push(r.work_id);
    recordings.set(r.recording_id, entry);
  }
  return { works, recordings };
}

/** What a reservation is resolved for: a recording with its works and their share holders, or a work with its share holders. */
export function reservationSubject(subjects: TrainingSubjects, ids: { readonly workId?: string | null; readonly recordingId?: string | null }): ReservationSubject {
  const workIds = new Set<string>();
  if (ids.workId) workIds.add(ids.workId);
  if (ids.recordingId) for (const w of subjects.recordings.get(ids.recordingId)?.workIds ?? []) workIds.add(w);
  const partyIds = new Set<string>();
  for (const w of workIds) for (const p of subjects.works.get(w)?.partyIds ?? []) partyIds.add(p);
  return { recordingId: ids.recordingId ?? null, workIds: [...workIds].sort(), partyIds: [...partyIds].sort() };
}
