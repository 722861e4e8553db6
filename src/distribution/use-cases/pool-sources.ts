import { ClefError } from '../../errors/index.js';
import { covers, type TerritoryResolver, type TerritoryTable } from '../../lookups/index.js';
import { parseTerritoryChain } from '../../registry/use-cases/territory-chain-text.js';
import type { ClefDatabase } from '../../store/index.js';
import type { PoolAmount } from '../compute-pool-amount.js';
import type { PoolInput } from '../distribution-input.js';

/** A pool with the report, summary and amount rule it came from. */
export interface ReportPool {
  readonly pool: PoolInput;
  readonly reportId: bigint;
  readonly summaryRecordId: string;
  readonly territory: string | null;
  /** How the amount was found; `allocated` is a UGC pool summed from the CMO's LI01 AllocatedAmounts. */
  readonly basis: PoolAmount['basis'] | 'allocated';
  /** The summary's RightsType and RightsTypePercentage, which divide the pool between rights where given. */
  readonly rightsType: string | null;
  readonly rightsTypePercentage: string | null;
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
export function licenceFor(sources: PoolSources, commercialModel: string | null, useType: string | null, tis: number): ClefDatabase['dsp_licences'] | undefined {
  const fits = sources.licences.filter(
    (l) =>
      (l.commercial_model === '*' || l.commercial_model === commercialModel) &&
      (l.use_type === '*' || l.use_type === useType) &&
      covers(sources.resolve(parseTerritoryChain(l.territories)), tis),
  );
  return fits.sort((a, b) => Number(b.commercial_model !== '*') + Number(b.use_type !== '*') - (Number(a.commercial_model !== '*') + Number(a.use_type !== '*')))[0];
}

/** The rate into the CMO's currency for a summary's currency (null when the same); a missing rate names `clef fx set`. */
export function fxRateFor(sources: PoolSources, currency: string): string | null {
  if (currency === sources.currency) return null;
  const rate = sources.fxRates.get(currency);
  if (rate === undefined) {
    const { report } = sources;
    throw new ClefError('CLEF_DISTRIBUTION_FX_RATE_MISSING', `report ${report.message_id} is in ${currency}: run \`clef fx set ${currency} ${sources.currency} ${report.period_end.slice(0, 7)} RATE\``, { value: currency });
  }
  return rate;
}

/** Whether a report is a UGC report, whose pools are the CMO's rights controller's LI01 amounts. */
export function isUgcReport(report: ClefDatabase['usage_reports']): boolean {
  return report.profile.toUpperCase().startsWith('UGC');
}
