import { ClefError } from '../../errors/index.js';
import { countriesOf, covers, intersectTerritories, isEmptyTerritorySet, worldTis, type TerritoryResolver, type TerritoryTable } from '../../lookups/index.js';
import { parseTerritoryChain } from '../../registry/use-cases/territory-chain-text.js';
import type { ClefDatabase } from '../../store/index.js';
import type { PoolAmount } from '../compute-pool-amount.js';
import type { PoolInput } from '../distribution-input.js';
import type { ReportWorkIndex } from './read-report-lines.js';

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
  /** Where a DSR summary's lines stay (its pool has none in memory): the store divides them (`valueStoredPool`). */
  readonly stored?: StoredPoolLines;
}

/** A summary record's usage lines left in the store, with the works behind the report's matches. */
export interface StoredPoolLines {
  readonly reportId: bigint;
  readonly summaryRecordId: string;
  readonly index: ReportWorkIndex;
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
  /** The CMO's own country (its society's), where a multi-territory pool reads shares split by territory; null when unknown. */
  readonly homeTis: number | null;
}

type Licence = ClefDatabase['dsp_licences'];

function mostSpecific(fits: Licence[]): Licence | undefined {
  return fits.sort((a, b) => Number(b.commercial_model !== '*') + Number(b.use_type !== '*') - (Number(a.commercial_model !== '*') + Number(a.use_type !== '*')))[0];
}

function fitsScope(l: Licence, commercialModel: string | null, useType: string | null): boolean {
  return (l.commercial_model === '*' || l.commercial_model === commercialModel) && (l.use_type === '*' || l.use_type === useType);
}

/** The most specific licence for a summary's commercial model and use type whose territories cover the pool's. */
export function licenceFor(sources: PoolSources, commercialModel: string | null, useType: string | null, tis: number): Licence | undefined {
  return mostSpecific(sources.licences.filter((l) => fitsScope(l, commercialModel, useType) && covers(sources.resolve(parseTerritoryChain(l.territories)), tis)));
}

/** Where a pool's usage happened as far as shares and memberships go, and the licence that covers it. */
export interface PoolTerritory {
  readonly tis: number;
  readonly licence: Licence | undefined;
  /** For a multi-territory pool: the country whose shares apply to a work whose shares differ inside the territory. */
  readonly shareFallbackTis: number | null;
}

/**
 * Resolves a summary's territory through the DSP's licences. A country is itself. A `Worldwide` (or unknown, or
 * group) summary is the part of it the licence covers: one country when the licence names one, else the whole
 * territory, whose shares are read there for works whose shares are the same throughout and in the CMO's own
 * country for works whose shares differ inside it, so a work sub-published territory by territory is paid rather
 * than held as undocumented.
 */
export function poolTerritory(sources: PoolSources, territory: string | null, commercialModel: string | null, useType: string | null): PoolTerritory {
  const numeric = territory && /^\d+$/.test(territory) && sources.territories.names.has(Number(territory)) ? Number(territory) : undefined;
  const summaryTis = numeric ?? (territory ? sources.territories.tisByIso.get(territory.toUpperCase()) ?? worldTis : worldTis);
  if (sources.territories.bitOf.has(summaryTis)) return { tis: summaryTis, licence: licenceFor(sources, commercialModel, useType, summaryTis), shareFallbackTis: null };
  const summarySet = sources.resolve([{ inclusion: 'I', tis: summaryTis }]);
  const within = sources.licences
    .filter((l) => fitsScope(l, commercialModel, useType))
    .map((l) => ({ l, set: intersectTerritories(summarySet, sources.resolve(parseTerritoryChain(l.territories))) }))
    .filter(({ set }) => !isEmptyTerritorySet(set));
  const licence = mostSpecific(within.map(({ l }) => l));
  if (!licence) return { tis: summaryTis, licence: undefined, shareFallbackTis: null };
  const countries = countriesOf(within.find(({ l }) => l === licence)!.set);
  if (countries.length === 1) return { tis: countries[0], licence, shareFallbackTis: null };
  const home = sources.homeTis !== null && countries.includes(sources.homeTis) ? sources.homeTis : null;
  return { tis: summaryTis, licence, shareFallbackTis: home };
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
