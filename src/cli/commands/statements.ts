import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { readRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const writeStatements = lazily(() => import('../../distribution/use-cases/write-statements.js'), 'writeStatements');

/** `clef statements --run ID --out DIR [--json]`: a CSV and a JSON statement per member and sister society. */
export function statementsCommand(): Command {
  return withStoreOptions(
    new Command('statements')
      .requiredOption('--run <runId>', 'the run, e.g. RUN00000001')
      .requiredOption('--out <dir>', 'folder to write the statements into')
      .option('--json', 'print JSON: the files written')
      .description('write a run\'s statements (CSV and JSON) per member and per sister society'),
  ).action(async (options) => {
    await readRegistry(options, async (context) => {
      const files = await writeStatements(context, options.run, options.out);
      if (options.json) return printJson({ run_id: options.run, out: options.out, files });
      printLine(`${files.length / 2} statements written to ${options.out}`);
    });
  });
}
