import type { TrainingMiningReservation } from '../labels/index.js';
import type { EffectiveReservation } from './reservation.js';
import { trainingUses, type ReservationStatus, type TrainingUse } from './training-use.js';

/** One CAWG entry: `{ use, constraint_info? }`. */
export interface CawgEntry {
  readonly use: ReservationStatus;
  readonly constraint_info?: string;
}

/**
 * The `cawg.training-mining` entries for resolved reservations: every use with its status (and constraint text
 * where constrained); a use nothing resolves takes `fallback` (the CMO's default, `notAllowed` until a licence
 * says otherwise). Null when nothing at all is reserved or granted, so the caller's own default applies whole.
 */
export function trainingMiningEntries(resolved: Readonly<Record<TrainingUse, EffectiveReservation | null>>, fallback: ReservationStatus = 'notAllowed'): TrainingMiningReservation | null {
  if (trainingUses.every((use) => resolved[use] === null)) return null;
  const entries: Record<string, CawgEntry> = {};
  for (const use of trainingUses) {
    const effective = resolved[use];
    const status = effective?.status ?? fallback;
    entries[`cawg.${use}`] = status === 'constrained' && effective?.constraintInfo ? { use: status, constraint_info: effective.constraintInfo } : { use: status };
  }
  return entries as unknown as TrainingMiningReservation;
}
