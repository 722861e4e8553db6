import type { Kysely } from 'kysely';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import type { TerritoryResolver } from '../../registry/territory-resolver.js';
import { listFxRates, listLicences } from '../../store/distribution/licence-queries.js';
import { readReportDigests } from '../../store/distribution/run-input-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import { allocatePool, type PoolAllocation } from '../allocate-pool.js';
import type { RegistrySnapshot } from '../distribution-input.js';
import { poolRules, type DistributionPolicy } from '../distribution-policy.js';
import { buildReportPools } from './build-report-pools.js';
import { isUgcReport, type ReportPool } from './pool-sources.js';
import { summaryRightsSplit } from '../summary-rights-split.js';
import { loadRegistrySnapshot } from './load-registry-snapshot.js';

/** A report left out of a run, and why (with the command that fixes it). */
export interface SkippedReport {
  readonly reportId: string;
  readonly messageId: string;
  readonly reason: string;
}

/** Everything a run computes from its reports before anything is written. */
export interface ComputedAllocations {
  readonly pools: readonly ReportPool[];
  readonly allocations: readonly PoolAllocation[];
  readonly registry: RegistrySnapshot;
  readonly reports: readonly { readonly report_id: bigint; readonly digest: string }[];
  readonly fxRates: ReadonlyMap<string, string>;
  readonly skipped: readonly SkippedReport[];
}

/**
 * Builds the pools of the given reports (leaving out those of a DSP with no licence), reads the registry rows
 * their works need, and allocates every pool under the policy: pure computation over what the store holds now.
 */
export async function computeAllocations(
  tx: Kysely<ClefDatabase>,
  context: RegistryContext,
  input: { readonly reports: readonly ClefDatabase['usage_reports'][]; readonly period: string; readonly currency: string; readonly policy: DistributionPolicy; readonly resolve: TerritoryResolver },
): Promise<ComputedAllocations> {
  const fxRates = new Map((await listFxRates(tx, input.currency, input.period)).map((r) => [r.from_currency, r.rate]));
  const skipped: SkippedReport[] = [];
  const pools: ReportPool[] = [];
  const reports: { report_id: bigint; digest: string }[] = [];
  for (const report of input.reports) {
    const licences = await listLicences(tx, report.sender_dpid);
    if (licences.length === 0) {
      skipped.push({ reportId: String(report.report_id), messageId: report.message_id, reason: `no licence for ${report.sender_dpid}: run \`clef dsps licence set ${report.sender_dpid} --rate RATE\`` });
      continue;
    }
    if (isUgcReport(report) && licences.every((l) => l.rights_controller === null)) {
      skipped.push({ reportId: String(report.report_id), messageId: report.message_id, reason: `a UGC report needs the CMO's rights controller: run \`clef dsps licence set ${report.sender_dpid} --rate RATE --rights-controller NAME\`` });
      continue;
    }
    pools.push(...(await buildReportPools(tx, { report, licences, fxRates, currency: input.currency, territories: context.lookups.territories, resolve: input.resolve })));
    reports.push({ report_id: BigInt(report.report_id), digest: (await readReportDigests(tx, BigInt(report.report_id))).join(' ') });
  }
  const workIds = [...new Set(pools.flatMap((p) => p.pool.lines.flatMap((l) => (l.match.kind === 'recording' ? l.match.workIds : []))))].sort();
  const registry = await loadRegistrySnapshot(tx, reports.map((r) => r.report_id), workIds);
  const allocations = pools.map((p) => {
    const rules = poolRules(input.policy, p.pool.scope);
    return allocatePool({ ...p.pool, rightsSplit: summaryRightsSplit(p.rightsType, p.rightsTypePercentage, rules.rightsSplit) }, rules, registry, input.resolve);
  });
  return { pools, allocations, registry, reports, fxRates, skipped };
}
