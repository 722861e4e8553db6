import { Command } from 'commander';
import { isIsoMonth } from '../../calendar/index.js';
import { ClefError } from '../../errors/index.js';
import { printJson, printLine, printNotice } from '../output.js';
import { withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const adjustRun = lazily(() => import('../../distribution/use-cases/adjust-run.js'), 'adjustRun');
const distributePeriod = lazily(() => import('../../distribution/use-cases/distribute-period.js'), 'distributePeriod');

/** `clef distribute --period YYYY-MM [--dsp DPID] [--policy FILE]` or `clef distribute --adjust RUN`: one immutable run. */
export function distributeCommand(): Command {
  return withStoreOptions(
    new Command('distribute')
      .option('--period <month>', 'the month (YYYY-MM) the reports\' usage periods end in')
      .option('--dsp <dpid>', 'only this DSP\'s reports')
      .option('--adjust <runId>', 'recompute this run\'s reports and book only the differences as an adjustment run')
      .option('--policy <file>', 'distribution policy file (default data/policies/default-1.json); --adjust uses the run\'s own stored policy')
      .option('--allow-negative', 'book negative pools (corrections reporting negative revenue), refused otherwise')
      .option('--json', 'print JSON: {run_id, skipped, claims_run_id when approved claims were paid}')
      .description('distribute the complete, undistributed reports of a month into an immutable run, or adjust a run'),
  ).action(async (options) => {
    if (!options.adjust && !options.period) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'give --period YYYY-MM or --adjust RUN', { field: '--period' });
    if (options.period && !isIsoMonth(options.period)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--period must be YYYY-MM, not ${options.period}`, { field: '--period' });
    if (options.adjust && options.policy) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', '--adjust recomputes under the run\'s own stored policy: leave out --policy', { field: '--policy' });
    await withRegistry(options, async (context) => {
      const allowNegative = options.allowNegative === true;
      const outcome = options.adjust
        ? await adjustRun(context, options.adjust, { allowNegative })
        : await distributePeriod(context, { period: options.period, dsp: options.dsp, policyPath: options.policy, allowNegative });
      for (const skip of outcome.skipped) printNotice(`skipped report ${skip.messageId}: ${skip.reason}`);
      if (options.json) return printJson({ run_id: outcome.runId, skipped: outcome.skipped, ...(outcome.claimsRunId ? { claims_run_id: outcome.claimsRunId } : {}) });
      if (outcome.claimsRunId) printLine(`claims paid in run ${outcome.claimsRunId}`);
      if (outcome.runId) printLine(`run ${outcome.runId}`);
      else printLine(options.adjust ? `nothing changed since ${options.adjust}: no adjustment booked` : `nothing to distribute for ${options.period}`);
    });
  });
}
