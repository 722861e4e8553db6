import { ClefError } from '../../errors/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { requireSettings } from '../../registry/use-cases/settings.js';
import { createTerritoryResolver } from '../../lookups/index.js';
import { readLedgerOf, readPoolsOf, readRunFamily, readRunReportIds } from '../../store/distribution/run-family-queries.js';
import { findReportById } from '../../store/distribution/run-input-queries.js';
import { findPolicyVersion, markReportsDistributed } from '../../store/distribution/run-queries.js';
import { inTransaction, type ClefDatabase } from '../../store/index.js';
import type { PoolAllocation } from '../allocate-pool.js';
import { diffLedger } from '../diff-ledger.js';
import type { AccountKind, LedgerEntry } from '../ledger-entry.js';
import type { Right } from '../../registry/right.js';
import { computeAllocations } from './compute-allocations.js';
import { parseDistributionPolicy } from '../parse-distribution-policy.js';
import { outcome, type DistributeOutcome } from './distribute-period.js';
import { lockBookings } from './lock-bookings.js';
import { payApprovedClaims } from './pay-approved-claims.js';
import { recordRun } from './record-run.js';

const noCounts = { lines: 0, matchedLines: 0, usages: 0n, matchedUsages: 0n, micros: 0n, matchedMicros: 0n };

function toEntry(row: ClefDatabase['ledger_entries']): LedgerEntry {
  return {
    poolId: row.pool_id, accountKind: row.account_kind as AccountKind, accountId: row.account_id, partyId: row.party_id, workId: row.work_id,
    recordingId: row.recording_id, right: row.right_code as Right | null, amountMicros: BigInt(row.amount_micros), usages: BigInt(row.usages),
  };
}

/** The report that stands for a distributed one now: itself, or the latest corrected resend that replaced it. */
async function currentReport(tx: Parameters<typeof findReportById>[0], reportId: bigint): Promise<ClefDatabase['usage_reports']> {
  let report = (await findReportById(tx, reportId))!;
  while (report.replaced_by !== null) report = (await findReportById(tx, BigInt(report.replaced_by)))!;
  return report;
}

/**
 * Recomputes a run's reports as the store holds them now (manual matches, registry changes, corrected resends)
 * under the policy version the run recorded, and books only the differences from what the run and its earlier adjustments booked, as an adjustment run.
 * After no change it books nothing and returns no run. Approved claims are paid in a `claims` run, as after any run.
 */
export async function adjustRun(context: RegistryContext, runId: string, options: { readonly allowNegative?: boolean } = {}): Promise<DistributeOutcome> {
  const { currency } = await requireSettings(context, ['currency']);
  const resolve = createTerritoryResolver(context.lookups.territories);
  return inTransaction(context.store.db, async (tx) => {
    await lockBookings(tx, context.store.engine);
    const family = await readRunFamily(tx, runId);
    const root = family.find((r) => r.run_id === runId);
    if (!root) throw new ClefError('CLEF_NOT_FOUND', `no run ${runId} (see clef runs list)`, { value: runId });
    if (root.kind !== 'distribution' && root.kind !== 'adjustment') {
      throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `run ${runId} is a ${root.kind} run: only distributions are adjusted`, { value: runId });
    }
    const rootId = root.adjusts ?? runId;
    const runs = await readRunFamily(tx, rootId);
    // The run's own rules, never a file's: an adjustment corrects data, not the policy the run was made under.
    const stored = await findPolicyVersion(tx, runs[0].policy_version);
    if (!stored) throw new ClefError('CLEF_NOT_FOUND', `run ${rootId} names policy version ${runs[0].policy_version}, which the store does not hold`, { value: runs[0].policy_version });
    const policyText = stored.policy;
    const policy = parseDistributionPolicy(JSON.parse(policyText));
    const runIds = runs.map((r) => r.run_id);
    const reports = [];
    for (const id of await readRunReportIds(tx, runIds)) reports.push(await currentReport(tx, id));
    const unique = [...new Map(reports.map((r) => [String(r.report_id), r])).values()];
    const computed = await computeAllocations(tx, context, { reports: unique, period: runs[0].period, currency: currency!, policy, resolve, allowNegative: options.allowNegative });
    const booked = (await readLedgerOf(tx, runIds)).map(toEntry);
    const diffs = diffLedger(booked, computed.allocations.flatMap((a) => a.entries));
    const bookedPools = new Map<string, ClefDatabase['distribution_pools'] & { total: bigint }>();
    for (const pool of await readPoolsOf(tx, runIds)) {
      const current = bookedPools.get(pool.pool_id);
      bookedPools.set(pool.pool_id, { ...pool, total: (current?.total ?? 0n) + BigInt(pool.amount_micros) });
    }
    const recomputed = new Map(computed.pools.map((p, i) => [p.pool.poolId, { pool: p, allocation: computed.allocations[i] }]));
    const poolIds = [...new Set([...diffs.map((d) => d.poolId), ...recomputed.keys(), ...bookedPools.keys()])].sort();
    const bookings: PoolAllocation[] = [];
    const pools = [];
    for (const poolId of poolIds) {
      const now = recomputed.get(poolId);
      const before = bookedPools.get(poolId);
      const amountMicros = (now?.pool.pool.amountMicros ?? 0n) - (before?.total ?? 0n);
      const entries = diffs.filter((d) => d.poolId === poolId);
      if (amountMicros === 0n && entries.length === 0) continue;
      bookings.push({ poolId, amountMicros, entries, matchCounts: now?.allocation.matchCounts ?? noCounts });
      pools.push({
        pool_id: poolId, report_id: now?.pool.reportId ?? BigInt(before!.report_id), summary_record_id: now?.pool.summaryRecordId ?? before!.summary_record_id,
        dsp: now?.pool.pool.scope.dsp ?? before!.dsp, commercial_model: now ? now.pool.pool.scope.commercialModel : before!.commercial_model,
        use_type: now ? now.pool.pool.scope.useType : before!.use_type, territory: now ? now.pool.territory : before!.territory, basis: now?.pool.basis ?? 'reversed', amount_micros: amountMicros,
      });
    }
    const claims = { period: runs[0].period, currency: currency!, policy, policyText };
    if (bookings.length === 0) return outcome(null, computed.skipped, await payApprovedClaims(tx, context, claims));
    const adjustment = await recordRun(tx, context, { kind: 'adjustment', period: runs[0].period, dsp: runs[0].dsp, adjusts: rootId, currency: currency!, policy, policyText, computed, bookings, pools });
    await markReportsDistributed(tx, computed.reports.map((r) => r.report_id));
    return outcome(adjustment, computed.skipped, await payApprovedClaims(tx, context, claims));
  });
}
