import { setExitCode } from '../cli-io.js';
import { Command } from 'commander';
import type { Finding } from '../../errors/finding.js';
import { printJson, printLine } from '../output.js';

function describe(finding: Finding): string {
  const { line, column, recordType, field, value } = finding.location;
  const where = `${line ?? '-'}:${column ?? 1}`;
  const what = [recordType, field].filter(Boolean).join(' ');
  const shown = value === undefined ? '' : ` '${value}'`;
  return `${where} ${finding.severity} ${finding.code} ${what}${shown}: ${finding.message}`;
}

/** `clef cwr validate FILE [--json]`: validates a CWR file and exits 1 when a finding rejects more than a field. */
export function cwrValidateCommand(): Command {
  return new Command('validate')
    .description('validate a CWR 2.1/2.2/3.0/3.1 file: record order, sequences, counts, fields, lookups, identifiers, shares, territories')
    .argument('<file>', 'the CWR file')
    .option('--json', 'print the report as JSON only')
    .option('--db <location>', 'the store (not needed to validate a file; accepted like every command)')
    .action(async (path: string, options: { json?: boolean }) => {
      const { isAboveFieldLevel, validateCwrFile } = await import('../../formats/cwr/index.js');
      const report = await validateCwrFile(path);
      if (options.json) {
        printJson({
          file: report.file,
          version: report.version,
          findings: report.findingList.map((f) => ({
            line: f.location.line ?? null,
            column: f.location.column ?? null,
            record_type: f.location.recordType ?? null,
            field: f.location.field ?? null,
            value: f.location.value ?? null,
            severity: f.severity,
            message: f.message,
            code: f.code,
          })),
        });
      } else {
        for (const finding of report.findingList) printLine(`${report.file}:${describe(finding)}`);
        printLine(`${report.file}: CWR ${report.version}, ${report.lines} records, ${report.groups} groups, ${report.transactions} transactions, ${report.findings} findings`);
      }
      if (report.findingList.some((f) => isAboveFieldLevel(f.severity))) setExitCode(1);
    });
}

/** `clef cwr`: the CWR commands. */
export function cwrCommand(): Command {
  return new Command('cwr').description('CWR (CISAC Common Works Registration) files').addCommand(cwrValidateCommand());
}
