import { ClefError } from '../errors/clef-error.js';
import { allocateLargestRemainder } from '../money/index.js';
import type { Right } from '../registry/right.js';
import type { LedgerEntry, ReserveKind } from './ledger-entry.js';

/** What one reserve holds for one pool, work, recording, right and (non-member) party, across every run. */
export interface ReserveSlot {
  readonly reserve: ReserveKind;
  readonly poolId: string;
  readonly dsp: string;
  /** The usage period's last day of the pool's report, `YYYY-MM-DD`. */
  readonly periodEnd: string;
  readonly workId: string | null;
  readonly recordingId: string | null;
  readonly right: Right | null;
  readonly partyId: string | null;
  readonly amountMicros: bigint;
  /** The runs that booked to the slot, in id order. */
  readonly runIds: readonly string[];
}

/** One run's booking to a slot, as the store sums it. */
export type ReserveBooking = Omit<ReserveSlot, 'runIds'> & { readonly runId: string };

/** Which slots a claim reaches: a reserve, narrowed by any of pool, work, recording, right and the share's party. */
export interface ClaimScope {
  readonly reserve: ReserveKind;
  readonly poolId: string | null;
  readonly workId: string | null;
  readonly recordingId: string | null;
  readonly right: Right | null;
  readonly sharePartyId: string | null;
}

function slotKey(s: Omit<ReserveSlot, 'amountMicros' | 'runIds' | 'dsp' | 'periodEnd'>): string {
  return [s.reserve, s.poolId, s.workId ?? '', s.recordingId ?? '', s.right ?? '', s.partyId ?? ''].join('\u0000');
}

/** Sums the runs' bookings into slots in key order, leaving out slots that hold nothing. */
export function sumReserveSlots(bookings: Iterable<ReserveBooking>): ReserveSlot[] {
  const slots = new Map<string, ReserveSlot & { runIds: string[]; amountMicros: bigint }>();
  for (const { runId, ...booking } of bookings) {
    const key = slotKey(booking);
    const slot = slots.get(key);
    if (!slot) slots.set(key, { ...booking, runIds: [runId] });
    else {
      slot.amountMicros += booking.amountMicros;
      if (!slot.runIds.includes(runId)) slot.runIds.push(runId);
    }
  }
  return [...slots.keys()]
    .sort()
    .map((key) => slots.get(key)!)
    .filter((slot) => slot.amountMicros !== 0n)
    .map((slot) => ({ ...slot, runIds: [...slot.runIds].sort() }));
}

/** The slots a claim reaches. */
export function slotsInScope(slots: readonly ReserveSlot[], scope: ClaimScope): ReserveSlot[] {
  const fits = (wanted: string | null, actual: string | null): boolean => wanted === null || wanted === actual;
  return slots.filter(
    (s) => s.reserve === scope.reserve && fits(scope.poolId, s.poolId) && fits(scope.workId, s.workId) && fits(scope.recordingId, s.recordingId) && fits(scope.right, s.right) && fits(scope.sharePartyId, s.partyId),
  );
}

/** What a set of slots holds in all. */
export function heldIn(slots: readonly ReserveSlot[]): bigint {
  return slots.reduce((sum, s) => sum + s.amountMicros, 0n);
}

/**
 * The bookings that pay a claimant `amountMicros` out of the slots a claim reaches: each slot holding money gives
 * its part by largest remainder (ties by slot key), taken from the reserve and booked to the party, so every pool
 * still reconciles. Claiming more than the slots hold is refused.
 */
export function claimTransfer(partyId: string, amountMicros: bigint, slots: readonly ReserveSlot[]): LedgerEntry[] {
  const held = heldIn(slots);
  if (amountMicros <= 0n || amountMicros > held) {
    throw new ClefError('CLEF_DISTRIBUTION_CLAIM_INVALID', `the claim is for ${amountMicros} micro-units but what it reaches holds ${held}`, { field: 'amount', value: String(amountMicros) });
  }
  const giving = slots.filter((s) => s.amountMicros > 0n).map((s) => ({ slot: s, key: slotKey(s) }));
  const parts = allocateLargestRemainder(amountMicros, giving.map(({ key, slot }) => ({ key, weight: slot.amountMicros })));
  const entries: LedgerEntry[] = [];
  for (const { slot, key } of giving) {
    const part = parts.get(key)!;
    if (part === 0n) continue;
    const base = { poolId: slot.poolId, workId: slot.workId, recordingId: slot.recordingId, right: slot.right, usages: 0n };
    entries.push({ ...base, accountKind: 'reserve', accountId: slot.reserve, partyId: slot.partyId, amountMicros: -part });
    entries.push({ ...base, accountKind: 'party', accountId: partyId, partyId, amountMicros: part });
  }
  return entries;
}

/** The slots after a transfer's reserve bookings, so claims approved one after another never reach the same money twice. */
export function applyTransfer(slots: readonly ReserveSlot[], entries: readonly LedgerEntry[]): ReserveSlot[] {
  const taken = new Map<string, bigint>();
  for (const e of entries) {
    if (e.accountKind !== 'reserve') continue;
    const key = slotKey({ reserve: e.accountId as ReserveKind, poolId: e.poolId, workId: e.workId, recordingId: e.recordingId, right: e.right, partyId: e.partyId });
    taken.set(key, (taken.get(key) ?? 0n) + e.amountMicros);
  }
  return slots.map((s) => ({ ...s, amountMicros: s.amountMicros + (taken.get(slotKey(s)) ?? 0n) })).filter((s) => s.amountMicros !== 0n);
}
