import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { readRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const listRuns = lazily(() => import('../../distribution/use-cases/run-figures.js'), 'listRuns');
const showRun = lazily(() => import('../../distribution/use-cases/run-figures.js'), 'showRun');

/** `clef runs list [--json]`: every run in creation order. */
export function runsListCommand(): Command {
  return withStoreOptions(new Command('list').option('--json', 'print JSON: an array of {run_id, period, kind, created_at, money_in_micros}').description('list the runs')).action(async (options) => {
    await readRegistry(options, async (context) => {
      const runs = await listRuns(context);
      if (options.json) return printJson(runs);
      for (const run of runs) printLine([run.run_id, run.period, run.kind, run.created_at, run.money_in_micros].join('\t'));
    });
  });
}

/** `clef runs show ID [--json]`: a run's figures. */
export function runsShowCommand(): Command {
  return withStoreOptions(new Command('show').argument('<runId>', 'the run, e.g. RUN00000001').option('--json', 'print JSON').description('show a run\'s figures: money in, commission, allocations, reserves, match rate, members')).action(async (runId: string, options) => {
    await readRegistry(options, async (context) => {
      const run = await showRun(context, runId);
      if (options.json) return printJson(run);
      printLine(`run ${run.run_id} (${run.period})`);
      printLine(`money in     ${run.money_in_micros}`);
      printLine(`commission   ${run.commission_micros}`);
      printLine(`allocated    ${run.allocated_micros}`);
      for (const [name, amount] of Object.entries(run.reserves)) printLine(`reserve ${name.replace(/_micros$/, '')}: ${amount}`);
      for (const s of run.sister_societies) printLine(`society ${s.society}: ${s.amount_micros}`);
      printLine(`match rate: lines ${run.match_rate.lines}, usages ${run.match_rate.usages}, money ${run.match_rate.money}`);
      for (const p of run.parties) printLine(`${p.party_id}\t${p.ipi_name_numbers.join(' ')}\t${p.name}\t${p.amount_micros}`);
    });
  });
}

/** `clef runs list|show`: distribution runs and their figures (amounts in micro-units of the CMO's currency). */
export function runsCommand(): Command {
  return new Command('runs').description('distribution runs and their figures').addCommand(runsListCommand()).addCommand(runsShowCommand());
}
