import type { Right } from './right.js';
import type { TerritoryChain } from '../lookups/index.js';

/** A sister society the CMO has a reciprocal agreement with, for some rights in some territories. */
export interface SisterSociety {
  /** CISAC society code, three digits. */
  readonly societyCode: string;
  readonly rights: readonly Right[];
  readonly territories: TerritoryChain;
}

/** Who the CMO is: its name, CISAC society code, currency and sister societies. */
export interface CmoSettings {
  readonly name: string;
  /** CISAC society code, three digits. */
  readonly societyCode: string;
  /** ISO 4217 currency code. */
  readonly currency: string;
  readonly sisters: readonly SisterSociety[];
}
