import { setExitCode } from '../cli-io.js';
import { Command } from 'commander';
import { formatLocation, type Finding } from '../../errors/index.js';
import { printJson, printLine, printNotice } from '../output.js';
import { parseCount } from '../parse-count.js';
import { withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const ingestReport = lazily(() => import('../../usage/use-cases/ingest-report.js'), 'ingestReport');

function printFindings(findings: readonly Finding[], total: number): void {
  for (const finding of findings) printNotice(`  ${finding.severity} ${finding.code} ${formatLocation(finding.location)}: ${finding.message}`);
  if (total > findings.length) printNotice(`  … and ${total - findings.length} more`);
}

/**
 * `clef usage ingest FILE… [--replaces MESSAGEID] [--json]`: exit status 0 when every file was staged (warnings
 * or not), 1 when any was refused or was a duplicate.
 */
export function usageIngestCommand(): Command {
  return withStoreOptions(
    new Command('ingest')
      .argument('<files...>', 'DDEX DSR flat files (.tsv or .tsv.gz)')
      .option('--replaces <messageId>', 'this is a corrected resend of the report with that MessageId')
      .option('--max-findings <n>', 'errors and warnings listed per file', parseCount('--max-findings'), 100)
      .option('--json', 'print JSON: an array with each file\'s outcome')
      .description('validate, stage and match DSR usage reports; a file with errors is refused whole'),
  ).action(async (files: string[], options) => {
    await withRegistry(options, async (context) => {
      let next = 1_000_000;
      const outcomes = await ingestReport(context, files, {
        replaces: options.replaces,
        findingCap: options.maxFindings,
        onProgress: (file, lines) => {
          if (lines < next) return;
          printNotice(`usage ingest: ${file}: ${lines.toLocaleString('en')} lines`);
          next = lines + 1_000_000;
        },
      });
      if (options.json) printJson(outcomes);
      else {
        for (const outcome of outcomes) {
          const where = outcome.messageId ? ` report ${outcome.messageId}` : '';
          if (outcome.outcome === 'staged') printLine(`${outcome.file}: staged${where} file ${outcome.fileNumber} (${outcome.lines} lines, ${outcome.warningCount} warnings; report ${outcome.reportStatus})`);
          else if (outcome.outcome === 'duplicate') printLine(`${outcome.file}: duplicate of ${outcome.duplicateOf}; not staged`);
          else printLine(`${outcome.file}: refused, ${outcome.errorCount} errors; nothing staged`);
          printFindings(outcome.errors, outcome.errorCount);
          printFindings(outcome.warnings, outcome.warningCount);
        }
      }
      if (outcomes.some((outcome) => outcome.outcome !== 'staged')) setExitCode(1);
    });
  });
}
