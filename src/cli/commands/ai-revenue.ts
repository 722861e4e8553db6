import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const distributeAi = lazily(() => import('../../ai/use-cases/distribute-ai.js'), 'distributeAi');
const addRevenue = lazily(() => import('../../ai/use-cases/revenue-reports.js'), 'addRevenue');
const traceAiStatementLine = lazily(() => import('../../ai/use-cases/trace-ai-line.js'), 'traceAiStatementLine');

/** `clef ai revenue add --licence ID --period YYYY-MM --net AMOUNT [--output-revenue AMOUNT] [--attribution FILE]`. */
export function aiRevenueCommand(): Command {
  const add = withStoreOptions(
    new Command('add')
      .requiredOption('--licence <id>', 'the licence (LIC…)')
      .requiredOption('--period <month>', 'YYYY-MM')
      .requiredOption('--net <amount>', 'the service\'s net revenue for the month')
      .option('--output-revenue <amount>', 'revenue from AI output used by third parties')
      .option('--attribution <file>', 'attribution report (JSON: period, total, weights)')
      .option('--json', 'print JSON')
      .description('record a licensee\'s revenue and attribution report for a month'),
  ).action(async (options) => {
    await withRegistry(options, async (context) => {
      const report = await addRevenue(context, { licenceId: options.licence, period: options.period, net: options.net, outputRevenue: options.outputRevenue, attributionFile: options.attribution });
      if (options.json) return printJson(report);
      printLine(`${report.revenue_id}: ${report.licence_id} ${report.period} net ${report.net_revenue_micros}, output ${report.output_revenue_micros}${report.attribution ? `, ${report.attribution.length} works attributed` : ''}`);
    });
  });
  return new Command('revenue').description('licensees\' revenue and attribution reports').addCommand(add);
}

/** `clef ai distribute --licence ID --period YYYY-MM [--policy FILE]`. */
export function aiDistributeCommand(): Command {
  return withStoreOptions(
    new Command('distribute')
      .requiredOption('--licence <id>', 'the licence (LIC…)')
      .requiredOption('--period <month>', 'YYYY-MM')
      .option('--policy <file>', 'the distribution policy (default data/policies/default-1.json)')
      .option('--json', 'print JSON')
      .description('book an AI remuneration run (kind ai) for a licence and month'),
  ).action(async (options) => {
    await withRegistry(options, async (context) => {
      const outcome = await distributeAi(context, { licenceId: options.licence, period: options.period, policyPath: options.policy });
      if (options.json) return printJson(outcome);
      printLine(`run ${outcome.run_id} (kind ai): training fee ${outcome.pools.training_fee}, revenue share ${outcome.pools.revenue_share}, output use ${outcome.pools.output_use} over ${outcome.works_paid} works`);
      for (const e of outcome.enforcement) printLine(`  not paid, for enforcement: ${e.work_id ?? e.recording_id} (${e.declaration_id}) ${e.evidence}`);
      if (outcome.claims_run_id) printLine(`approved claims paid in run ${outcome.claims_run_id}`);
    });
  });
}

/** `clef ai trace STATEMENT-LINE [--json]`: the declared training items behind an AI statement line. */
export function aiTraceCommand(): Command {
  return withStoreOptions(
    new Command('trace')
      .argument('<lineId>', 'an AI statement line id, RUN:ACCOUNT:POOL:WORK:RIGHT')
      .option('--json', 'print JSON')
      .description('list the declared training items behind an AI statement line'),
  ).action(async (lineId: string, options) => {
    await withRegistry(options, async (context) => {
      const items = await traceAiStatementLine(context, lineId);
      if (options.json) return printJson(items);
      for (const i of items) printLine(`${i.declaration_id} entry ${i.entry_no}\t${i.origin}\t${i.isrc ?? i.iswc ?? ''}\t${i.recording_id ?? ''}\t${i.method}\t${i.duration_used_ms ?? ''}`);
    });
  });
}
