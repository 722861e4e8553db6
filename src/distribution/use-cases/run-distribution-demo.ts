import { ClefError } from '../../errors/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { requireSettings } from '../../registry/use-cases/settings.js';
import { readPeriodReports } from '../../store/distribution/run-input-queries.js';
import { distributePeriod, type DistributeOutcome } from './distribute-period.js';
import { setDspLicence, type DspLicence } from './dsp-licences.js';
import { setFxRate, type FxRate } from './fx-rates.js';
import { showRun, type RunFigures } from './run-figures.js';
import { buildStatements, type Statement } from './write-statements.js';

/** What the distribution demo sets and distributes; every field has the demo's default. */
export interface DistributionDemoOptions {
  /** The usage month (`YYYY-MM`); default `2025-01`, the month `ingestDemoReport` reports. */
  readonly period?: string;
  /** The DSP licensed; default the demo report's sender `PADPIDA2011072101T`. */
  readonly dsp?: string;
  /** The licence's royalty rate on NetRevenue; default `0.12`. */
  readonly rate?: string;
  /** Units of the CMO's currency per unit of the report's, set when they differ; default `7.8125`. */
  readonly fxRate?: string;
  /** The IPI name number of the member whose statement is returned; default LI Wei's `00012345036`. */
  readonly memberIpi?: string;
}

/** The demo's run: what was set, the run's figures and one member's statement. */
export interface DistributionDemo {
  readonly licence: DspLicence;
  /** The exchange rate set, or null when the report is in the CMO's currency. */
  readonly fxRate: FxRate | null;
  readonly outcome: DistributeOutcome;
  readonly figures: RunFigures;
  /** The member's statement, or null when the run paid them nothing. */
  readonly statement: Statement | null;
}

/**
 * The distribution demo on a store holding the demo catalogue, members and an ingested demo report: licenses the
 * DSP, sets an exchange rate when the report's currency is not the CMO's, distributes the month and returns the
 * run's figures and one member's statement. Fails when there is nothing to distribute.
 * @example await runDistributionDemo(context) // after ingestDemoReport(context, '2025-01')
 */
export async function runDistributionDemo(context: RegistryContext, options: DistributionDemoOptions = {}): Promise<DistributionDemo> {
  const period = options.period ?? '2025-01';
  const dsp = options.dsp ?? 'PADPIDA2011072101T';
  const { currency } = await requireSettings(context, ['currency']);
  const licence = await setDspLicence(context, { dpid: dsp, rate: options.rate ?? '0.12' });
  const reports = await readPeriodReports(context.store.db, period, dsp);
  const reportCurrency = reports.find((r) => r.currency !== null && r.currency !== currency)?.currency ?? null;
  const fxRate = reportCurrency === null ? null : await setFxRate(context, { from: reportCurrency, to: currency!, period, rate: options.fxRate ?? '7.8125' });
  const outcome = await distributePeriod(context, { period, dsp });
  if (outcome.runId === null) {
    const reasons = outcome.skipped.map((s) => `${s.messageId}: ${s.reason}`).join('; ');
    throw new ClefError('CLEF_NOT_FOUND', `nothing to distribute for ${dsp} in ${period}${reasons ? ` (${reasons})` : ': ingest the demo report first'}`, { value: period });
  }
  const figures = await showRun(context, outcome.runId);
  const memberIpi = options.memberIpi ?? '00012345036';
  const statement = (await buildStatements(context, outcome.runId)).find((s) => s.payee.kind === 'member' && s.payee.ipi_name_numbers.includes(memberIpi)) ?? null;
  return { licence, fxRate, outcome, figures, statement };
}
