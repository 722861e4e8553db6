import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { formatTable } from '../print-table.js';
import { readRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const traceStatementLine = lazily(() => import('../../distribution/use-cases/trace-statement-line.js'), 'traceStatementLine');

/** `clef trace STATEMENT-LINE [--json]`: the DSR lines (report, file, line number) behind a statement line. */
export function traceCommand(): Command {
  return withStoreOptions(
    new Command('trace')
      .argument('<lineId>', 'a statement line id, RUN:ACCOUNT:POOL:WORK:RIGHT (the line_id column of a statement)')
      .option('--json', 'print JSON')
      .description('list the usage report lines behind a statement line'),
  ).action(async (lineId: string, options) => {
    await readRegistry(options, async (context) => {
      const lines = await traceStatementLine(context, lineId);
      if (options.json) return printJson(lines);
      printLine(formatTable(['report', 'file', 'line', 'block', 'SalesTransactionId', 'recording', 'usages'], lines.map((l) => [l.report_id, l.file_number, l.line, l.block_id, l.sales_transaction_id, l.recording_id ?? '', l.usages]), ['file', 'line', 'usages']));
    });
  });
}
