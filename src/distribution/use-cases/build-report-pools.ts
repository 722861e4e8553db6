import type { Kysely } from 'kysely';
import { ClefError } from '../../errors/clef-error.js';
import { isRight, type Right } from '../../registry/right.js';
import type { TerritoryResolver } from '../../registry/territory-resolver.js';
import { covers } from '../../registry/territory-set.js';
import type { TerritoryTable } from '../../registry/territory-table.js';
import { parseTerritoryChain } from '../../registry/use-cases/territory-chain-text.js';
import { worldTis } from '../../registry/territory.js';
import { readPoolInvoices, readSummaries } from '../../store/distribution/run-input-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import { computePoolAmount, type PoolAmount } from '../compute-pool-amount.js';
import type { PoolInput, PoolLine } from '../distribution-input.js';
import { readReportLines } from './read-report-lines.js';

/** A pool with the report, summary and amount rule it came from. */
export interface ReportPool {
  readonly pool: PoolInput;
  readonly reportId: bigint;
  readonly summaryRecordId: string;
  readonly territory: string | null;
  readonly basis: PoolAmount['basis'];
}

/** What building a report's pools needs besides the store. */
export interface PoolSources {
  readonly report: ClefDatabase['usage_reports'];
  readonly licences: readonly ClefDatabase['dsp_licences'][];
  /** Exchange rates into the CMO's currency for the report's month, by source currency. */
  readonly fxRates: ReadonlyMap<string, string>;
  readonly currency: string;
  readonly territories: TerritoryTable;
  readonly resolve: TerritoryResolver;
}

/** The most specific licence for a summary's commercial model and use type whose territories cover the pool's. */
function licenceFor(sources: PoolSources, commercialModel: string | null, useType: string | null, tis: number) {
  const fits = sources.licences.filter(
    (l) =>
      (l.commercial_model === '*' || l.commercial_model === commercialModel) &&
      (l.use_type === '*' || l.use_type === useType) &&
      covers(sources.resolve(parseTerritoryChain(l.territories)), tis),
  );
  return fits.sort((a, b) => Number(b.commercial_model !== '*') + Number(b.use_type !== '*') - (Number(a.commercial_model !== '*') + Number(a.use_type !== '*')))[0];
}

/**
 * The pools of one report: one per summary record a licence covers, with its lines and their matches. A summary
 * in another currency needs an exchange rate (`clef fx set`); summaries no licence covers are left out.
 */
export async function buildReportPools(db: Kysely<ClefDatabase>, sources: PoolSources): Promise<ReportPool[]> {
  const { report } = sources;
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
    const currency = summary.currency ?? report.currency ?? sources.currency;
    const fxRate = currency === sources.currency ? null : sources.fxRates.get(currency);
    if (fxRate === undefined) {
      throw new ClefError('CLEF_DISTRIBUTION_FX_RATE_MISSING', `report ${report.message_id} is in ${currency}: run \`clef fx set ${currency} ${sources.currency} ${report.period_end.slice(0, 7)} RATE\``, { value: currency });
    }
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
