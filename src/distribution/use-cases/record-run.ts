import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { insertRun, savePolicyVersion } from '../../store/distribution/run-queries.js';
import { nextIds, type ClefDatabase } from '../../store/index.js';
import type { PoolAllocation } from '../allocate-pool.js';
import type { DistributionPolicy } from '../distribution-policy.js';
import { summarizeRun } from '../summarize-run.js';
import type { ComputedAllocations } from './compute-allocations.js';

/** What a run records besides its computation: its kind, scope, policy and the pools' rows. */
export interface RunRecord {
  readonly kind: 'distribution' | 'adjustment';
  readonly period: string;
  readonly dsp: string | null;
  readonly adjusts: string | null;
  readonly currency: string;
  readonly policy: DistributionPolicy;
  readonly policyText: string;
  readonly computed: ComputedAllocations;
  /** What the run books: the allocations themselves, or an adjustment's differences. */
  readonly bookings: readonly PoolAllocation[];
  readonly pools: readonly Omit<ClefDatabase['distribution_pools'], 'run_id'>[];
}

function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Map ? [...v.entries()] : v));
}

/** The sha-256 of a text, hex. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Writes one immutable run: its inputs (report digests, fx rates, skipped reports, policy, registry snapshot), figures, pools and ledger. */
export async function recordRun(tx: Kysely<ClefDatabase>, context: RegistryContext, record: RunRecord): Promise<string> {
  const summary = summarizeRun(record.bookings);
  const [runId] = await nextIds(tx, 'distribution_run', 'RUN', 1);
  const snapshot = jsonText(record.computed.registry);
  const now = context.clock();
  await savePolicyVersion(tx, { version: record.policy.version, digest: digestOf(record.policyText), policy: record.policyText, recorded_at: now });
  let seq = 0;
  const c = summary.matchCounts;
  await insertRun(
    tx,
    context.store.engine,
    {
      run_id: runId, kind: record.kind, period: record.period, dsp: record.dsp, adjusts: record.adjusts, policy_version: record.policy.version, currency: record.currency,
      inputs: jsonText({ reports: record.computed.reports, fx_rates: Object.fromEntries(record.computed.fxRates), skipped: record.computed.skipped, policy_digest: digestOf(record.policyText) }),
      snapshot, snapshot_digest: digestOf(snapshot),
      money_in_micros: summary.moneyInMicros, commission_micros: summary.commissionMicros, allocated_micros: summary.allocatedMicros,
      lines: BigInt(c.lines), matched_lines: BigInt(c.matchedLines), usages: c.usages, matched_usages: c.matchedUsages, line_micros: c.micros, matched_micros: c.matchedMicros,
      created_at: now, actor: context.actor, labels_recorded: true,
    },
    record.computed.reports.map((r) => ({ run_id: runId, report_id: r.report_id, digest: r.digest })),
    record.pools.map((p) => ({ ...p, run_id: runId })),
    record.bookings.flatMap((a) => a.entries).map((e) => ({
      run_id: runId, entry_seq: seq++, pool_id: e.poolId, account_kind: e.accountKind, account_id: e.accountId, party_id: e.partyId,
      work_id: e.workId, recording_id: e.recordingId, right_code: e.right, amount_micros: e.amountMicros, usages: e.usages, currency: record.currency,
    })),
  );
  return runId;
}
