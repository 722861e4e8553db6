import { allocateLargestRemainder } from '../money/index.js';
import { ledgerEntryKey, type LedgerEntry } from './ledger-entry.js';
import type { ReserveSlot } from './reserve-slot.js';

/** What a member or sister society was paid from one pool for one work and right (the weight of a market-share release). */
export type PaidShare = Omit<LedgerEntry, 'usages'>;

/**
 * Releases what the given unmatched slots hold (one DSP and usage period) to those the same DSP and period paid,
 * in proportion to what each was paid, by largest remainder keyed by the ledger key: the slots are emptied and the
 * payees credited on their own pools, so the release adds up to zero. Returns no bookings when the slots hold
 * nothing or nobody was paid.
 */
export function marketShareRelease(slots: readonly ReserveSlot[], paid: readonly PaidShare[]): LedgerEntry[] {
  const held = slots.reduce((sum, s) => sum + s.amountMicros, 0n);
  const payees = paid.filter((p) => p.amountMicros > 0n).map((p) => ({ share: p, key: ledgerEntryKey(p) }));
  if (held <= 0n || payees.length === 0) return [];
  const parts = allocateLargestRemainder(held, payees.map(({ share, key }) => ({ key, weight: share.amountMicros })));
  const entries: LedgerEntry[] = slots.map((s) => ({
    poolId: s.poolId, accountKind: 'reserve', accountId: s.reserve, partyId: s.partyId, workId: s.workId, recordingId: s.recordingId, right: s.right, amountMicros: -s.amountMicros, usages: 0n,
  }));
  for (const { share, key } of payees) {
    const part = parts.get(key)!;
    if (part !== 0n) entries.push({ ...share, amountMicros: part, usages: 0n });
  }
  return entries;
}
