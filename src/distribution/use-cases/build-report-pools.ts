import type { Kysely } from 'kysely';
import { isRight, type Right } from '../../registry/right.js';
import { readPoolInvoices, readSummaries } from '../../store/distribution/run-input-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import { computePoolAmount } from '../compute-pool-amount.js';
import type { PoolLine } from '../distribution-input.js';
import { buildUgcPools } from './build-ugc-pools.js';
import { fxRateFor, isUgcReport, poolTerritory, type PoolSources, type ReportPool, type StoredPoolLines } from './pool-sources.js';
import { lineMatch, readReportLines, readReportWorkIndex, type ReportLine } from './read-report-lines.js';

function poolLines(rows: readonly ReportLine[], reportId: bigint): PoolLine[] {
  const keyCount = new Map<string, number>();
  return rows.map((row) => {
    // The content key: SalesTransactionId and resource, never the block or line position, so reordering a report changes nothing.
    const contentKey = `${row.sales_transaction_id}/${row.dsp_resource_id ?? ''}`;
    const seen = keyCount.get(contentKey) ?? 0;
    keyCount.set(contentKey, seen + 1);
    const usages = BigInt(row.usages) - BigInt(row.returns);
    return {
      key: seen === 0 ? contentKey : `${contentKey}#${seen}`,
      reportId: String(reportId),
      lineNumber: Number(row.line),
      weight: usages,
      usages,
      royaltyBearing: row.is_royalty_bearing !== false,
      conflict: false,
      match: lineMatch(row),
    };
  });
}

/** A stored summary's usage lines as pool lines, in content order (for a division the store cannot hold exactly). */
export async function readStoredPoolLines(db: Kysely<ClefDatabase>, stored: StoredPoolLines): Promise<PoolLine[]> {
  return poolLines(await readReportLines(db, stored.reportId, { summaryRecordId: stored.summaryRecordId }), stored.reportId);
}

/**
 * The pools of one report, one at a time: one per summary record a licence covers, its lines left in the store
 * (`stored`: the store divides them, so neither a summary's lines nor the report's resources come into memory)
 * with the works behind the report's matches. A summary in another currency needs an exchange rate
 * (`clef fx set`); summaries no licence covers are left out. A UGC report's pools are built by `buildUgcPools`.
 */
export async function* reportPools(db: Kysely<ClefDatabase>, sources: PoolSources): AsyncGenerator<ReportPool> {
  const { report } = sources;
  if (isUgcReport(report)) {
    yield* await buildUgcPools(db, sources);
    return;
  }
  const invoices = new Map((await readPoolInvoices(db, report.report_id)).map((i) => [i.summary_record_id, i.amount_micros]));
  const index = await readReportWorkIndex(db, report.report_id);
  for (const summary of await readSummaries(db, report.report_id)) {
    const territory = summary.territory ?? report.territory;
    const { tis, licence, shareFallbackTis } = poolTerritory(sources, territory, summary.commercial_model, summary.use_type);
    if (!licence) continue;
    const fxRate = fxRateFor(sources, summary.currency ?? report.currency ?? sources.currency);
    const amount = computePoolAmount({
      revenue: summary.net_revenue,
      rate: licence.rate,
      subscribers: summary.subscribers ? BigInt(summary.subscribers.split('.')[0]) : null,
      perSubscriberMinimumMicros: licence.per_subscriber_minimum_micros === null ? null : BigInt(licence.per_subscriber_minimum_micros),
      invoiceMicros: invoices.has(summary.summary_record_id) ? BigInt(invoices.get(summary.summary_record_id)!) : null,
      fxRate,
    });
    yield {
      reportId: report.report_id,
      summaryRecordId: summary.summary_record_id,
      territory,
      basis: amount.basis,
      rightsType: summary.rights_type,
      rightsTypePercentage: summary.rights_type_percentage,
      stored: { reportId: report.report_id, summaryRecordId: summary.summary_record_id, index },
      pool: {
        poolId: `${report.report_id}/${summary.summary_record_id}`,
        scope: { dsp: report.sender_dpid, commercialModel: summary.commercial_model, useType: summary.use_type },
        territoryTis: tis,
        shareFallbackTis,
        date: report.period_end,
        amountMicros: amount.micros,
        summaryWeight: summary.usages === null ? null : BigInt(summary.usages),
        rights: licence.rights.split(/[;,]/).filter(isRight) as Right[],
        rightsSplit: null,
        lines: [],
      },
    };
  }
}
