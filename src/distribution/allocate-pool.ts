import { allocateLargestRemainder, applyBasisPoints } from '../money/index.js';
import { ClefError } from '../errors/clef-error.js';
import type { TerritoryResolver } from '../lookups/index.js';
import { allocateSigned, type SignedWeight } from './allocate-signed.js';
import type { PoolRules } from './distribution-policy.js';
import type { PoolInput, PoolLine, RegistrySnapshot } from './distribution-input.js';
import { LedgerAccumulator } from './ledger-accumulator.js';
import type { LedgerEntry } from './ledger-entry.js';
import { splitWorkValue } from './split-work-value.js';
import { rightsWeights } from './split-rights.js';

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

function matchCounts(pool: PoolInput, rest: bigint, targets: Iterable<Target>): MatchCounts {
  let matchedLines = 0;
  let usages = 0n;
  let matchedUsages = 0n;
  let matchedMicros = 0n;
  for (const line of pool.lines) {
    const matched = line.match.kind === 'recording' && !line.conflict;
    usages += line.usages;
    if (matched) {
      matchedLines++;
      matchedUsages += line.usages;
    }
  }
  for (const target of targets) if (target.kind === 'recording') matchedMicros += target.value;
  return { lines: pool.lines.length, matchedLines, usages, matchedUsages, micros: rest, matchedMicros };
}

interface Target {
  readonly kind: 'unmatched' | 'disputed' | 'recording' | 'unreported';
  readonly recordingId: string | null;
  readonly workIds: readonly string[];
  readonly unidentifiedParts: number;
  value: bigint;
  usages: bigint;
}

const unreportedKey = 'unreported';
// Sorts after every work id, so the remainder of an equal division reaches identified works first.
const unidentifiedPartsKey = '~unidentified';

function checkKeys(pool: PoolInput): void {
  const seen = new Set<string>();
  for (const line of pool.lines) {
    if (seen.has(line.key)) throw new ClefError('CLEF_DISTRIBUTION_INPUT_INVALID', `pool ${pool.poolId} has two lines with the key ${JSON.stringify(line.key)}`, { field: 'key', value: line.key });
    seen.add(line.key);
  }
}

function payableWorks(line: PoolLine, registry: RegistrySnapshot, rules: PoolRules): readonly string[] {
  if (line.match.kind !== 'recording') return [];
  const workIds = [...new Set(line.match.workIds)].sort();
  for (const workId of workIds) {
    if (!registry.works.has(workId)) throw new ClefError('CLEF_DISTRIBUTION_INPUT_INVALID', `line ${line.key} names the work ${workId}, which the registry snapshot lacks`, { field: 'workId', value: workId });
  }
  if (rules.aiGenerated.treatment !== 'redistribute') return workIds;
  return workIds.filter((id) => !registry.works.get(id)!.fullyAiGenerated);
}

/** Whether a line takes part in dividing the pool: royalty-bearing, and not all-AI under the redistribute treatment. */
function carriesMoney(line: PoolLine, works: readonly string[], rules: PoolRules): boolean {
  if (!line.royaltyBearing) return false;
  return !(rules.aiGenerated.treatment === 'redistribute' && line.match.kind === 'recording' && line.match.workIds.length > 0 && works.length === 0);
}

