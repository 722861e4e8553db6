import { parseDsrFile, type DsrFileResult, type DsrHeaderRow, type DsrSource } from '../../formats/dsr/index.js';
import { findReportFileByDigest, insertReport } from '../../store/usage/report-queries.js';
import { createUsageStager, type UsageStager } from '../usage-stager.js';
import { findContinuedReport, findReplacedReport } from './continued-report.js';
import { outcomeOf, Refusal } from './ingest-outcome.js';
import { createStagingBuffer } from './staging-buffer.js';
import type { UsageContext } from './usage-context.js';

/** How a file is staged. */
export interface StageOptions {
  readonly replaces?: string;
  readonly findingCap?: number;
  /** Called now and then with the file and the lines read so far. */
  readonly onProgress?: (file: string, lines: number) => void;
  /** Called each time a chunk of the file is committed, with the lines read by then. */
  readonly onStaged?: (file: string, lines: number) => void | Promise<void>;
}

/** A file read whole without error, its rows committed under a `staging` report. */
export interface StagedFile {
  readonly file: string;
  readonly stagingId: bigint;
  readonly header: DsrHeaderRow;
  readonly result: DsrFileResult;
  /** The first summary record's territory and currency, for the report when the file name names none. */
  readonly territory: string | null;
  readonly currency: string | null;
}

/** The staging report a file is staged under. */
export interface StagingTarget {
  readonly reportId: bigint;
  /** The size and modification time (ns) of the file on disk, recorded so that a resume can tell it unchanged. */
  readonly onDisk?: { readonly bytes: bigint; readonly mtime: bigint };
  /** Set when resuming a staging report that exists: its rows of lines before this one are committed. */
  readonly resumeFrom?: number;
}

// A file already in (same MessageId and file number) or a resend of an unknown report is stopped at HEAD, before
// the rest of the file is read; the final check is made again when the file is accepted. A resumed report exists.
export async function openStagingReport(context: UsageContext, file: string, header: DsrHeaderRow, target: StagingTarget, replaces: string | undefined): Promise<void> {
  const { db } = context.store;
  const continued = await findContinuedReport(db, file, header, replaces);
  if (!continued && replaces) await findReplacedReport(db, replaces);
  if (target.resumeFrom !== undefined) return;
  await insertReport(db, {
    report_id: target.reportId,
    message_id: header.messageId,
    sender_dpid: header.senderPartyId,
    recipient_dpid: header.recipientPartyId,
    recipient_name: header.recipientName,
    service_description: header.serviceDescription,
    period_start: header.usageStartDate,
    period_end: header.usageEndDate,
    territory: null,
    currency: null,
    profile: header.profile,
    profile_version: header.profileVersion,
    message_version: header.messageVersion,
    message_created: header.messageCreatedDateTime,
    number_of_files: header.numberOfFiles ?? 1,
    files_received: 0,
    status: 'staging',
    replaces: null,
    replaced_by: null,
    distributed: false,
    needs_adjustment: false,
    lines: 0n,
    warnings: 0n,
    ingested_at: context.clock(),
    staged_lines: 0n,
    staged_file: target.onDisk ? file : null,
    staged_file_bytes: target.onDisk?.bytes ?? null,
    staged_file_mtime: target.onDisk?.mtime ?? null,
    staged_replaces: replaces ?? null,
    resume_line: 1n,
  });
}

/**
 * Reads, validates and stages one DSR file under the report `target` with the status `staging`, committing a
 * chunk at a time so memory stays flat whatever the file's size. Throws a Refusal for a file with errors or one
 * already in; the caller removes what was committed then. Nothing of it is visible until the file is accepted.
 * Resuming, it reads the whole file again (validation and the digest need every line) but writes only the rows of
 * lines from `target.resumeFrom` on: the stager folds each block as a first reading does, so they are the same.
 */
export async function stageReportFile(context: UsageContext, source: DsrSource, target: StagingTarget, options: StageOptions): Promise<StagedFile> {
  const { db, engine } = context.store;
  const { reportId } = target;
  const file = source.name;
  const parse = parseDsrFile(source, { findingCap: options.findingCap });
  const buffer = createStagingBuffer(db, engine, reportId, { onCommit: (lines) => options.onStaged?.(file, lines), fromLine: target.resumeFrom });
  let stager: UsageStager | undefined;
  let header: DsrHeaderRow | undefined;
  let territory: string | null = null;
  let currency: string | null = null;
  let next = await parse.next();
  try {
    while (!next.done) {
      const rows = next.value;
      if (!header) {
        header = rows.find((row) => row.kind === 'header');
        if (header) {
          await openStagingReport(context, file, header, target, options.replaces);
          stager = createUsageStager(reportId, header.fileNumber ?? 1);
        }
      }
      for (const row of rows) {
        if (row.kind !== 'summary') continue;
        territory ??= row.territory;
        currency ??= row.currency;
      }
      const read = rows[rows.length - 1].line;
      // Every row of a line before the first resource held back (or all read, when none is) is in the buffer.
      if (stager) await buffer.add(stager.add(rows), read, stager.heldFrom() ?? read + 1);
      options.onProgress?.(file, read);
      next = await parse.next();
    }
  } catch (error) {
    await parse.return(undefined as never);
    (source.chunks as AsyncIterable<Uint8Array> & { destroy?: () => void }).destroy?.();
    throw error;
  }
  const result = next.value;
  if (!result.accepted || !stager || !header) throw new Refusal(outcomeOf(file, result, 'refused'));
  const twin = await findReportFileByDigest(db, result.digest);
  if (twin) throw new Refusal(outcomeOf(file, result, 'duplicate', { duplicateOf: `${twin.file_name} (report ${twin.message_id}), same content digest` }));
  await buffer.add(stager.finish(), result.lines, result.lines + 1);
  await buffer.flush(result.lines, result.lines + 1);
  return { file, stagingId: reportId, header, result, territory, currency };
}
