import { trainingUsesOf, withinTerm, type AiLicence } from './ai-licence.js';
import type { EffectiveReservation } from './reservation.js';
import type { TrainingUse } from './training-use.js';

/** The four audit categories, in report order. */
export const auditCategories = ['licensed', 'violation', 'unlicensed', 'unidentified'] as const;

/** Where an audit puts a declared training item. */
export type AuditCategory = (typeof auditCategories)[number];

/** A declared item as the audit sees it: what identified it, and its effective reservations on the training date. */
export interface AuditSubject {
  readonly workId: string | null;
  readonly recordingId: string | null;
  readonly resolved: Readonly<Record<TrainingUse, EffectiveReservation | null>>;
}

/** The category and the reason, with the reservation that decided it where one did. */
export interface AuditVerdict {
  readonly category: AuditCategory;
  readonly reason: string;
  readonly reservation: EffectiveReservation | null;
}

function describe(effective: EffectiveReservation): string {
  const r = effective.reservation;
  const scope = r.scope.kind === 'repertoire' ? 'the whole repertoire' : `${r.scope.kind} ${r.scope.id}`;
  return `${effective.use} ${effective.status} for ${scope} since ${r.effectiveFrom} (reservation ${r.reservationId}${effective.constraintInfo ? `: ${effective.constraintInfo}` : ''})`;
}

/**
 * Sorts one declared item: nothing identified is `unidentified`; a use the licence is for that is reserved
 * (`notAllowed`) on the training date is a `violation`, whatever the licence says; a training date outside the
 * licence's term is `unlicensed` (no licence then); under an `opt-in` licence only items whose every use is
 * granted (`allowed` or `constrained`) are `licensed`, the rest `unlicensed`; under `not-reserved` every
 * item not reserved is `licensed`.
 */
export function auditCategory(subject: AuditSubject, licence: Pick<AiLicence, 'uses' | 'scope' | 'termStart' | 'termEnd'>, trainingDate: string): AuditVerdict {
  if (subject.workId === null && subject.recordingId === null) return { category: 'unidentified', reason: 'no registered work or recording matches it', reservation: null };
  const uses = trainingUsesOf(licence);
  const reserved = uses.map((use) => subject.resolved[use]).find((e) => e?.status === 'notAllowed');
  if (reserved) return { category: 'violation', reason: `used although reserved on ${trainingDate}: ${describe(reserved)}`, reservation: reserved };
  if (!withinTerm(licence, trainingDate)) return { category: 'unlicensed', reason: `trained on ${trainingDate}, outside the licence term ${licence.termStart} to ${licence.termEnd}`, reservation: null };
  if (licence.scope === 'opt-in') {
    const missing = uses.find((use) => subject.resolved[use] === null || subject.resolved[use]!.status === 'notAllowed');
    if (missing) return { category: 'unlicensed', reason: `the licence covers opted-in works only and ${missing} was not granted`, reservation: null };
    const grant = subject.resolved[uses[0]]!;
    return { category: 'licensed', reason: `opted in: ${describe(grant)}`, reservation: grant };
  }
  const constrained = uses.map((use) => subject.resolved[use]).find((e) => e?.status === 'constrained');
  if (constrained) return { category: 'licensed', reason: `not reserved; constrained: ${describe(constrained)}`, reservation: constrained };
  return { category: 'licensed', reason: 'not reserved on the training date', reservation: null };
}
