import { allocateLargestRemainder, applyBasisPoints } from '../money/index.js';
import { ClefError } from '../errors/clef-error.js';
import type { TerritoryResolver } from '../lookups/index.js';
import type { PoolRules } from './distribution-policy.js';
import type { PoolInput, RegistrySnapshot } from './distribution-input.js';
import { LedgerAccumulator } from './ledger-accumulator.js';
import type { LedgerEntry } from './ledger-entry.js';
import { splitWorkValue } from './split-work-value.js';
import { rightsWeights } from './split-rights.js';
import type { PoolTargets } from './pool-targets.js';
import { valuePoolLines } from './value-pool-lines.js';

/** How much of a pool matching reached: lines, usages and money (after commission) that found a recording. */
export interface MatchCounts {
  readonly lines: number;
  readonly matchedLines: number;
  readonly usages: bigint;
  readonly matchedUsages: bigint;
  readonly micros: bigint;
  readonly matchedMicros: bigint;
}

/** A pool's bookings: commission, payments and reserves, which add up to `amountMicros` exactly. */
export interface PoolAllocation {
  readonly poolId: string;
  readonly amountMicros: bigint;
  readonly entries: readonly LedgerEntry[];
  readonly matchCounts: MatchCounts;
}

function matchCounts(rest: bigint, targets: PoolTargets): MatchCounts {
  let matchedMicros = 0n;
  for (const target of targets.targets) if (target.kind === 'recording') matchedMicros += target.value;
  return { lines: targets.lines, matchedLines: targets.matchedLines, usages: targets.usages, matchedUsages: targets.matchedUsages, micros: rest, matchedMicros };
}

// Sorts after every work id, so the remainder of an equal division reaches identified works first.
const unidentifiedPartsKey = '~unidentified';

/** What is left of a pool to divide over its lines once the commission is taken. */
export function poolRest(pool: Pick<PoolInput, 'amountMicros'>, rules: PoolRules): bigint {
  return pool.amountMicros - applyBasisPoints(pool.amountMicros, rules.commissionBasisPoints);
}

/**
 * Divides one pool: commission first, then the rest over the lines by weight (what the lines do not cover to the
 * unreported-usage reserve), each recording's value between the covered rights, equally between its works, and
 * over each work's collection shares to members, sister societies and named reserves. Every division is by
 * largest remainder with content keys, so the entries add up to the pool and do not depend on line order.
 */
export function allocatePool(pool: PoolInput, rules: PoolRules, registry: RegistrySnapshot, resolve: TerritoryResolver): PoolAllocation {
  return allocatePoolTargets(pool, valuePoolLines(pool, poolRest(pool, rules), rules, registry), rules, registry, resolve);
}

/**
 * Books a pool whose lines are already valued and gathered by target (`valuePoolLines` in memory, or the store's
 * division of a stored report's lines): commission, the unreported-usage reserve, and each target's value over
 * rights, works and collection shares as `allocatePool` describes.
 */
export function allocatePoolTargets(pool: PoolInput, targets: PoolTargets, rules: PoolRules, registry: RegistrySnapshot, resolve: TerritoryResolver): PoolAllocation {
  const ledger = new LedgerAccumulator();
  const base = { poolId: pool.poolId, partyId: null, workId: null, recordingId: null };
  const commission = applyBasisPoints(pool.amountMicros, rules.commissionBasisPoints);
  ledger.book({ ...base, accountKind: 'commission', accountId: 'commission', right: null, amountMicros: commission, usages: 0n });
  const rights = rightsWeights(pool.rights, pool.rightsSplit, rules.rightsSplit);
  if (rights.length === 0) throw new ClefError('CLEF_DISTRIBUTION_INPUT_INVALID', `pool ${pool.poolId} covers no right`, { field: 'rights' });
  const rest = pool.amountMicros - commission;
  if (targets.unreported !== 0n) ledger.book({ ...base, accountKind: 'reserve', accountId: 'unreported_usage', right: null, amountMicros: targets.unreported, usages: 0n });
  for (const target of targets.targets) {
    const byRight = allocateLargestRemainder(target.value, rights);
    for (const { key: right } of rights) {
      const value = byRight.get(right)!;
      const booking = { ...base, right, usages: target.usages };
      if (target.kind !== 'recording') {
        ledger.book({ ...booking, accountKind: 'reserve', accountId: target.kind, amountMicros: value });
      } else if (target.workIds.length === 0) {
        ledger.book({ ...booking, accountKind: 'reserve', accountId: 'unidentified_work', recordingId: target.recordingId, amountMicros: value });
      } else {
        // Equal parts; the remainder micro-units one each by largest remainder, ties to the works in work-id order.
        const parts = target.workIds.map((key) => ({ key, weight: 1n }));
        if (target.unidentifiedParts > 0) parts.push({ key: unidentifiedPartsKey, weight: BigInt(target.unidentifiedParts) });
        const byWork = allocateLargestRemainder(value, parts);
        for (const workId of target.workIds) {
          splitWorkValue({ pool, rules, registry, resolve, ledger }, registry.works.get(workId)!, right, byWork.get(workId)!, target.usages);
        }
        const unidentified = byWork.get(unidentifiedPartsKey);
        if (unidentified !== undefined) ledger.book({ ...booking, accountKind: 'reserve', accountId: 'unidentified_work', recordingId: target.recordingId, amountMicros: unidentified });
      }
    }
  }
  const allocation = { poolId: pool.poolId, amountMicros: pool.amountMicros, entries: ledger.entries(), matchCounts: matchCounts(rest, targets) };
  checkPoolAllocation(pool, allocation, targets.anyNegative);
  return allocation;
}

/**
 * The invariant every allocation keeps, asserted rather than trusted: commission, payments, societies and reserves
 * add up to the pool exactly; and a pool of money (not negative, every line weighing zero or more) books nothing
 * negative, so no reserve pays for an overpayment elsewhere.
 */
function checkPoolAllocation(pool: PoolInput, allocation: PoolAllocation, anyNegativeLine: boolean): void {
  const total = allocation.entries.reduce((sum, e) => sum + e.amountMicros, 0n);
  const overdrawn = (why: string): never => {
    throw new ClefError('CLEF_DISTRIBUTION_POOL_OVERDRAWN', `pool ${pool.poolId} of ${pool.amountMicros} micro-units: ${why}`, { field: 'amountMicros', value: String(pool.amountMicros) });
  };
  if (total !== pool.amountMicros) overdrawn(`its bookings add up to ${total}`);
  if (pool.amountMicros < 0n || anyNegativeLine) return;
  const negative = allocation.entries.find((e) => e.amountMicros < 0n);
  if (negative) overdrawn(`${negative.accountKind} ${negative.accountId} would be booked ${negative.amountMicros}`);
}
