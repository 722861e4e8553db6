import { appendHistory, inTransaction } from '../../store/index.js';
import { findDsp, saveDsp } from '../../store/usage/dsp-queries.js';
import { findReport, findReportFileByDigest, insertReportFile, updateReport } from '../../store/usage/report-queries.js';
import { moveStagedRows } from '../../store/usage/staging-queries.js';
import type { TitleMatchThresholds } from '../score-title-match.js';
import { findContinuedReport, findReplacedReport } from './continued-report.js';
import { outcomeOf, Refusal, type IngestOutcome } from './ingest-outcome.js';
import { matchReports } from './match-reports.js';
import type { StagedFile } from './stage-report-file.js';
import type { UsageContext } from './usage-context.js';

/** How a staged file is accepted. */
export interface AcceptOptions {
  readonly replaces?: string;
  readonly thresholds?: TitleMatchThresholds;
  /** Called when matching is done, before the commit. */
  readonly onMatched?: () => void;
}

/**
 * Makes a staged file visible in one transaction: checks again that it is not already in (another process may have
 * accepted the same file meanwhile), registers an unknown DSP, turns the `staging` report into the report (or gives
 * its rows to the multi-file report it continues), supersedes the report it replaces, records the file, matches the
 * report and writes the history. Until this commits, readers see nothing of the file.
 */
export async function acceptStagedFile(context: UsageContext, staged: StagedFile, options: AcceptOptions): Promise<IngestOutcome> {
  const { file, header, result } = staged;
  return inTransaction(context.store.db, async (tx) => {
    const twin = await findReportFileByDigest(tx, result.digest);
    if (twin) throw new Refusal(outcomeOf(file, result, 'duplicate', { duplicateOf: `${twin.file_name} (report ${twin.message_id}), same content digest` }));
    const continued = await findContinuedReport(tx, file, header, options.replaces);
    const now = context.clock();
    if (!(await findDsp(tx, header.senderPartyId))) await saveDsp(tx, { dpid: header.senderPartyId, name: header.senderName || header.senderPartyId, aliases: '', created_at: now });
    let reportId = staged.stagingId;
    if (continued) {
      reportId = BigInt(continued.report_id);
      await moveStagedRows(tx, staged.stagingId, reportId);
    } else if (options.replaces) {
      const earlier = await findReplacedReport(tx, options.replaces);
      await updateReport(tx, BigInt(earlier.report_id), { status: 'replaced', replaced_by: reportId, needs_adjustment: Boolean(earlier.distributed) });
      await updateReport(tx, reportId, { replaces: BigInt(earlier.report_id) });
    }
    const fileNumber = header.fileNumber ?? 1;
    await insertReportFile(tx, {
      report_id: reportId,
      file_number: fileNumber,
      file_name: file,
      digest: result.digest,
      bytes: BigInt(result.bytes),
      lines: BigInt(result.lines),
      warning_count: BigInt(result.warningCount),
      warnings: JSON.stringify(result.warnings),
      ingested_at: now,
    });
    const report = (await findReport(tx, reportId))!;
    const filesReceived = Number(report.files_received) + 1;
    const status = filesReceived >= Number(report.number_of_files) ? 'complete' : 'incomplete';
    const named = result.fileName?.territory && result.fileName.territory !== 'multi' ? result.fileName.territory : null;
    await updateReport(tx, reportId, {
      files_received: filesReceived,
      status,
      territory: report.territory ?? named ?? staged.territory,
      currency: report.currency ?? staged.currency,
      lines: BigInt(report.lines) + BigInt(result.lines),
      warnings: BigInt(report.warnings) + BigInt(result.warningCount),
      staged_lines: null,
      staged_file: null,
      staged_file_bytes: null,
      staged_file_mtime: null,
      staged_replaces: null,
      resume_line: null,
    });
    await matchReports(tx, [reportId], { now, actor: context.actor, thresholds: options.thresholds, engine: context.store.engine });
    options.onMatched?.();
    await appendHistory(tx, [{ actor: context.actor, at: now, entityKind: 'usage_report', entityId: String(reportId), action: 'ingest', detail: { file, messageId: report.message_id, fileNumber, replaces: options.replaces ?? null } }]);
    return outcomeOf(file, result, 'staged', { reportId, fileNumber, reportStatus: status, messageId: report.message_id });
  });
}
