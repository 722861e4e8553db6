import { ClefError } from '../errors/clef-error.js';
import { allocateSigned, type SignedWeight } from './allocate-signed.js';
import type { PoolRules } from './distribution-policy.js';
import type { PoolInput, RegistrySnapshot } from './distribution-input.js';
import { PoolTargetSet, silencedByAi, type PoolTarget, type PoolTargets } from './pool-targets.js';

const unreportedKey = 'unreported';

function checkKeys(pool: PoolInput): void {
  const seen = new Set<string>();
  for (const line of pool.lines) {
    if (seen.has(line.key)) throw new ClefError('CLEF_DISTRIBUTION_INPUT_INVALID', `pool ${pool.poolId} has two lines with the key ${JSON.stringify(line.key)}`, { field: 'key', value: line.key });
    seen.add(line.key);
  }
}

/**
 * Divides what is left of a pool after commission over its lines, in memory: each line that carries money
 * (royalty-bearing, not silenced as all-AI) by its weight, signed, by largest remainder with `line:KEY` keys, what
 * the lines do not cover (the summary's Usages less theirs) to the unreported-usage reserve; then sums the values
 * per target. The store does the same division in SQL for stored reports (`divideSummaryLines`); this one serves
 * pools built in memory (UGC, AI remuneration) and is the oracle the SQL one is tested against.
 */
export function valuePoolLines(pool: PoolInput, rest: bigint, rules: PoolRules, registry: RegistrySnapshot): PoolTargets {
  checkKeys(pool);
  const set = new PoolTargetSet(registry, rules);
  const weights: SignedWeight[] = [];
  const lineTarget = new Map<string, PoolTarget>();
  let listed = 0n;
  let anyNegative = false;
  for (const line of pool.lines) {
    listed += line.weight;
    if (line.weight < 0n) anyNegative = true;
    const target = set.add(line.match, line.conflict, 1, line.usages);
    if (line.royaltyBearing && !silencedByAi(line.match, registry, rules) && line.weight !== 0n) {
      weights.push({ key: `line:${line.key}`, weight: line.weight });
      lineTarget.set(`line:${line.key}`, target);
    }
  }
  if (pool.summaryWeight !== null && listed > pool.summaryWeight) throw overdrawnLines(pool.poolId, listed, pool.summaryWeight);
  if (pool.summaryWeight !== null) weights.push({ key: unreportedKey, weight: pool.summaryWeight - listed });
  const values = allocateSigned(rest, weights);
  if (values === null) return set.result(rest, anyNegative);
  let unreported = 0n;
  for (const [key, value] of values) {
    if (key === unreportedKey) unreported += value;
    else lineTarget.get(key)!.value += value;
  }
  return set.result(unreported, anyNegative);
}

/** The lines would take more than the summary's money and the unreported-usage reserve would pay for it. */
export function overdrawnLines(poolId: string, listed: bigint, summaryWeight: bigint): ClefError {
  return new ClefError('CLEF_DISTRIBUTION_POOL_OVERDRAWN', `pool ${poolId}: its lines weigh ${listed} usages, more than the ${summaryWeight} its summary reports`, { field: 'Usages', value: String(summaryWeight) });
}
