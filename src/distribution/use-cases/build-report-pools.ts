import type { Kysely } from 'kysely';
import { isRight, type Right } from '../../registry/right.js';
import { worldTis } from '../../registry/territory.js';
import { readPoolInvoices, readSummaries } from '../../store/distribution/run-input-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import { computePoolAmount } from '../compute-pool-amount.js';
import type { PoolLine } from '../distribution-input.js';
import { buildUgcPools } from './build-ugc-pools.js';
import { fxRateFor, isUgcReport, licenceFor, type PoolSources, type ReportPool } from './pool-sources.js';
import { readReportLines } from './read-report-lines.js';

/**
 * The pools of one report: one per summary record a licence covers, with its lines and their matches. A summary
 * in another currency needs an exchange rate (`clef fx set`); summaries no licence covers are left out. A UGC
 * report's pools are built by `buildUgcPools`.
 */
export async function buildReportPools(db: Kysely<ClefDatabase>, sources: PoolSources): Promise<ReportPool[]> {
  const { report } = sources;
  if (isUgcReport(report)) return buildUgcPools(db, sources);
  const invoices = new Map((await readPoolInvoices(db, report.report_id)).map((i) => [i.summary_record_id, i.amount_micros]));
  const linesBySummary = new Map<string, PoolLine[]>();
  const keyCount = new Map<string, number>();
  for (const row of await readReportLines(db, report.report_id)) {
    // The content key: SalesTransactionId and resource, never the block or line position, so reordering a report changes nothing.
    const contentKey = `${row.sales_transaction_id}/${row.dsp_resource_id ?? ''}`;
    const seen = keyCount.get(contentKey) ?? 0;
    keyCount.set(contentKey, seen + 1);
    const { workIds, matched } = row;
    const usages = BigInt(row.usages) - BigInt(row.returns);
    const line: PoolLine = {
      key: seen === 0 ? contentKey : `${contentKey}#${seen}`,
      reportId: String(report.report_id),
      lineNumber: Number(row.line),
      weight: usages,
      usages,
      royaltyBearing: row.is_royalty_bearing !== false,
      conflict: false,
      match: matched ? { kind: 'recording', recordingId: row.recording_id, workIds } : { kind: 'unmatched' },
    };
    const key = row.summary_record_id ?? '';
    const list = linesBySummary.get(key);
    if (list) list.push(line);
    else linesBySummary.set(key, [line]);
  }
  const pools: ReportPool[] = [];
  for (const summary of await readSummaries(db, report.report_id)) {
    const territory = summary.territory ?? report.territory;
    const tis = territory ? sources.territories.tisByIso.get(territory.toUpperCase()) ?? worldTis : worldTis;
    const licence = licenceFor(sources, summary.commercial_model, summary.use_type, tis);
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
    pools.push({
      reportId: report.report_id,
      summaryRecordId: summary.summary_record_id,
      territory,
      basis: amount.basis,
      rightsType: summary.rights_type,
      rightsTypePercentage: summary.rights_type_percentage,
      pool: {
        poolId: `${report.report_id}/${summary.summary_record_id}`,
        scope: { dsp: report.sender_dpid, commercialModel: summary.commercial_model, useType: summary.use_type },
        territoryTis: tis,
        date: report.period_end,
        amountMicros: amount.micros,
        summaryWeight: summary.usages === null ? null : BigInt(summary.usages),
        rights: licence.rights.split(/[;,]/).filter(isRight) as Right[],
        rightsSplit: null,
        lines: linesBySummary.get(summary.summary_record_id) ?? [],
      },
    });
  }
  return pools;
}
