import type { Right } from '../registry/right.js';

/** The named reserves money waits in until it is claimed, identified or released; `ai_escrow` holds non-members' shares of AI remuneration. */
export type ReserveKind = 'unmatched' | 'unidentified_work' | 'undocumented_share' | 'disputed' | 'non_member' | 'ai_generated' | 'unreported_usage' | 'ai_escrow';

/** Every reserve, in the order run figures list them. */
export const reserveKinds: readonly ReserveKind[] = ['unmatched', 'unidentified_work', 'undocumented_share', 'disputed', 'non_member', 'ai_generated', 'unreported_usage', 'ai_escrow'];

/** Who an amount is booked to: the CMO's commission, a member party, a sister society, or a reserve. */
export type AccountKind = 'commission' | 'party' | 'society' | 'reserve';

/** One booking of a pool's money; a run's entries for a pool add up to the pool exactly. */
export interface LedgerEntry {
  readonly poolId: string;
  readonly accountKind: AccountKind;
  /** The party id, society code, reserve kind, or `commission`. */
  readonly accountId: string;
  /** The party whose share this is (members, sister-society affiliates, non-members); null otherwise. */
  readonly partyId: string | null;
  readonly workId: string | null;
  /** Set where the money belongs to a recording but no work: the unidentified-work reserve. */
  readonly recordingId: string | null;
  readonly right: Right | null;
  readonly amountMicros: bigint;
  /** The usages of the lines behind the amount. */
  readonly usages: bigint;
}

/** The key entries are summed and ordered by: everything but the amount and usages. */
export function ledgerEntryKey(entry: Omit<LedgerEntry, 'amountMicros' | 'usages'>): string {
  return [entry.poolId, entry.accountKind, entry.accountId, entry.partyId ?? '', entry.workId ?? '', entry.recordingId ?? '', entry.right ?? ''].join('\u0000');
}
