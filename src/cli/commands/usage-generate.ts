import { Command } from 'commander';
import { isIsoMonth } from '../../calendar/index.js';
import { ClefError } from '../../errors/index.js';
import { printJson, printLine, printNotice } from '../output.js';
import { parseCount } from '../parse-count.js';
import { usageIngestCommand } from './usage-ingest.js';
import { usagePoolCommand } from './usage-pool.js';
import { usageMatchCommand, usageRematchCommand, usageReportsCommand, usageUnmatchedCommand } from './usage-worklists.js';
import { lazily } from '../lazily.js';

const generateUsage = lazily(() => import('../../usage/generate-usage/generate-usage.js'), 'generateUsage');

/**
 * `clef usage generate --lines N --recordings M --out DIR [--seed S] [--month yyyy-mm] [--json]`: writes a
 * test catalogue (CWR 2.2), members.csv, a Basic Audio 1.2 DSR report and truth.csv into DIR.
 */
export function usageGenerateCommand(): Command {
  return new Command('generate')
    .description('generate test data: DIR/catalogue/ (CWR 2.2), DIR/members.csv, DIR/reports/DSR_*.tsv (Basic Audio 1.2, one DSP, one month), DIR/truth.csv')
    .requiredOption('--lines <n>', 'lines in the DSR report, HEAD and FOOT included (at least 5)', parseCount('--lines'))
    .requiredOption('--recordings <m>', 'recordings (and works) in the catalogue', parseCount('--recordings'))
    .requiredOption('--out <dir>', 'the folder to write into')
    .option('--seed <s>', 'seed: the same seed writes the same files', parseCount('--seed'), 1)
    .option('--month <yyyy-mm>', 'the calendar month the report covers', '2025-01')
    .option('--json', 'print what was written as JSON only')
    .option('--db <location>', 'the store (not used: generating touches no database; accepted like every command)')
    .action(async (options: { lines: number; recordings: number; out: string; seed: number; month: string; json?: boolean }) => {
      if (options.lines < 5) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', '--lines must be at least 5 (HEAD, a comment, two summaries, FOOT)', { field: '--lines' });
      if (!isIsoMonth(options.month)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', '--month is yyyy-mm', { field: '--month', value: options.month });
      let next = 1_000_000;
      const result = await generateUsage({
        ...options,
        onProgress: (lines) => {
          if (lines >= next) {
            printNotice(`usage generate: ${lines.toLocaleString('en')} report lines written`);
            next += 1_000_000;
          }
        },
      });
      if (options.json) printJson(result);
      else {
        printLine(`catalogue: ${result.catalogueFiles.length} CWR 2.2 files, ${options.recordings} works and recordings, ${result.writers} writers`);
        printLine(`members:   ${result.membersFile}`);
        printLine(`report:    ${result.reportFile} (${result.reportLines} lines, ${result.resources} resources)`);
        printLine(`truth:     ${result.truthFile}`);
      }
    });
}

/** `clef usage`: usage reports (DDEX DSR) and their test data. */
export function usageCommand(): Command {
  const usage = new Command('usage').description('usage reports (DDEX DSR): ingestion, matching, worklists, test data');
  for (const command of [usageIngestCommand(), usageReportsCommand(), usageUnmatchedCommand(), usageMatchCommand(), usageRematchCommand(), usageGenerateCommand(), usagePoolCommand()]) usage.addCommand(command);
  return usage;
}
