import { ClefError } from '../../errors/index.js';
import { isRight } from '../../registry/right.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { findClaim, insertClaim, listClaimRows, updateClaim } from '../../store/distribution/reserve-queries.js';
import { findPartyIdsByIpi, readParties } from '../../store/registry/party-queries.js';
import { appendHistory, inTransaction, nextIds, type ClefDatabase } from '../../store/index.js';
import { reserveKinds, type ReserveKind } from '../ledger-entry.js';
import { heldIn, slotsInScope } from '../reserve-slot.js';
import { parseAmount } from './dsp-licences.js';
import { lockBookings } from './lock-bookings.js';
import { claimScope, loadReserveSlots, settleClaims } from './reserve-slots.js';

/** One slot of a reserve as `clef reserves list` shows it; amounts in micro-units of the CMO's currency. */
export interface ReserveHolding {
  readonly reserve: string;
  readonly pool_id: string;
  readonly dsp: string;
  /** The month the pool's usage period ends in, `YYYY-MM`. */
  readonly period: string;
  readonly work_id: string | null;
  readonly recording_id: string | null;
  readonly right: string | null;
  /** The party whose share it is (a non-member), when the reserve names one. */
  readonly party_id: string | null;
  readonly amount_micros: string;
  /** What is left to claim once the approved, unpaid claims are paid. */
  readonly claimable_micros: string;
  /** The runs that booked it. */
  readonly runs: readonly string[];
}

/** A claim as commands show it. */
export type ReserveClaim = Omit<ClefDatabase['reserve_claims'], 'amount_micros' | 'paid_micros'> & { readonly amount_micros: string; readonly paid_micros: string | null };

/** What a party claims: a reserve, optionally narrowed, an amount (all it reaches when omitted) and the evidence. */
export interface ClaimInput {
  readonly reserve: string;
  /** The claimant's party id or IPI name number. */
  readonly party: string;
  readonly poolId?: string;
  readonly workId?: string;
  readonly recordingId?: string;
  readonly right?: string;
  /** Only the shares the reserve holds for this party (id or IPI name number). */
  readonly shareParty?: string;
  /** Decimal amount in the CMO's currency. */
  readonly amount?: string;
  readonly evidence: string;
}

function reserveKind(text: string): ReserveKind {
  const kind = text.replace(/-/g, '_') as ReserveKind;
  if (!reserveKinds.includes(kind)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `${text} is not a reserve (${reserveKinds.join(', ')})`, { field: 'reserve', value: text });
  return kind;
}

function view(row: ClefDatabase['reserve_claims']): ReserveClaim {
  return { ...row, amount_micros: String(row.amount_micros), paid_micros: row.paid_micros === null ? null : String(row.paid_micros) };
}

async function partyId(context: Pick<RegistryContext, 'store'>, idOrIpi: string, field: string): Promise<string> {
  const byIpi = (await findPartyIdsByIpi(context.store.db, [idOrIpi])).get(idOrIpi);
  if (byIpi) return byIpi;
  if ((await readParties(context.store.db, [idOrIpi])).parties.length > 0) return idOrIpi;
  throw new ClefError('CLEF_NOT_FOUND', `no party ${idOrIpi} (give a party id or an IPI name number)`, { field, value: idOrIpi });
}

/** What each reserve holds, slot by slot (pool, work, recording, right, party), with what is still claimable. */
export async function listReserves(context: Pick<RegistryContext, 'store'>, reserve?: string): Promise<ReserveHolding[]> {
  const slots = await loadReserveSlots(context.store.db, reserve === undefined ? undefined : reserveKind(reserve));
  const { left } = settleClaims(slots, await listClaimRows(context.store.db, 'approved'));
  return slots.map((s) => {
    const rest = left.find((l) => l.reserve === s.reserve && l.poolId === s.poolId && l.workId === s.workId && l.recordingId === s.recordingId && l.right === s.right && l.partyId === s.partyId);
    return {
      reserve: s.reserve, pool_id: s.poolId, dsp: s.dsp, period: s.periodEnd.slice(0, 7), work_id: s.workId, recording_id: s.recordingId, right: s.right,
      party_id: s.partyId, amount_micros: String(s.amountMicros), claimable_micros: String(rest?.amountMicros ?? 0n), runs: s.runIds,
    };
  });
}

/** Every claim, optionally only those with a status (`pending`, `approved`, `rejected`, `paid`). */
export async function listClaims(context: Pick<RegistryContext, 'store'>, status?: string): Promise<ReserveClaim[]> {
  return (await listClaimRows(context.store.db, status)).map(view);
}

