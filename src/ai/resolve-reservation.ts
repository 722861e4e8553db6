import type { EffectiveReservation, Reservation, ReservationScope, ReservationSubject } from './reservation.js';
import { trainingUses, type ReservationStatus, type TrainingUse } from './training-use.js';

/** How specific a scope is: the recording beats the work, the work beats the party, the party beats the repertoire. */
const specificity: Record<ReservationScope['kind'], number> = { recording: 4, work: 3, party: 2, repertoire: 1 };

/** How restrictive a status is, for subjects that several rights holders reserve at the same level. */
const restriction: Record<ReservationStatus, number> = { notAllowed: 3, constrained: 2, allowed: 1 };

function scopeKey(scope: ReservationScope): string {
  return scope.kind === 'repertoire' ? 'repertoire' : `${scope.kind}:${scope.id}`;
}

function concerns(scope: ReservationScope, subject: ReservationSubject): boolean {
  switch (scope.kind) {
    case 'repertoire':
      return true;
    case 'recording':
      return subject.recordingId === scope.id;
    case 'work':
      return subject.workIds.includes(scope.id);
    case 'party':
      return subject.partyIds.includes(scope.id);
  }
}

function later(a: Reservation, b: Reservation): boolean {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt > b.recordedAt;
  return a.reservationId > b.reservationId;
}

/**
 * The reservation that decides `use` for a subject on `date` (ISO `YYYY-MM-DD`): for each scope that concerns the
 * subject, the latest reservation in force on that date (a later `effectiveFrom` supersedes; the same date is
 * decided by when it was recorded); then the most specific scope wins (recording, work, party, repertoire); where
 * several scopes of that level apply (two works of a recording, two parties of a work), the most restrictive status
 * wins (notAllowed, constrained, allowed), so no rights holder's reservation is overridden by another's grant.
 * @example resolveReservation(reservations, { recordingId: 'R00000001', workIds: ['W00000001'], partyIds: [] }, 'ai_training', '2026-03-01')
 */
export function resolveReservation(reservations: readonly Reservation[], subject: ReservationSubject, use: TrainingUse, date: string): EffectiveReservation | null {
  const latest = new Map<string, Reservation>();
  for (const reservation of reservations) {
    if (reservation.use !== use || reservation.effectiveFrom > date || !concerns(reservation.scope, subject)) continue;
    const key = scopeKey(reservation.scope);
    const current = latest.get(key);
    if (!current || later(reservation, current)) latest.set(key, reservation);
  }
  let best: Reservation | undefined;
  for (const reservation of [...latest.values()].sort((a, b) => scopeKey(a.scope).localeCompare(scopeKey(b.scope)))) {
    if (
      !best ||
      specificity[reservation.scope.kind] > specificity[best.scope.kind] ||
      (specificity[reservation.scope.kind] === specificity[best.scope.kind] && restriction[reservation.status] > restriction[best.status])
    ) best = reservation;
  }
  return best ? { use, status: best.status, constraintInfo: best.constraintInfo, reservation: best } : null;
}

/** The effective reservation of every CAWG use for a subject on a date (null where nothing is reserved or granted). */
export function resolveReservations(reservations: readonly Reservation[], subject: ReservationSubject, date: string): Record<TrainingUse, EffectiveReservation | null> {
  return Object.fromEntries(trainingUses.map((use) => [use, resolveReservation(reservations, subject, use, date)])) as Record<TrainingUse, EffectiveReservation | null>;
}
