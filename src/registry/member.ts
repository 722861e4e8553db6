import type { Right } from './right.js';
import type { TerritoryChain } from '../lookups/index.js';

/** A membership: the CMO's own record that it represents a party for some rights in some territories for a period. */
export interface Member {
  readonly id: string;
  readonly partyId: string;
  readonly rights: readonly Right[];
  readonly territories: TerritoryChain;
  /** First day, ISO date `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Last day, ISO date `YYYY-MM-DD`; absent while the membership runs. */
  readonly endDate?: string;
}
