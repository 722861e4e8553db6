import type { EffectiveReservation } from './reservation.js';
import type { TrainingUse } from './training-use.js';

/** A work or recording (or the whole repertoire) with where it is published and its effective reservations, as exports need it. */
export interface ReservedLocation {
  readonly kind: 'work' | 'recording' | 'repertoire';
  /** The work or recording id; empty for the repertoire. */
  readonly id: string;
  /** The path pattern the rule applies to (`/works/W00000001`, `/recordings/CNA1M2600001`, `/*` for the repertoire). */
  readonly location: string;
  readonly isrc: string | null;
  readonly iswc: string | null;
  readonly title: string | null;
  readonly resolved: Readonly<Record<TrainingUse, EffectiveReservation | null>>;
}

/** The uses whose reservation amounts to a TDM reservation (AI training is text and data mining). */
const miningUses: readonly TrainingUse[] = ['data_mining', 'ai_training', 'ai_generative_training'];

/** True when any mining use of a location is reserved (`notAllowed`) or only allowed on conditions (`constrained`). */
export function isMiningReserved(location: ReservedLocation): boolean {
  return miningUses.some((use) => {
    const status = location.resolved[use]?.status;
    return status === 'notAllowed' || status === 'constrained';
  });
}

/** True when any use of a location is decided by a reservation. */
export function hasReservation(location: ReservedLocation): boolean {
  return Object.values(location.resolved).some((effective) => effective !== null);
}
