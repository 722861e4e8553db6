import type { Kysely } from 'kysely';
import { ClefError } from '../../errors/index.js';
import { parseIswc } from '../../identifiers/index.js';
import { requireOneRecording } from '../../registry/use-cases/find-recording.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { isIsoDate } from '../../calendar/index.js';
import { insertReservation, listReservationRows } from '../../store/ai/reservation-queries.js';
import { readWorksById } from '../../store/ai/training-subject-queries.js';
import { findPartyIdsByIpi, readParties } from '../../store/registry/party-queries.js';
import { findWorkIdsByIswc } from '../../store/registry/work-queries.js';
import { inTransaction, nextIds, type ClefDatabase } from '../../store/index.js';
import type { Reservation, ReservationScope } from '../reservation.js';
import { isReservationStatus, parseTrainingUse, reservationStatuses, trainingUses } from '../training-use.js';

/** What `clef ai reservations set` asks for: exactly one subject, a use, a status (with its constraint) and a date. */
export interface ReservationInput {
  /** A work id or ISWC. */
  readonly work?: string;
  /** A recording id or ISRC. */
  readonly recording?: string;
  /** A party id or IPI name number: all its works. */
  readonly party?: string;
  /** The CMO's default for its whole repertoire. */
  readonly repertoire?: boolean;
  readonly use: string;
  readonly status: string;
  readonly constraint?: string;
  /** ISO `YYYY-MM-DD`. */
  readonly from: string;
}

/** A reservation as commands print it. */
export type ReservationView = ClefDatabase['ai_reservations'];

function invalid(message: string, field: string, value?: string): ClefError {
  return new ClefError('CLEF_AI_RESERVATION_INVALID', message, { field, ...(value === undefined ? {} : { value }) });
}

async function workId(db: Kysely<ClefDatabase>, idOrIswc: string): Promise<string> {
  const iswc = parseIswc(idOrIswc);
  const id = iswc.ok ? (await findWorkIdsByIswc(db, [iswc.value])).get(iswc.value) : (await readWorksById(db, [idOrIswc.trim()]))[0]?.work_id;
  if (!id) throw new ClefError('CLEF_NOT_FOUND', `no work ${idOrIswc} (give a work id or ISWC)`, { field: '--work', value: idOrIswc });
  return id;
}

async function partyId(db: Kysely<ClefDatabase>, idOrIpi: string): Promise<string> {
  const byIpi = (await findPartyIdsByIpi(db, [idOrIpi.trim()])).get(idOrIpi.trim());
  if (byIpi) return byIpi;
  if ((await readParties(db, [idOrIpi.trim()])).parties.length > 0) return idOrIpi.trim();
  throw new ClefError('CLEF_NOT_FOUND', `no party ${idOrIpi} (give a party id or an IPI name number)`, { field: '--party', value: idOrIpi });
}

async function scopeOf(context: RegistryContext, input: ReservationInput): Promise<ReservationScope> {
  const given = [input.work, input.recording, input.party, input.repertoire ? 'repertoire' : undefined].filter((v) => v !== undefined);
  if (given.length !== 1) throw invalid('name exactly one of --work, --recording, --party or --repertoire', 'subject');
  if (input.work !== undefined) return { kind: 'work', id: await workId(context.store.db, input.work) };
  if (input.recording !== undefined) return { kind: 'recording', id: (await requireOneRecording(context, input.recording)).recordingId };
  if (input.party !== undefined) return { kind: 'party', id: await partyId(context.store.db, input.party) };
  return { kind: 'repertoire' };
}

/** The domain reservation of a stored row. */
export function reservationOf(row: ClefDatabase['ai_reservations']): Reservation {
  const scope: ReservationScope = row.scope_kind === 'repertoire' ? { kind: 'repertoire' } : { kind: row.scope_kind as 'work' | 'recording' | 'party', id: row.scope_id ?? '' };
  return {
    reservationId: row.reservation_id, scope, use: parseTrainingUse(row.use_code)!, status: row.status as Reservation['status'],
    constraintInfo: row.constraint_info, effectiveFrom: row.effective_from, recordedAt: row.recorded_at,
  };
}

/** Every reservation recorded, as the resolution rule takes them. */
export async function loadReservations(db: Kysely<ClefDatabase>): Promise<Reservation[]> {
  return (await listReservationRows(db)).map(reservationOf);
}

/**
 * Records a reservation or grant of one CAWG use for a work, a recording, a party's works or the repertoire from a
 * date; earlier ones stay in the history and a later one for the same subject and use supersedes them from its date.
 * `mayReserve` is asked about the subject once it is resolved (a member may reserve only its own works).
 */
export async function setReservation(context: RegistryContext, input: ReservationInput, mayReserve?: (scope: ReservationScope) => Promise<void>): Promise<ReservationView> {
  const use = parseTrainingUse(input.use);
  if (!use) throw invalid(`--use takes ${trainingUses.join(', ')}, not ${input.use}`, '--use', input.use);
  if (!isReservationStatus(input.status)) throw invalid(`--status takes ${reservationStatuses.join(', ')}, not ${input.status}`, '--status', input.status);
  const constraint = input.constraint?.trim() || null;
  if (input.status === 'constrained' && constraint === null) throw invalid('a constrained use needs its --constraint text', '--constraint');
  if (input.status !== 'constrained' && constraint !== null) throw invalid('--constraint goes with --status constrained only', '--constraint', constraint);
  if (!isIsoDate(input.from)) throw invalid(`--from must be a date YYYY-MM-DD, not ${input.from}`, '--from', input.from);
  const scope = await scopeOf(context, input);
  await mayReserve?.(scope);
  return inTransaction(context.store.db, async (tx) => {
    const [reservationId] = await nextIds(tx, 'ai_reservation', 'RSV', 1);
    const row = {
      reservation_id: reservationId, scope_kind: scope.kind, scope_id: scope.kind === 'repertoire' ? null : scope.id, use_code: use, status: input.status,
      constraint_info: constraint, effective_from: input.from, recorded_at: context.clock(), actor: context.actor,
    };
    await insertReservation(tx, row);
    return row;
  });
}

/** Every reservation with its history, in the order recorded. */
export async function listReservations(context: Pick<RegistryContext, 'store'>): Promise<ReservationView[]> {
  return listReservationRows(context.store.db);
}
