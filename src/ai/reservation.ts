import type { ReservationStatus, TrainingUse } from './training-use.js';

/** What a reservation covers: one work, one recording, every work of a party, or the CMO's whole repertoire. */
export type ReservationScope =
  | { readonly kind: 'recording'; readonly id: string }
  | { readonly kind: 'work'; readonly id: string }
  | { readonly kind: 'party'; readonly id: string }
  | { readonly kind: 'repertoire' };

/** A rights holder's (or the CMO's) reservation or grant of one use from a date; later rows for the same scope and use supersede earlier ones. */
export interface Reservation {
  readonly reservationId: string;
  readonly scope: ReservationScope;
  readonly use: TrainingUse;
  readonly status: ReservationStatus;
  readonly constraintInfo: string | null;
  /** ISO `YYYY-MM-DD`. */
  readonly effectiveFrom: string;
  /** When it was recorded (ISO-8601), to order two reservations with the same date. */
  readonly recordedAt: string;
}

/** What a reservation is resolved for: a recording and/or works, and the parties holding shares in them. */
export interface ReservationSubject {
  readonly recordingId?: string | null;
  readonly workIds: readonly string[];
  readonly partyIds: readonly string[];
}

/** The reservation that decides a use for a subject at a date, or none. */
export interface EffectiveReservation {
  readonly use: TrainingUse;
  readonly status: ReservationStatus;
  readonly constraintInfo: string | null;
  readonly reservation: Reservation;
}