/** Records a party's claim on money in a reserve, pending staff approval; it may not ask for more than is claimable. */
export async function claimReserve(context: RegistryContext, input: ClaimInput): Promise<ReserveClaim> {
  if (input.evidence.trim() === '') throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'a claim needs its evidence (--evidence)', { field: '--evidence' });
  const right = input.right === undefined ? null : input.right.toUpperCase();
  if (right !== null && !isRight(right)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--right takes PR, MR or SR, not ${input.right}`, { field: '--right', value: input.right });
  const claimant = await partyId(context, input.party, 'party');
  const sharePartyId = input.shareParty === undefined ? null : await partyId(context, input.shareParty, '--share-party');
  return inTransaction(context.store.db, async (tx) => {
    await lockBookings(tx, context.store.engine);
    const scope = { reserve: reserveKind(input.reserve), poolId: input.poolId ?? null, workId: input.workId ?? null, recordingId: input.recordingId ?? null, right, sharePartyId };
    const { left } = settleClaims(await loadReserveSlots(tx, scope.reserve), await listClaimRows(tx, 'approved'));
    const claimable = heldIn(slotsInScope(left, scope));
    const amount = input.amount === undefined ? claimable : parseAmount(input.amount, '--amount');
    if (amount <= 0n || amount > claimable) {
      throw new ClefError('CLEF_DISTRIBUTION_CLAIM_INVALID', `the ${scope.reserve} reserve holds ${claimable} claimable micro-units where this claim reaches, not ${amount}`, { field: '--amount', value: String(amount) });
    }
    const [claimId] = await nextIds(tx, 'reserve_claim', 'CLM', 1);
    const row = {
      claim_id: claimId, reserve: scope.reserve, party_id: claimant, pool_id: scope.poolId, work_id: scope.workId, recording_id: scope.recordingId, right_code: right,
      share_party_id: sharePartyId, amount_micros: amount, evidence: input.evidence, status: 'pending', created_at: context.clock(), decided_at: null,
      paid_run_id: null, paid_micros: null, actor: context.actor, decided_by: null,
    };
    await insertClaim(tx, row);
    await appendHistory(tx, [{ actor: context.actor, at: row.created_at, entityKind: 'reserve_claim', entityId: claimId, action: 'claim', detail: { reserve: row.reserve, party_id: claimant, amount_micros: String(amount) } }]);
    return view(row);
  });
}

/**
 * Staff approve a pending claim (the next run pays it) or reject it (nothing moves); approval checks the money is
 * still there. The one who made a claim may not approve it (separation of duties); both names stay on the claim
 * and in its history.
 */
export async function decideClaim(context: RegistryContext, claimId: string, decision: 'approved' | 'rejected'): Promise<ReserveClaim> {
  return inTransaction(context.store.db, async (tx) => {
    await lockBookings(tx, context.store.engine);
    const claim = await findClaim(tx, claimId);
    if (!claim) throw new ClefError('CLEF_NOT_FOUND', `no claim ${claimId} (see clef reserves claims)`, { value: claimId });
    if (claim.status !== 'pending') throw new ClefError('CLEF_DISTRIBUTION_CLAIM_INVALID', `claim ${claimId} is ${claim.status}, not pending`, { value: claimId });
    if (decision === 'approved' && claim.actor === context.actor) {
      throw new ClefError('CLEF_DISTRIBUTION_CLAIM_SELF_APPROVAL', `claim ${claimId} was made by ${claim.actor}: someone else must approve it (--as NAME)`, { field: '--as', value: context.actor });
    }
    if (decision === 'approved') {
      const { left } = settleClaims(await loadReserveSlots(tx, claim.reserve), await listClaimRows(tx, 'approved'));
      const claimable = heldIn(slotsInScope(left, claimScope(claim)));
      if (BigInt(claim.amount_micros) > claimable) {
        throw new ClefError('CLEF_DISTRIBUTION_CLAIM_INVALID', `claim ${claimId} asks for ${claim.amount_micros} micro-units; only ${claimable} are left to claim there`, { value: claimId });
      }
    }
    const change = { status: decision, decided_at: context.clock(), decided_by: context.actor };
    await updateClaim(tx, claimId, change);
    await appendHistory(tx, [{ actor: context.actor, at: change.decided_at, entityKind: 'reserve_claim', entityId: claimId, action: decision === 'approved' ? 'approve' : 'reject', detail: { claimed_by: claim.actor } }]);
    return view({ ...claim, ...change });
  });
}
