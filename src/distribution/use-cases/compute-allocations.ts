import type { Kysely } from 'kysely';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import type { TerritoryResolver } from '../../lookups/index.js';
import { listFxRates, listLicences } from '../../store/distribution/licence-queries.js';
import { readReportDigests } from '../../store/distribution/run-input-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import { ClefError } from '../../errors/index.js';
import { allocatePoolTargets, poolRest, type PoolAllocation } from '../allocate-pool.js';
import { valuePoolLines } from '../value-pool-lines.js';
import { valueStoredPool } from './value-stored-pool.js';
import type { RegistrySnapshot } from '../distribution-input.js';
import { poolRules, type DistributionPolicy } from '../distribution-policy.js';
import { reportPools } from './build-report-pools.js';
import { isUgcReport, type ReportPool } from './pool-sources.js';
import { summaryRightsSplit } from '../summary-rights-split.js';
import { readSettingsRows } from '../../store/registry/settings-queries.js';
import { homeCountry } from '../home-country.js';
import { loadRegistrySnapshot } from './load-registry-snapshot.js';

/** A report left out of a run, and why (with the command that fixes it). */
export interface SkippedReport {
  readonly reportId: string;
  readonly messageId: string;
  readonly reason: string;
}

/** Everything a run computes from its reports before anything is written. */
export interface ComputedAllocations {
  /** The pools, without their lines (allocated one at a time and let go). */
  readonly pools: readonly ReportPool[];
  readonly allocations: readonly PoolAllocation[];
  /** The registry rows the pools' works needed. */
  readonly registry: RegistrySnapshot;
  readonly reports: readonly { readonly report_id: bigint; readonly digest: string }[];
  readonly fxRates: ReadonlyMap<string, string>;
  readonly skipped: readonly SkippedReport[];
}

function skip(report: ClefDatabase['usage_reports'], reason: string): SkippedReport {
  return { reportId: String(report.report_id), messageId: report.message_id, reason };
}

const int64Max = 2n ** 63n - 1n;

/** A pool the store cannot hold exactly, or a negative one (a correction) nobody asked to book, stops the run. */
function refuseUnbookablePool(report: ClefDatabase['usage_reports'], p: ReportPool, allowNegative: boolean): void {
  const where = `report ${report.message_id} summary ${p.summaryRecordId}`;
  if (p.pool.amountMicros > int64Max || p.pool.amountMicros < -int64Max) {
    throw new ClefError('CLEF_DISTRIBUTION_INPUT_INVALID', `${where}: its pool of ${p.pool.amountMicros} micro-units is beyond what the store holds exactly`, { field: 'NetRevenue' });
  }
  if (p.pool.amountMicros < 0n && !allowNegative) {
    throw new ClefError('CLEF_DISTRIBUTION_POOL_NEGATIVE', `${where}: its pool is ${p.pool.amountMicros} micro-units (negative revenue, a correction): nothing was booked; book it deliberately with --allow-negative`, { field: 'NetRevenue' });
  }
}

/**
 * Builds the pools of the given reports (leaving out those of a DSP with no licence), reads the registry rows
 * their works may need, and allocates the pools one at a time under the policy, keeping each pool's bookings but
 * not its lines: pure computation over what the store holds now, with one pool's lines in memory at a time.
 */
export async function computeAllocations(
  tx: Kysely<ClefDatabase>,
  context: RegistryContext,
  input: { readonly reports: readonly ClefDatabase['usage_reports'][]; readonly period: string; readonly currency: string; readonly policy: DistributionPolicy; readonly resolve: TerritoryResolver; readonly allowNegative?: boolean },
): Promise<ComputedAllocations> {
  const fxRates = new Map((await listFxRates(tx, input.currency, input.period)).map((r) => [r.from_currency, r.rate]));
  const skipped: SkippedReport[] = [];
  const licensed: { report: ClefDatabase['usage_reports']; licences: ClefDatabase['dsp_licences'][] }[] = [];
  for (const report of input.reports) {
    const licences = await listLicences(tx, report.sender_dpid);
    if (licences.length === 0) skipped.push(skip(report, `no licence for ${report.sender_dpid}: run \`clef dsps licence set ${report.sender_dpid} --rate RATE\``));
    else if (isUgcReport(report) && licences.every((l) => l.rights_controller === null)) {
      skipped.push(skip(report, `a UGC report needs the CMO's rights controller: run \`clef dsps licence set ${report.sender_dpid} --rate RATE --rights-controller NAME\``));
    } else licensed.push({ report, licences });
  }
  const readable = await loadRegistrySnapshot(tx, licensed.map((l) => BigInt(l.report.report_id)), null);
  const homeTis = homeCountry(context.lookups.societies, context.lookups.territories, (await readSettingsRows(tx)).settings?.society_code ?? null);
  const used = new Set<string>();
  const pools: ReportPool[] = [];
  const allocations: PoolAllocation[] = [];
  const reports: { report_id: bigint; digest: string }[] = [];
  for (const { report, licences } of licensed) {
    for await (const p of reportPools(tx, { report, licences, fxRates, currency: input.currency, territories: context.lookups.territories, resolve: input.resolve, homeTis })) {
      refuseUnbookablePool(report, p, input.allowNegative === true);
      const rules = poolRules(input.policy, p.pool.scope);
      const pool = { ...p.pool, rightsSplit: summaryRightsSplit(p.rightsType, p.rightsTypePercentage, rules.rightsSplit) };
      const rest = poolRest(pool, rules);
      const targets = p.stored
        ? await valueStoredPool(tx, context.store.engine, { stored: p.stored, pool, rest, rules, registry: readable })
        : valuePoolLines(pool, rest, rules, readable);
      for (const workId of targets.namedWorks) used.add(workId);
      allocations.push(allocatePoolTargets(pool, targets, rules, readable, input.resolve));
      pools.push({ ...p, stored: undefined, pool: { ...p.pool, lines: [] } });
    }
    reports.push({ report_id: BigInt(report.report_id), digest: (await readReportDigests(tx, BigInt(report.report_id))).join(' ') });
  }
  const registry = { ...readable, works: new Map([...readable.works].filter(([workId]) => used.has(workId))) };
  return { pools, allocations, registry, reports, fxRates, skipped };
}
