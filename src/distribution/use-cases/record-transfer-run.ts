import type { Kysely } from 'kysely';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { readPoolSources } from '../../store/distribution/reserve-queries.js';
import { insertRun, savePolicyVersion } from '../../store/distribution/run-queries.js';
import { nextIds, type ClefDatabase } from '../../store/index.js';
import type { PoolAllocation } from '../allocate-pool.js';
import type { DistributionPolicy } from '../distribution-policy.js';
import type { LedgerEntry } from '../ledger-entry.js';
import { summarizeRun } from '../summarize-run.js';
import { digestOf } from './record-run.js';

/** A run that only moves money already booked (claims paid, market-share releases): no money comes in. */
export interface TransferRun {
  readonly kind: 'claims' | 'release';
  readonly period: string;
  readonly currency: string;
  readonly policy: DistributionPolicy;
  readonly policyText: string;
  /** What the run acted on (claims paid, groups released), recorded as its inputs. */
  readonly inputs: unknown;
  readonly entries: readonly LedgerEntry[];
}

const noCounts = { lines: 0, matchedLines: 0, usages: 0n, matchedUsages: 0n, micros: 0n, matchedMicros: 0n };

/**
 * Writes a transfer run: its ledger entries grouped by pool (each pool's entries add up to zero) with a zero-amount
 * pool row copied from the run that first booked the pool, so statements and reserves see the same sources.
 */
export async function recordTransferRun(tx: Kysely<ClefDatabase>, context: RegistryContext, run: TransferRun): Promise<string> {
  const byPool = new Map<string, LedgerEntry[]>();
  for (const entry of run.entries) byPool.set(entry.poolId, [...(byPool.get(entry.poolId) ?? []), entry]);
  const poolIds = [...byPool.keys()].sort();
  const bookings: PoolAllocation[] = poolIds.map((poolId) => ({ poolId, amountMicros: 0n, entries: byPool.get(poolId)!, matchCounts: noCounts }));
  const summary = summarizeRun(bookings);
  const [runId] = await nextIds(tx, 'distribution_run', 'RUN', 1);
  const now = context.clock();
  await savePolicyVersion(tx, { version: run.policy.version, digest: digestOf(run.policyText), policy: run.policyText, recorded_at: now });
  const inputs = JSON.stringify(run.inputs, (_key, v) => (typeof v === 'bigint' ? v.toString() : v));
  let seq = 0;
  await insertRun(
    tx,
    context.store.engine,
    {
      run_id: runId, kind: run.kind, period: run.period, dsp: null, adjusts: null, policy_version: run.policy.version, currency: run.currency,
      inputs, snapshot: '{}', snapshot_digest: digestOf('{}'), money_in_micros: 0n, commission_micros: 0n, allocated_micros: summary.allocatedMicros,
      lines: 0n, matched_lines: 0n, usages: 0n, matched_usages: 0n, line_micros: 0n, matched_micros: 0n, created_at: now, actor: context.actor, labels_recorded: true,
    },
    [],
    (await readPoolSources(tx, poolIds)).map((p) => ({ ...p, run_id: runId, basis: run.kind, amount_micros: 0n })),
    bookings.flatMap((b) => b.entries).map((e) => ({
      run_id: runId, entry_seq: seq++, pool_id: e.poolId, account_kind: e.accountKind, account_id: e.accountId, party_id: e.partyId,
      work_id: e.workId, recording_id: e.recordingId, right_code: e.right, amount_micros: e.amountMicros, usages: e.usages, currency: run.currency,
    })),
  );
  return runId;
}
