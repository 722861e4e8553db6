import { ClefError } from '../../errors/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import type { ReservationScope } from '../reservation.js';
import { listReservations, setReservation, type ReservationInput, type ReservationView } from './reservations.js';
import { loadTrainingSubjects, type TrainingSubjects } from './training-subjects.js';

/** What a member's reservations may name: its party, the works it holds a share in and their recordings. */
export interface PartySubjects {
  readonly works: readonly { readonly work_id: string; readonly iswc: string | null; readonly title: string }[];
  readonly recordings: readonly { readonly recording_id: string; readonly isrc: string | null; readonly title: string }[];
}

function ownSubjects(subjects: TrainingSubjects, partyId: string): PartySubjects {
  const works = [...subjects.works].filter(([, w]) => w.partyIds.includes(partyId)).map(([work_id, w]) => ({ work_id, iswc: w.iswc, title: w.title }));
  const workIds = new Set(works.map((w) => w.work_id));
  const recordings = [...subjects.recordings].filter(([, r]) => r.workIds.some((w) => workIds.has(w))).map(([recording_id, r]) => ({ recording_id, isrc: r.isrc, title: r.title }));
  return { works, recordings };
}

function isOwn(own: PartySubjects, partyId: string, scope: ReservationScope): boolean {
  if (scope.kind === 'party') return scope.id === partyId;
  if (scope.kind === 'work') return own.works.some((w) => w.work_id === scope.id);
  if (scope.kind === 'recording') return own.recordings.some((r) => r.recording_id === scope.id);
  return false;
}

/** A member's works and recordings (those it holds a share in) and every reservation naming them or its party. */
export async function listPartyReservations(context: Pick<RegistryContext, 'store'>, partyId: string): Promise<PartySubjects & { readonly reservations: ReservationView[] }> {
  const own = ownSubjects(await loadTrainingSubjects(context.store.db), partyId);
  const reservations = (await listReservations(context)).filter((r) => r.scope_kind !== 'repertoire' && isOwn(own, partyId, { kind: r.scope_kind as 'work', id: r.scope_id ?? '' }));
  return { ...own, reservations };
}

/**
 * Records a member's own reservation or grant (the `clef ai reservations set` use case) for its party, one of its
 * works or one of their recordings; anything else, the repertoire included, is CLEF_AUTH_FORBIDDEN.
 */
export async function setPartyReservation(context: RegistryContext, partyId: string, input: ReservationInput): Promise<ReservationView> {
  return setReservation(context, input, async (scope) => {
    const own = ownSubjects(await loadTrainingSubjects(context.store.db), partyId);
    if (!isOwn(own, partyId, scope)) throw new ClefError('CLEF_AUTH_FORBIDDEN', `a member reserves only its own works, recordings and party, not ${scope.kind === 'repertoire' ? 'the repertoire' : `${scope.kind} ${scope.id}`}`, { field: scope.kind });
  });
}
