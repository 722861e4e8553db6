import { setExitCode } from '../cli-io.js';
import { Command } from 'commander';
import { ClefError, formatLocation, type Finding } from '../../errors/index.js';
import { printJson, printLine, printNotice } from '../output.js';
import { parseCount } from '../parse-count.js';
import { withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const ingestReport = lazily(() => import('../../usage/use-cases/ingest-report.js'), 'ingestReport');
const discardStaging = lazily(() => import('../../usage/use-cases/discard-staging.js'), 'discardStaging');
const resumeIngestion = lazily(() => import('../../usage/use-cases/resume-ingestion.js'), 'resumeIngestion');

function printDiscarded(discarded: readonly { reportId: bigint; messageId: string; stagedLines: bigint }[]): void {
  for (const report of discarded) printNotice(`usage ingest: removed report ${report.reportId} (${report.messageId}), ${report.stagedLines.toLocaleString('en')} lines staged by a process that stopped mid-file`);
}

function printFindings(findings: readonly Finding[], total: number): void {
  for (const finding of findings) printNotice(`  ${finding.severity} ${finding.code} ${formatLocation(finding.location)}: ${finding.message}`);
  if (total > findings.length) printNotice(`  … and ${total - findings.length} more`);
}

// The one argument error of each mode: --discard names no file, --resume and plain ingestion at least one.
function argumentError(files: readonly string[], options: { discard?: boolean; resume?: boolean; replaces?: string }): ClefError | undefined {
  if (options.discard && options.resume) return new ClefError('CLEF_USAGE_INVALID_ARGUMENT', '--discard and --resume exclude each other', { field: '--resume' });
  if (options.discard) return files.length > 0 ? new ClefError('CLEF_USAGE_INVALID_ARGUMENT', '--discard takes no FILE', { field: '--discard' }) : undefined;
  if (options.resume && options.replaces !== undefined) return new ClefError('CLEF_USAGE_INVALID_ARGUMENT', '--resume keeps the --replaces the stopped ingestion was given: give no --replaces', { field: '--replaces' });
  if (files.length === 0) return new ClefError('CLEF_USAGE_INVALID_ARGUMENT', options.resume ? 'name the DSR files to resume: --resume FILE…' : 'name at least one DSR file to ingest (or --discard)', { field: 'FILE' });
  return undefined;
}

/**
 * `clef usage ingest FILE… [--replaces MESSAGEID] [--json]`: exit status 0 when every file was staged (warnings
 * or not), 1 when any was refused or was a duplicate. `clef usage ingest --discard` only removes what ingestions
 * that died mid-file left (every ingestion does so first anyway); `clef usage ingest --resume FILE…` continues
 * them instead, for those files.
 */
export function usageIngestCommand(): Command {
  return withStoreOptions(
    new Command('ingest')
      .argument('[files...]', 'DDEX DSR flat files (.tsv or .tsv.gz)')
      .option('--replaces <messageId>', 'this is a corrected resend of the report with that MessageId')
      .option('--max-findings <n>', 'errors and warnings listed per file', parseCount('--max-findings'), 100)
      .option('--chunk-lines <n>', 'about how many lines the engine\'s loader checks and stages at a time (cut where a block ends; 250000)', parseCount('--chunk-lines'))
      .option('--json', 'print JSON: an array with each file\'s outcome')
      .option('--discard', 'only remove the files that ingestions which stopped mid-file left staged (invisible); give no FILE')
      .option('--resume', 'continue the staging that a stopped ingestion left of each FILE (same file, unchanged) instead of starting over; must come before any plain ingestion, which removes it')
      .description('validate, stage and match DSR usage reports; a file with errors is refused whole, and --resume continues what an ingestion that stopped mid-file staged'),
  ).action(async (files: string[], options) => {
    const invalid = argumentError(files, options);
    if (invalid) throw invalid;
    await withRegistry(options, async (context) => {
      if (options.discard) {
        const discarded = await discardStaging(context);
        if (options.json) printJson(discarded.map((report) => ({ reportId: report.reportId, messageId: report.messageId, stagedLines: report.stagedLines })));
        else {
          printDiscarded(discarded);
          printLine(`usage ingest --discard: ${discarded.length} staging report${discarded.length === 1 ? '' : 's'} removed`);
        }
        return;
      }
      let next = 1_000_000;
      let staged = 0;
      const outcomes = await (options.resume ? resumeIngestion : ingestReport)(context, files, {
        replaces: options.replaces,
        findingCap: options.maxFindings,
        loaderChunkLines: options.chunkLines,
        onProgress: (file, lines) => {
          if (lines < next) return;
          printNotice(`usage ingest: ${file}: ${lines.toLocaleString('en')} lines`);
          next = lines + 1_000_000;
        },
        // The first committed chunk and then one a million lines: the file is durable so far, though still invisible.
        onStaged: (file, lines) => {
          if (staged > 0 && lines < staged + 1_000_000) return;
          printNotice(`usage ingest: ${file}: ${lines.toLocaleString('en')} lines staged (committed, not yet visible)`);
          staged = lines;
        },
        onDiscarded: printDiscarded,
        onResume: (file, reportId, fromLine) =>
          printNotice(fromLine > 1
            ? `usage ingest: ${file}: resuming report ${reportId}: the rows of lines before ${fromLine.toLocaleString('en')} are kept; reading the file again and writing from there`
            : `usage ingest: ${file}: resuming report ${reportId} from the start: nothing it staged could be kept`),
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
