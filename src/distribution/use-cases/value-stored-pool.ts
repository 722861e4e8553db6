import type { Kysely } from 'kysely';
import type { ClefDatabase, Engine } from '../../store/index.js';
import { divideSummaryLines, readSummaryWeights, type DivisionGroup, type SummaryLines } from '../../store/distribution/summary-division-queries.js';
import { splitSignedTotal } from '../allocate-signed.js';
import type { PoolRules } from '../distribution-policy.js';
import type { PoolInput, RegistrySnapshot } from '../distribution-input.js';
import { PoolTargetSet, type PoolTargets } from '../pool-targets.js';
import { overdrawnLines, valuePoolLines } from '../value-pool-lines.js';
import { readStoredPoolLines } from './build-report-pools.js';
import type { StoredPoolLines } from './pool-sources.js';
import { storedMatch } from './read-report-lines.js';

function group(total: bigint, weightSum: bigint, bookedNegative: boolean): DivisionGroup {
  const sign = total === 0n ? 0n : (total > 0n) !== bookedNegative ? 1n : -1n;
  return { amount: total < 0n ? -total : total, weightSum, sign };
}

/**
 * Values a stored summary's lines the way `valuePoolLines` does in memory, but with the division done by the store,
 * which hands back one row per recording and work matched: memory follows the catalogue the report reached, not
 * its largest summary's lines.
 * A division whose products the engine cannot hold exactly (a pool's rest times a weight past 2^127, on an
 * engine with a limit) is done in memory instead, with the same result.
 */
export async function valueStoredPool(
  db: Kysely<ClefDatabase>,
  engine: Engine,
  input: { readonly stored: StoredPoolLines; readonly pool: PoolInput; readonly rest: bigint; readonly rules: PoolRules; readonly registry: RegistrySnapshot },
): Promise<PoolTargets> {
  const { stored, pool, rest, rules, registry } = input;
  const lines: SummaryLines = { reportId: stored.reportId, summaryRecordId: stored.summaryRecordId, silenceAi: rules.aiGenerated.treatment === 'redistribute' };
  const weights = await readSummaryWeights(db, lines);
  if (pool.summaryWeight !== null && weights.listed > pool.summaryWeight) throw overdrawnLines(pool.poolId, weights.listed, pool.summaryWeight);
  const unreportedWeight = pool.summaryWeight === null ? null : pool.summaryWeight - weights.listed;
  const positive = weights.positive + (unreportedWeight ?? 0n);
  const split = splitSignedTotal(rest, positive, weights.negative);
  const halves = split ?? { positive: 0n, negative: 0n };
  const largest = unreportedWeight !== null && unreportedWeight > weights.largest ? unreportedWeight : weights.largest;
  const up = group(halves.positive, positive, false);
  const down = group(halves.negative, weights.negative, true);
  const max = engine.wideInteger.max;
  if (max !== null && (up.amount * largest > max || down.amount * largest > max)) {
    return valuePoolLines({ ...pool, lines: await readStoredPoolLines(db, stored) }, rest, rules, registry);
  }
  const set = new PoolTargetSet(registry, rules);
  let unreported = 0n;
  for (const row of await divideSummaryLines(db, engine, lines, { up, down, unreportedWeight })) {
    if (row.unreported) unreported += row.value;
    else set.add(storedMatch(stored.index, { dsp_resource_id: row.medleyResourceId, recording_id: row.recordingId, work_id: row.workId }), false, row.lines, row.usages).value += row.value;
  }
  // A net weight of zero cannot be divided: the whole rest waits in the unreported-usage reserve.
  if (split === null) unreported = rest;
  return set.result(unreported, weights.anyNegative);
}
