import type { Finding } from '../../errors/finding.js';
import type { DsrFileResult } from './parse-dsr-file.js';

/** The files of one report (one MessageId), in file order, and whether the report may be staged. */
export interface DsrReportAssembly {
  readonly messageId: string;
  readonly numberOfFiles: number;
  readonly files: readonly DsrFileResult[];
  /** File numbers (1-based) not in yet. */
  readonly missing: readonly number[];
  /** True when every file is in, each is accepted, and the report-wide FOOT counts agree. */
  readonly complete: boolean;
  readonly findings: readonly Finding[];
}

/**
 * Groups parsed DSR files into reports by the HEAD's MessageId (xofy files). A report is complete only
 * when all its files are in; then FOOT's NumberOfLinesInReport and NumberOfBlocksInReport, where given,
 * must equal the sums over its files, and every file must carry the same summary-record count.
 */
export function assembleDsrReports(results: readonly DsrFileResult[]): DsrReportAssembly[] {
  const byMessage = new Map<string, DsrFileResult[]>();
  for (const result of results) {
    const id = result.header?.messageId ?? '';
    byMessage.set(id, [...(byMessage.get(id) ?? []), result]);
  }
  return [...byMessage].map(([messageId, files]) => {
    const findings: Finding[] = [];
    const sorted = [...files].sort((a, b) => (a.header?.fileNumber ?? 0) - (b.header?.fileNumber ?? 0));
    const numberOfFiles = Math.max(...sorted.map((f) => f.header?.numberOfFiles ?? 1));
    const inconsistent = (file: DsrFileResult, message: string, field?: string, value?: string): void => {
      findings.push({ code: 'CLEF_DSR_REPORT_INCONSISTENT', severity: 'error', message, location: { file: file.file, line: file.header?.line, recordType: 'HEAD', field, value } });
    };
    const seen = new Set<number>();
    for (const file of sorted) {
      const n = file.header?.fileNumber ?? 0;
      if (seen.has(n)) inconsistent(file, `file ${n} of message ${messageId} is in twice`, 'FileNumber', String(n));
      seen.add(n);
      if ((file.header?.numberOfFiles ?? 1) !== numberOfFiles) inconsistent(file, `NumberOfFiles ${file.header?.numberOfFiles} disagrees with ${numberOfFiles} in another file`, 'NumberOfFiles');
      if (file.summaryRecords !== sorted[0].summaryRecords) inconsistent(file, `${file.summaryRecords} summary records where file ${sorted[0].header?.fileNumber} has ${sorted[0].summaryRecords}: every file repeats the same summaries`);
    }
    const missing = [...Array(numberOfFiles)].map((_, i) => i + 1).filter((n) => !seen.has(n));
    if (missing.length > 0) {
      findings.push({ code: 'CLEF_DSR_REPORT_INCOMPLETE', severity: 'error', message: `message ${messageId}: file(s) ${missing.join(', ')} of ${numberOfFiles} not in yet`, location: { file: sorted[0].file } });
    } else {
      const lines = sorted.reduce((sum, f) => sum + f.lines, 0);
      const blocks = sorted.reduce((sum, f) => sum + f.blocks, 0);
      for (const file of sorted) {
        const foot = file.foot;
        const where = { file: file.file, line: file.lines, recordType: 'FOOT' };
        if (foot?.numberOfLinesInReport != null && foot.numberOfLinesInReport !== lines) {
          findings.push({ code: 'CLEF_DSR_FOOT_COUNT_MISMATCH', severity: 'error', message: `FOOT counts ${foot.numberOfLinesInReport} lines in the report, its ${numberOfFiles} files have ${lines}`, location: { ...where, field: 'NumberOfLinesInReport', value: String(foot.numberOfLinesInReport) } });
        }
        if (foot?.numberOfBlocksInReport != null && foot.numberOfBlocksInReport !== blocks) {
          findings.push({ code: 'CLEF_DSR_FOOT_COUNT_MISMATCH', severity: 'error', message: `FOOT counts ${foot.numberOfBlocksInReport} blocks in the report, its ${numberOfFiles} files have ${blocks}`, location: { ...where, field: 'NumberOfBlocksInReport', value: String(foot.numberOfBlocksInReport) } });
        }
      }
    }
    const complete = missing.length === 0 && findings.length === 0 && sorted.every((f) => f.accepted);
    return { messageId, numberOfFiles, files: sorted, missing, complete, findings };
  });
}
