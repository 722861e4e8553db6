import type { MatchCounts, PoolAllocation } from './allocate-pool.js';
import { reserveKinds, type ReserveKind } from './ledger-entry.js';

/** A run's figures: money in, commission, what members and sister societies get, each reserve, and the match rate. */
export interface RunSummary {
  readonly moneyInMicros: bigint;
  readonly commissionMicros: bigint;
  readonly allocatedMicros: bigint;
  readonly reserves: Readonly<Record<ReserveKind, bigint>>;
  /** Sister society code → amount, in code order. */
  readonly societies: ReadonlyMap<string, bigint>;
  /** Member party id → amount, in id order. */
  readonly parties: ReadonlyMap<string, bigint>;
  readonly matchCounts: MatchCounts;
}

function sorted(map: Map<string, bigint>): Map<string, bigint> {
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Adds up the pools of a run (or an adjustment's differences) into its figures; money in equals commission plus
 * allocations plus reserves when every pool reconciles.
 */
export function summarizeRun(pools: Iterable<PoolAllocation>): RunSummary {
  const reserves = Object.fromEntries(reserveKinds.map((kind) => [kind, 0n])) as Record<ReserveKind, bigint>;
  const societies = new Map<string, bigint>();
  const parties = new Map<string, bigint>();
  let moneyInMicros = 0n;
  let commissionMicros = 0n;
  let allocatedMicros = 0n;
  const counts = { lines: 0, matchedLines: 0, usages: 0n, matchedUsages: 0n, micros: 0n, matchedMicros: 0n };
  for (const pool of pools) {
    moneyInMicros += pool.amountMicros;
    for (const entry of pool.entries) {
      if (entry.accountKind === 'commission') commissionMicros += entry.amountMicros;
      else if (entry.accountKind === 'reserve') reserves[entry.accountId as ReserveKind] += entry.amountMicros;
      else {
        allocatedMicros += entry.amountMicros;
        const map = entry.accountKind === 'party' ? parties : societies;
        map.set(entry.accountId, (map.get(entry.accountId) ?? 0n) + entry.amountMicros);
      }
    }
    const c = pool.matchCounts;
    counts.lines += c.lines;
    counts.matchedLines += c.matchedLines;
    counts.usages += c.usages;
    counts.matchedUsages += c.matchedUsages;
    counts.micros += c.micros;
    counts.matchedMicros += c.matchedMicros;
  }
  return { moneyInMicros, commissionMicros, allocatedMicros, reserves, societies: sorted(societies), parties: sorted(parties), matchCounts: counts };
}
