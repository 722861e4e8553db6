import { Command } from 'commander';
import { distributePeriod } from '../../distribution/use-cases/distribute-period.js';
import { ClefError } from '../../errors/index.js';
import { printJson, printLine, printNotice } from '../output.js';
import { withRegistry, withStoreOptions } from '../registry-session.js';

/** `clef distribute --period YYYY-MM [--dsp DPID] [--policy FILE]`: one immutable run over the month's reports. */
export function distributeCommand(): Command {
  return withStoreOptions(
    new Command('distribute')
      .requiredOption('--period <month>', 'the month (YYYY-MM) the reports\' usage periods end in')
      .option('--dsp <dpid>', 'only this DSP\'s reports')
      .option('--policy <file>', 'distribution policy file (default data/policies/default-1.json)')
      .option('--json', 'print JSON: {run_id, skipped}')
      .description('distribute the complete, undistributed reports of a month into an immutable run'),
  ).action(async (options) => {
    if (!/^\d{4}-\d{2}$/.test(options.period)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--period must be YYYY-MM, not ${options.period}`, { field: '--period' });
    await withRegistry(options, async (context) => {
      const outcome = await distributePeriod(context, { period: options.period, dsp: options.dsp, policyPath: options.policy });
      for (const skip of outcome.skipped) printNotice(`skipped report ${skip.messageId}: ${skip.reason}`);
      if (options.json) return printJson({ run_id: outcome.runId, skipped: outcome.skipped });
      printLine(outcome.runId ? `run ${outcome.runId}` : `nothing to distribute for ${options.period}`);
    });
  });
}
