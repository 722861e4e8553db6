import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { requireSettings } from '../../registry/use-cases/settings.js';
import { createTerritoryResolver } from '../../registry/territory-resolver.js';
import { listFxRates, listLicences } from '../../store/distribution/licence-queries.js';
import { readPeriodReports, readReportDigests } from '../../store/distribution/run-input-queries.js';
import { insertRun, markReportsDistributed, savePolicyVersion } from '../../store/distribution/run-queries.js';
import { inTransaction, nextIds } from '../../store/index.js';
import { allocatePool, type PoolAllocation } from '../allocate-pool.js';
import { poolRules } from '../distribution-policy.js';
import { parseDistributionPolicy } from '../parse-distribution-policy.js';
import { summarizeRun } from '../summarize-run.js';
import { buildReportPools, type ReportPool } from './build-report-pools.js';
import { loadRegistrySnapshot } from './load-registry-snapshot.js';

/** The policy file runs use unless told otherwise. */
export const defaultPolicyPath = fileURLToPath(new URL('../../../data/policies/default-1.json', import.meta.url));

/** What `clef distribute` was asked for. */
export interface DistributeOptions {
  readonly period: string;
  readonly dsp?: string;
  readonly policyPath?: string;
}

/** The run made, and the reports left out with the reason. */
export interface DistributeOutcome {
  readonly runId: string | null;
  readonly skipped: readonly { readonly reportId: string; readonly messageId: string; readonly reason: string }[];
}

function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Map ? [...v.entries()] : v));
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Distributes every complete, undistributed report whose usage period ends in `period` (`YYYY-MM`): builds its
 * pools, allocates them under the policy and writes one immutable run (inputs' digests, policy version, fx
 * rates, registry snapshot, pools, ledger) in one transaction. A report from a DSP with no licence is skipped and
 * named with the command that sets one.
 */
export async function distributePeriod(context: RegistryContext, options: DistributeOptions): Promise<DistributeOutcome> {
  const { currency } = await requireSettings(context, ['currency']);
  const policyText = readFileSync(options.policyPath ?? defaultPolicyPath, 'utf8');
  const policy = parseDistributionPolicy(JSON.parse(policyText));
  const resolve = createTerritoryResolver(context.lookups.territories);
  return inTransaction(context.store.db, async (tx) => {
    const fxRates = new Map((await listFxRates(tx, currency!, options.period)).map((r) => [r.from_currency, r.rate]));
    const skipped: { reportId: string; messageId: string; reason: string }[] = [];
    const pools: ReportPool[] = [];
    const reports: { run_id: string; report_id: bigint; digest: string }[] = [];
    for (const report of await readPeriodReports(tx, options.period, options.dsp)) {
      const licences = await listLicences(tx, report.sender_dpid);
      if (licences.length === 0) {
        skipped.push({ reportId: String(report.report_id), messageId: report.message_id, reason: `no licence for ${report.sender_dpid}: run \`clef dsps licence set ${report.sender_dpid} --rate RATE\`` });
        continue;
      }
      pools.push(...(await buildReportPools(tx, { report, licences, fxRates, currency: currency!, territories: context.lookups.territories, resolve })));
      reports.push({ run_id: '', report_id: report.report_id, digest: (await readReportDigests(tx, report.report_id)).join(' ') });
    }
    if (reports.length === 0) return { runId: null, skipped };
    const workIds = [...new Set(pools.flatMap((p) => p.pool.lines.flatMap((l) => (l.match.kind === 'recording' ? l.match.workIds : []))))].sort();
    const registry = await loadRegistrySnapshot(tx, workIds);
    const allocations: PoolAllocation[] = pools.map((p) => allocatePool(p.pool, poolRules(policy, p.pool.scope), registry, resolve));
    const summary = summarizeRun(allocations);
    const [runId] = await nextIds(tx, 'distribution_run', 'RUN', 1);
    const snapshot = jsonText(registry);
    const now = context.clock();
    await savePolicyVersion(tx, { version: policy.version, digest: digest(policyText), policy: policyText, recorded_at: now });
    let seq = 0;
    await insertRun(
      tx,
      context.store.engine,
      {
        run_id: runId, kind: 'distribution', period: options.period, dsp: options.dsp ?? null, adjusts: null, policy_version: policy.version, currency: currency!,
        inputs: jsonText({ reports: reports.map((r) => ({ report_id: r.report_id, digest: r.digest })), fx_rates: Object.fromEntries(fxRates), skipped }),
        snapshot, snapshot_digest: digest(snapshot),
        money_in_micros: summary.moneyInMicros, commission_micros: summary.commissionMicros, allocated_micros: summary.allocatedMicros,
        lines: BigInt(summary.matchCounts.lines), matched_lines: BigInt(summary.matchCounts.matchedLines), usages: summary.matchCounts.usages,
        matched_usages: summary.matchCounts.matchedUsages, line_micros: summary.matchCounts.micros, matched_micros: summary.matchCounts.matchedMicros,
        created_at: now, actor: context.actor,
      },
      reports.map((r) => ({ ...r, run_id: runId })),
      pools.map((p) => ({
        run_id: runId, pool_id: p.pool.poolId, report_id: p.reportId, summary_record_id: p.summaryRecordId, dsp: p.pool.scope.dsp,
        commercial_model: p.pool.scope.commercialModel, use_type: p.pool.scope.useType, territory: p.territory, basis: p.basis, amount_micros: p.pool.amountMicros,
      })),
      allocations.flatMap((a) => a.entries).map((e) => ({
        run_id: runId, entry_seq: seq++, pool_id: e.poolId, account_kind: e.accountKind, account_id: e.accountId, party_id: e.partyId,
        work_id: e.workId, recording_id: e.recordingId, right_code: e.right, amount_micros: e.amountMicros, usages: e.usages, currency: currency!,
      })),
    );
    await markReportsDistributed(tx, reports.map((r) => r.report_id));
    return { runId, skipped };
  });
}
