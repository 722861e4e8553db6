import type { Kysely } from 'kysely';
import { ClefError } from '../../errors/index.js';
import type { DsrHeaderRow } from '../../formats/dsr/index.js';
import type { ClefDatabase } from '../../store/index.js';
import { findReportsByMessageId, reportFileNumbers } from '../../store/usage/report-queries.js';
import { duplicateOfReport } from './ingest-outcome.js';

/** Whether a report is seen by readers: not a corrected one, not one still being staged. */
export function isVisibleReport(report: { readonly status: string }): boolean {
  return report.status !== 'replaced' && report.status !== 'staging';
}

/**
 * The visible report a file continues (a later file of a multi-file report with the same MessageId and sender), or
 * undefined when the file starts a new report (a corrected resend of the same MessageId with `replaces` does).
 * Refuses a file whose number is already in, and stops at a file naming another NumberOfFiles than its report.
 */
export async function findContinuedReport(db: Kysely<ClefDatabase>, file: string, header: DsrHeaderRow, replaces: string | undefined) {
  const fileNumber = header.fileNumber ?? 1;
  const numberOfFiles = header.numberOfFiles ?? 1;
  const existing = (await findReportsByMessageId(db, header.messageId, header.senderPartyId)).find(isVisibleReport);
  if (!existing || (replaces === header.messageId && existing.replaces === null)) return undefined;
  if ((await reportFileNumbers(db, BigInt(existing.report_id))).includes(fileNumber)) {
    throw duplicateOfReport(file, header, fileNumber, `report ${existing.message_id} file ${fileNumber} of ${existing.number_of_files}`);
  }
  if (Number(existing.number_of_files) !== numberOfFiles) {
    throw new ClefError('CLEF_DSR_REPORT_INCONSISTENT', `${file}: HEAD says ${numberOfFiles} files but report ${header.messageId} was started with ${existing.number_of_files}`, { file });
  }
  return existing;
}

/** The visible report a corrected resend replaces, by MessageId. */
export async function findReplacedReport(db: Kysely<ClefDatabase>, replaces: string) {
  const earlier = (await findReportsByMessageId(db, replaces)).find(isVisibleReport);
  if (!earlier) throw new ClefError('CLEF_NOT_FOUND', `--replaces ${replaces}: no report with that MessageId is staged`, { field: '--replaces', value: replaces });
  return earlier;
}