/** Gathers the lines' values by where they go: recordings, the unmatched and disputed reserves, unreported usage. */
function valueTargets(pool: PoolInput, rest: bigint, rules: PoolRules, registry: RegistrySnapshot): Map<string, Target> {
  const targets = new Map<string, Target>();
  const weights: SignedWeight[] = [];
  const lineTarget = new Map<string, Target>();
  let listed = 0n;
  for (const line of pool.lines) {
    listed += line.weight;
    const works = payableWorks(line, registry, rules);
    const kind = line.conflict ? 'disputed' : line.match.kind === 'recording' ? 'recording' : 'unmatched';
    const recordingId = kind === 'recording' && line.match.kind === 'recording' ? line.match.recordingId : null;
    const unidentifiedParts = kind === 'recording' && line.match.kind === 'recording' ? line.match.unidentifiedParts ?? 0 : 0;
    const targetKey = kind === 'recording' ? `recording:${recordingId ?? ''}:${works.join(',')}:${unidentifiedParts}` : kind;
    let target = targets.get(targetKey);
    if (!target) targets.set(targetKey, (target = { kind, recordingId, workIds: works, unidentifiedParts, value: 0n, usages: 0n }));
    target.usages += line.usages;
    if (carriesMoney(line, works, rules) && line.weight !== 0n) {
      weights.push({ key: `line:${line.key}`, weight: line.weight });
      lineTarget.set(`line:${line.key}`, target);
    }
  }
  const unreported: Target = { kind: 'unreported', recordingId: null, workIds: [], unidentifiedParts: 0, value: 0n, usages: 0n };
  targets.set(unreportedKey, unreported);
  if (pool.summaryWeight !== null && listed > pool.summaryWeight) {
    // The lines would take more than the summary's money and the unreported-usage reserve would pay for it.
    throw new ClefError('CLEF_DISTRIBUTION_POOL_OVERDRAWN', `pool ${pool.poolId}: its lines weigh ${listed} usages, more than the ${pool.summaryWeight} its summary reports`, { field: 'Usages', value: String(pool.summaryWeight) });
  }
  if (pool.summaryWeight !== null) weights.push({ key: unreportedKey, weight: pool.summaryWeight - listed });
  const values = allocateSigned(rest, weights);
  if (values === null) {
    unreported.value = rest;
    return targets;
  }
  for (const [key, value] of values) (key === unreportedKey ? unreported : lineTarget.get(key)!).value += value;
  return targets;
}

/**
 * Divides one pool: commission first, then the rest over the lines by weight (what the lines do not cover to the
 * unreported-usage reserve), each recording's value between the covered rights, equally between its works, and
 * over each work's collection shares to members, sister societies and named reserves. Every division is by
 * largest remainder with content keys, so the entries add up to the pool and do not depend on line order.
 */
export function allocatePool(pool: PoolInput, rules: PoolRules, registry: RegistrySnapshot, resolve: TerritoryResolver): PoolAllocation {
  checkKeys(pool);
  const ledger = new LedgerAccumulator();
  const base = { poolId: pool.poolId, partyId: null, workId: null, recordingId: null };
  const commission = applyBasisPoints(pool.amountMicros, rules.commissionBasisPoints);
  ledger.book({ ...base, accountKind: 'commission', accountId: 'commission', right: null, amountMicros: commission, usages: 0n });
  const rights = rightsWeights(pool.rights, pool.rightsSplit, rules.rightsSplit);
  if (rights.length === 0) throw new ClefError('CLEF_DISTRIBUTION_INPUT_INVALID', `pool ${pool.poolId} covers no right`, { field: 'rights' });
  const rest = pool.amountMicros - commission;
  const targets = valueTargets(pool, rest, rules, registry);
  for (const target of targets.values()) {
    if (target.kind === 'unreported') {
      if (target.value !== 0n) ledger.book({ ...base, accountKind: 'reserve', accountId: 'unreported_usage', right: null, amountMicros: target.value, usages: 0n });
      continue;
    }
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
  const allocation = { poolId: pool.poolId, amountMicros: pool.amountMicros, entries: ledger.entries(), matchCounts: matchCounts(pool, rest, targets.values()) };
  checkPoolAllocation(pool, allocation);
  return allocation;
}

/**
 * The invariant every allocation keeps, asserted rather than trusted: commission, payments, societies and reserves
 * add up to the pool exactly; and a pool of money (not negative, every line weighing zero or more) books nothing
 * negative, so no reserve pays for an overpayment elsewhere.
 */
function checkPoolAllocation(pool: PoolInput, allocation: PoolAllocation): void {
  const total = allocation.entries.reduce((sum, e) => sum + e.amountMicros, 0n);
  const overdrawn = (why: string): never => {
    throw new ClefError('CLEF_DISTRIBUTION_POOL_OVERDRAWN', `pool ${pool.poolId} of ${pool.amountMicros} micro-units: ${why}`, { field: 'amountMicros', value: String(pool.amountMicros) });
  };
  if (total !== pool.amountMicros) overdrawn(`its bookings add up to ${total}`);
  if (pool.amountMicros < 0n || pool.lines.some((line) => line.weight < 0n)) return;
  const negative = allocation.entries.find((e) => e.amountMicros < 0n);
  if (negative) overdrawn(`${negative.accountKind} ${negative.accountId} would be booked ${negative.amountMicros}`);
}
