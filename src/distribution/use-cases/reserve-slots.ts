import type { Kysely } from 'kysely';
import type { Right } from '../../registry/right.js';
import { readReserveHoldings } from '../../store/distribution/reserve-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import type { ReserveKind } from '../ledger-entry.js';
import { applyTransfer, claimTransfer, heldIn, slotsInScope, sumReserveSlots, type ClaimScope, type ReserveSlot } from '../reserve-slot.js';

/** What the reserves hold now, slot by slot, across every run. */
export async function loadReserveSlots(db: Kysely<ClefDatabase>, reserve?: string): Promise<ReserveSlot[]> {
  const rows = await readReserveHoldings(db, reserve);
  return sumReserveSlots(
    rows.map((r) => ({
      runId: r.run_id, reserve: r.reserve as ReserveKind, poolId: r.pool_id, dsp: r.dsp, periodEnd: r.period_end, workId: r.work_id,
      recordingId: r.recording_id, right: r.right_code as Right | null, partyId: r.party_id, amountMicros: r.amount_micros,
    })),
  );
}

/** A claim's scope as stored. */
export function claimScope(claim: ClefDatabase['reserve_claims']): ClaimScope {
  return {
    reserve: claim.reserve as ReserveKind, poolId: claim.pool_id, workId: claim.work_id, recordingId: claim.recording_id,
    right: claim.right_code as Right | null, sharePartyId: claim.share_party_id,
  };
}

/**
 * Plays approved, unpaid claims in id order against the slots: what each will be paid (its amount, or what is left
 * in its scope when less) with its bookings, and the slots left for anything after them.
 */
export function settleClaims(slots: readonly ReserveSlot[], claims: readonly ClefDatabase['reserve_claims'][]) {
  let left = [...slots];
  const settled: { claim: ClefDatabase['reserve_claims']; paidMicros: bigint; entries: ReturnType<typeof claimTransfer> }[] = [];
  for (const claim of claims) {
    const reach = slotsInScope(left, claimScope(claim));
    const held = heldIn(reach);
    const amount = BigInt(claim.amount_micros);
    const paidMicros = held < amount ? held : amount;
    if (paidMicros <= 0n) continue;
    const entries = claimTransfer(claim.party_id, paidMicros, reach);
    left = applyTransfer(left, entries);
    settled.push({ claim, paidMicros, entries });
  }
  return { settled, left };
}
