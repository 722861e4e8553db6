import { Command } from 'commander';
import { normalizeSocietyCode } from '../../lookups/index.js';
import { printJson, printLine } from '../output.js';
import { formatTable, readableAmount } from '../print-table.js';
import { readRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const listRuns = lazily(() => import('../../distribution/use-cases/run-figures.js'), 'listRuns');
const showRun = lazily(() => import('../../distribution/use-cases/run-figures.js'), 'showRun');
const showSettings = lazily(() => import('../../registry/use-cases/settings.js'), 'showSettings');

/** `clef runs list [--json]`: every run in creation order. */
export function runsListCommand(): Command {
  return withStoreOptions(new Command('list').option('--json', 'print JSON: an array of {run_id, period, kind, created_at, money_in_micros}').description('list the runs')).action(async (options) => {
    await readRegistry(options, async (context) => {
      const runs = await listRuns(context);
      if (options.json) return printJson(runs);
      printLine(formatTable(['run', 'period', 'kind', 'created', 'money in', 'micro-units'], runs.map((r) => [r.run_id, r.period, r.kind, r.created_at, readableAmount(r.money_in_micros), r.money_in_micros]), ['money in', 'micro-units']));
    });
  });
}

/** `clef runs show ID [--json]`: a run's figures. */
export function runsShowCommand(): Command {
  return withStoreOptions(new Command('show').argument('<runId>', 'the run, e.g. RUN00000001').option('--json', 'print JSON').description('show a run\'s figures: money in, commission, allocations, reserves, match rate, members')).action(async (runId: string, options) => {
    await readRegistry(options, async (context) => {
      const run = await showRun(context, runId);
      if (options.json) return printJson(run);
      const currency = (await showSettings(context)).currency ?? '';
      const amountColumns = [`amount (${currency})`, 'micro-units'];
      const percent = (ratio: number) => `${(ratio * 100).toFixed(2)} %`;
      printLine(`run ${run.run_id}, period ${run.period}, amounts in ${currency}`);
      printLine(`match rate: ${percent(run.match_rate.lines)} of lines, ${percent(run.match_rate.usages)} of usages, ${percent(run.match_rate.money)} of money`);
      printLine();
      const figures: [string, string][] = [['money in', run.money_in_micros], ['commission', run.commission_micros], ['allocated', run.allocated_micros], ...Object.entries(run.reserves).map(([name, micros]) => [`reserve ${name.replace(/_micros$/, '')}`, micros] as [string, string])];
      printLine(formatTable(['figure', ...amountColumns], figures.map(([name, micros]) => [name, readableAmount(micros), micros]), amountColumns));
      printLine();
      printLine(formatTable(['society', 'name', ...amountColumns], run.sister_societies.map((s) => [s.society, context.lookups.societies.get(normalizeSocietyCode(s.society))?.name ?? '', readableAmount(s.amount_micros), s.amount_micros]), amountColumns));
      printLine();
      printLine(formatTable(['party', 'IPI', 'name', ...amountColumns], run.parties.map((p) => [p.party_id, p.ipi_name_numbers.join(' '), p.name, readableAmount(p.amount_micros), p.amount_micros]), amountColumns));
    });
  });
}

/** `clef runs list|show`: distribution runs and their figures (amounts in micro-units of the CMO's currency). */
export function runsCommand(): Command {
  return new Command('runs').description('distribution runs and their figures').addCommand(runsListCommand()).addCommand(runsShowCommand());
}
