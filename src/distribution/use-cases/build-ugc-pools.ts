import type { Kysely } from 'kysely';
import { divideRounded, parseDecimalFraction, parseDecimalToMicros } from '../../money/index.js';
import { isRight, type Right } from '../../registry/right.js';
import { readPoolInvoices, readSummaries } from '../../store/distribution/run-input-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import type { PoolLine } from '../distribution-input.js';
import { fxRateFor, poolTerritory, type PoolSources, type ReportPool } from './pool-sources.js';
import { lineMatch, readReportLicensorLines, type LicensorLine } from './read-report-lines.js';

/** Whether a summary or LI01 names the CMO's rights controller (by name or party id) as the licence records it. */
function isCmo(controller: string | null, partyId: string | null, cmo: string): boolean {
  return controller === cmo || partyId === cmo;
}

function micros(text: string | null): bigint {
  if (text === null || text.trim() === '') return 0n;
  try {
    return parseDecimalToMicros(text);
  } catch {
    return 0n;
  }
}

function poolLine(row: LicensorLine, reportId: bigint, key: string): PoolLine {
  const usages = row.usages === null ? 0n : BigInt(row.usages) - BigInt(row.returns ?? 0n);
  return {
    key,
    reportId: String(reportId),
    lineNumber: Number(row.usage_line ?? row.line),
    weight: micros(row.allocated_amount),
    usages,
    royaltyBearing: true,
    conflict: row.conflict,
    match: lineMatch(row),
  };
}

/**
 * The pools of a UGC report: one per summary record (SummaryRecordId, RightsController, RightsType) of the CMO's
 * rights controller as its licence names it. The CMO's own LI01 lines carry the money (AllocatedAmount, in the
 * report's currency, converted and rounded half-even once per pool) and weigh their line; LI01 lines with the
 * `conflict` keyword under the same summary join the pool and go to the disputed reserve; other controllers' lines
 * are information only. An invoiced amount replaces the sum.
 */
export async function buildUgcPools(db: Kysely<ClefDatabase>, sources: PoolSources): Promise<ReportPool[]> {
  const { report } = sources;
  const invoices = new Map((await readPoolInvoices(db, report.report_id)).map((i) => [i.summary_record_id, BigInt(i.amount_micros)]));
  const licensorLines = await readReportLicensorLines(db, report.report_id);
  const pools: ReportPool[] = [];
  for (const summary of await readSummaries(db, report.report_id)) {
    const territory = summary.territory ?? report.territory;
    const { tis, licence, shareFallbackTis } = poolTerritory(sources, territory, summary.commercial_model, summary.use_type);
    if (!licence || licence.rights_controller === null || !isCmo(summary.rights_controller, summary.rights_controller_party_id, licence.rights_controller)) continue;
    const cmo = licence.rights_controller;
    const keyCount = new Map<string, number>();
    const lines: PoolLine[] = [];
    for (const row of licensorLines) {
      if (row.summary_record_id !== summary.summary_record_id || (row.rights_type ?? summary.rights_type) !== summary.rights_type) continue;
      if (!row.conflict && !isCmo(row.rights_controller, row.rights_controller_party_id, cmo)) continue;
      // The content key: SalesTransactionId, resource and controller, never the line position.
      const contentKey = `${row.sales_transaction_id ?? ''}/${row.dsp_resource_id ?? ''}/${row.conflict ? 'conflict' : cmo}`;
      const seen = keyCount.get(contentKey) ?? 0;
      keyCount.set(contentKey, seen + 1);
      lines.push(poolLine(row, report.report_id, seen === 0 ? contentKey : `${contentKey}#${seen}`));
    }
    const fx = fxRateFor(sources, summary.currency ?? report.currency ?? sources.currency);
    const rate = fx === null ? { numerator: 1n, denominator: 1n } : parseDecimalFraction(fx);
    const invoice = invoices.get(summary.summary_record_id);
    const inReportCurrency = invoice ?? lines.reduce((sum, l) => sum + l.weight, 0n);
    pools.push({
      reportId: report.report_id,
      summaryRecordId: summary.summary_record_id,
      territory,
      basis: invoice === undefined ? 'allocated' : 'invoice',
      rightsType: summary.rights_type,
      rightsTypePercentage: summary.rights_type_percentage,
      pool: {
        poolId: `${report.report_id}/${summary.summary_record_id}/${summary.rights_type ?? ''}`,
        scope: { dsp: report.sender_dpid, commercialModel: summary.commercial_model, useType: summary.use_type },
        territoryTis: tis,
        shareFallbackTis,
        date: report.period_end,
        amountMicros: divideRounded(inReportCurrency * rate.numerator, rate.denominator, 'halfEven'),
        summaryWeight: null,
        rights: licence.rights.split(/[;,]/).filter(isRight) as Right[],
        rightsSplit: null,
        lines,
      },
    });
  }
  return pools;
}
