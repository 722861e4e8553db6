import { ClefError } from '../../errors/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { requireSettings } from '../../registry/use-cases/settings.js';
import { createTerritoryResolver } from '../../lookups/index.js';
import { readPeriodReports, readPeriodRuns, findReportRun } from '../../store/distribution/run-input-queries.js';
import { checkPolicyVersion, insertDistributedReports, markReportsDistributed } from '../../store/distribution/run-queries.js';
import { inTransaction } from '../../store/index.js';
import type { DistributionPolicy } from '../distribution-policy.js';
import { parseDistributionPolicy } from '../parse-distribution-policy.js';
import { computeAllocations, type SkippedReport } from './compute-allocations.js';
import { lockBookings } from './lock-bookings.js';
import { payApprovedClaims } from './pay-approved-claims.js';
import { digestOf } from './record-run.js';
import { recordRun } from './record-run.js';

/** The policy file runs use unless told otherwise. */
export const defaultPolicyPath = fileURLToPath(new URL('../../../data/policies/default-1.json', import.meta.url));

/** What `clef distribute` was asked for. */
export interface DistributeOptions {
  readonly period: string;
  readonly dsp?: string;
  readonly policyPath?: string;
  /** Book negative pools (corrections reporting negative revenue); refused otherwise. */
  readonly allowNegative?: boolean;
}

/** The run made (null when nothing was booked), the reports left out with the reason, and the run that paid approved claims, if any. */
export interface DistributeOutcome {
  readonly runId: string | null;
  readonly skipped: readonly SkippedReport[];
  readonly claimsRunId?: string;
}

/** The outcome with the claims run named only when there was one. */
export function outcome(runId: string | null, skipped: readonly SkippedReport[], claimsRunId: string | null): DistributeOutcome {
  return claimsRunId === null ? { runId, skipped } : { runId, skipped, claimsRunId };
}

/** Reads a policy file, keeping its text for the run's record. */
export function readPolicy(path = defaultPolicyPath): { policy: DistributionPolicy; policyText: string } {
  const policyText = readFileSync(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(policyText);
  } catch (error) {
    throw new ClefError('CLEF_DISTRIBUTION_POLICY_INVALID', `the policy is not JSON: ${(error as Error).message}`, { file: path });
  }
  return { policy: parseDistributionPolicy(json), policyText };
}

/** Refuses a period whose reports earlier runs already distributed, naming them: a second run there would pay twice. */
async function refuseDistributedPeriod(tx: Parameters<typeof readPeriodRuns>[0], options: DistributeOptions): Promise<void> {
  const runs = await readPeriodRuns(tx, options.period, options.dsp);
  if (runs.length === 0) return;
  throw new ClefError(
    'CLEF_DISTRIBUTION_ALREADY_DISTRIBUTED',
    `every report of ${options.period}${options.dsp ? ` from ${options.dsp}` : ''} was already distributed by ${runs.join(', ')}: nothing was booked; to book changes run \`clef distribute --adjust ${runs[0]}\``,
    { field: '--period', value: options.period },
  );
}

/**
 * Distributes every complete, undistributed report whose usage period ends in `period` (`YYYY-MM`): builds its
 * pools, allocates them under the policy and writes one immutable run (inputs' digests, policy version, fx
 * rates, registry snapshot, pools, ledger) in one transaction. A report from a DSP with no licence is skipped and
 * named with the command that sets one; a corrected resend of a distributed report waits for `--adjust`. Claims
 * approved since the last run are paid in a `claims` run of their own, in the same transaction.
 */
export async function distributePeriod(context: RegistryContext, options: DistributeOptions): Promise<DistributeOutcome> {
  const { currency } = await requireSettings(context, ['currency']);
  const { policy, policyText } = readPolicy(options.policyPath);
  const resolve = createTerritoryResolver(context.lookups.territories);
  return inTransaction(context.store.db, async (tx) => {
    // The undistributed reports are read under the lock, so two runs never both find the same report.
    await lockBookings(tx, context.store.engine);
    await checkPolicyVersion(tx, policy.version, digestOf(policyText));
    const reports = [];
    const waiting: SkippedReport[] = [];
    for (const report of await readPeriodReports(tx, options.period, options.dsp)) {
      const earlierRun = report.replaces === null ? undefined : await findReportRun(tx, BigInt(report.replaces));
      if (earlierRun) waiting.push({ reportId: String(report.report_id), messageId: report.message_id, reason: `it replaces a report run ${earlierRun} distributed: run \`clef distribute --adjust ${earlierRun}\`` });
      else reports.push(report);
    }
    const computed = await computeAllocations(tx, context, { reports, period: options.period, currency: currency!, policy, resolve, allowNegative: options.allowNegative });
    const skipped = [...waiting, ...computed.skipped];
    const claims = { period: options.period, currency: currency!, policy, policyText };
    if (computed.reports.length === 0) {
      const claimsRunId = await payApprovedClaims(tx, context, claims);
      if (claimsRunId === null && skipped.length === 0) await refuseDistributedPeriod(tx, options);
      return outcome(null, skipped, claimsRunId);
    }
    const runId = await recordRun(tx, context, {
      kind: 'distribution', period: options.period, dsp: options.dsp ?? null, adjusts: null, currency: currency!, policy, policyText, computed: { ...computed, skipped },
      bookings: computed.allocations,
      pools: computed.pools.map((p) => ({
        pool_id: p.pool.poolId, report_id: p.reportId, summary_record_id: p.summaryRecordId, dsp: p.pool.scope.dsp,
        commercial_model: p.pool.scope.commercialModel, use_type: p.pool.scope.useType, territory: p.territory, basis: p.basis, amount_micros: p.pool.amountMicros,
      })),
    });
    await insertDistributedReports(tx, runId, computed.reports.map((r) => r.report_id));
    await markReportsDistributed(tx, computed.reports.map((r) => r.report_id));
    return outcome(runId, skipped, await payApprovedClaims(tx, context, claims));
  });
}
