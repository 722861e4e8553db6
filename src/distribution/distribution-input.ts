import type { Member } from '../registry/member.js';
import type { Right } from '../registry/right.js';
import type { TerritoryChain } from '../lookups/index.js';
import type { PoolScope } from './distribution-policy.js';

/** What matching found for a usage line: nothing, or a recording (null when only the work was identified) with its works (possibly none). */
export type LineMatch =
  | { readonly kind: 'unmatched' }
  | {
      readonly kind: 'recording';
      readonly recordingId: string | null;
      readonly workIds: readonly string[];
      /** Parts of a medley nobody identified: each weighs as much as a work, its share to the unidentified-work reserve. */
      readonly unidentifiedParts?: number;
    };

/** One usage line of a pool, as the engine needs it. */
export interface PoolLine {
  /** A key taken from the line's content (its SalesTransactionId, with the rights controller for LI01), unique in the pool: ties are broken by it, never by position. */
  readonly key: string;
  /** Where the line came from, for lineage only. */
  readonly reportId: string;
  readonly lineNumber: number;
  /** What the line weighs in its pool: usages net of returns, or (UGC) its LI01 AllocatedAmount in micro-units; may be negative. */
  readonly weight: bigint;
  /** The usages the line reports (net of returns), shown on statements. */
  readonly usages: bigint;
  /** False when IsRoyaltyBearing is false: the line carries no money. */
  readonly royaltyBearing: boolean;
  /** An LI01 whose RightsController is `conflict`: its value goes to the disputed reserve. */
  readonly conflict: boolean;
  readonly match: LineMatch;
}

/** A pool: the royalty for one summary record (per rights controller and rights type for UGC) and the lines it pays. */
export interface PoolInput {
  /** A key taken from the content (report id and SummaryRecordId), unique in a run. */
  readonly poolId: string;
  readonly scope: PoolScope;
  /** The summary's territory as a TIS code, resolved through the licence (the World for a worldwide summary under a worldwide licence). */
  readonly territoryTis: number;
  /** A multi-territory pool's country for shares split by territory (the CMO's own), when no cell covers the whole territory. */
  readonly shareFallbackTis?: number | null;
  /** The day memberships are checked on: the usage period's last day, ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** The pool's amount in micro-units of the CMO's currency (see computePoolAmount). */
  readonly amountMicros: bigint;
  /** The summary's Usages (what the lines' weights divide); null when the lines are the whole pool (UGC amounts). */
  readonly summaryWeight: bigint | null;
  /** The rights the licence covers for this pool. */
  readonly rights: readonly Right[];
  /** The summary's RightsType/RightsTypePercentage as basis points per right, when it gives them. */
  readonly rightsSplit: Readonly<Partial<Record<Right, bigint>>> | null;
  readonly lines: readonly PoolLine[];
}

/** One row of a work's consolidated collection shares: a party's share of a right in a territory cell. */
export interface ShareRow {
  readonly right: Right;
  readonly territories: TerritoryChain;
  readonly partyId: string;
  readonly collectionBasisPoints: number;
}

/** What the engine needs to know about a work. */
export interface WorkFacts {
  readonly workId: string;
  /** Every applicable AI facet is `ai_generated`. */
  readonly fullyAiGenerated: boolean;
  readonly shares: readonly ShareRow[];
}

/** A society the CMO has a reciprocal agreement with, for some rights in some territories. */
export interface SisterSociety {
  readonly societyCode: string;
  readonly rights: readonly Right[];
  readonly territories: TerritoryChain;
}

/** A party's affiliation to a society for a right. */
export interface Affiliation {
  readonly partyId: string;
  readonly right: Right;
  readonly societyCode: string;
}

/** The registry rows a run reads, as plain data (and recorded as the run's snapshot). */
export interface RegistrySnapshot {
  readonly works: ReadonlyMap<string, WorkFacts>;
  readonly members: readonly Member[];
  readonly sisters: readonly SisterSociety[];
  readonly affiliations: readonly Affiliation[];
}
