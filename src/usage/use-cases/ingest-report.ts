import type { Kysely } from 'kysely';
import { ClefError, type Finding } from '../../errors/index.js';
import { openDsrFile, parseDsrFile, type DsrFileResult, type DsrHeaderRow, type DsrSource } from '../../formats/dsr/index.js';
import { appendHistory, inTransaction, nextSequence, type ClefDatabase } from '../../store/index.js';
import { findDsp, saveDsp } from '../../store/usage/dsp-queries.js';
import { findReport, findReportFileByDigest, findReportsByMessageId, insertReport, insertReportFile, reportFileNumbers, updateReport } from '../../store/usage/report-queries.js';
import type { TitleMatchThresholds } from '../score-title-match.js';
import { createUsageStager, type UsageStager } from '../usage-stager.js';
import { matchReports } from './match-reports.js';
import { createStagingBuffer } from './staging-buffer.js';
import type { UsageContext } from './usage-context.js';

/** How to ingest. */
export interface IngestOptions {
  /** The MessageId of an earlier report this corrected resend replaces. */
  readonly replaces?: string;
  /** How many errors and warnings are listed per file (all are counted); 100 by default. */
  readonly findingCap?: number;
  readonly thresholds?: TitleMatchThresholds;
  /** Called now and then with the file and the lines read so far. */
  readonly onProgress?: (file: string, lines: number) => void;
  /** Called with the milliseconds each phase of a staged file took (`parse+stage`, `match`, `commit`), for benchmarks. */
  readonly onPhase?: (phase: 'parse+stage' | 'match' | 'commit', milliseconds: number) => void;
}

/** What became of one file: staged (warnings allowed), refused (located errors) or a duplicate. */
export interface IngestOutcome {
  readonly file: string;
  readonly outcome: 'staged' | 'refused' | 'duplicate';
  readonly messageId: string | null;
  readonly reportId: bigint | null;
  readonly fileNumber: number | null;
  /** The report's status after this file: `complete` or `incomplete` (files still missing). */
  readonly reportStatus: string | null;
  readonly lines: number;
  readonly digest: string;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** For a duplicate: what it duplicates. */
  readonly duplicateOf?: string;
}

/** Thrown inside the transaction to roll a file back while keeping what to report. */
class Refusal extends Error {
  constructor(readonly outcome: IngestOutcome) {
    super(outcome.outcome);
  }
}

interface Target {
  readonly reportId: bigint;
  readonly fileNumber: number;
  readonly stager: UsageStager;
}

function outcomeOf(file: string, result: DsrFileResult | undefined, outcome: IngestOutcome['outcome'], extra: Partial<IngestOutcome> = {}): IngestOutcome {
  return {
    file,
    outcome,
    messageId: result?.header?.messageId ?? null,
    reportId: null,
    fileNumber: null,
    reportStatus: null,
    lines: result?.lines ?? 0,
    digest: result?.digest ?? '',
    errors: result?.errors ?? [],
    warnings: result?.warnings ?? [],
    errorCount: result?.errorCount ?? 0,
    warningCount: result?.warningCount ?? 0,
    ...extra,
  };
}

function duplicate(file: string, header: DsrHeaderRow, fileNumber: number, of: string): Refusal {
  return new Refusal({ ...outcomeOf(file, undefined, 'duplicate', { messageId: header.messageId, fileNumber }), duplicateOf: of });
}

/** Finds or creates the report a file belongs to; refuses a file already in. */
async function openTarget(db: Kysely<ClefDatabase>, context: UsageContext, file: string, header: DsrHeaderRow, options: IngestOptions): Promise<Target> {
  const fileNumber = header.fileNumber ?? 1;
  const numberOfFiles = header.numberOfFiles ?? 1;
  const sender = header.senderPartyId;
  const now = context.clock();
  const open = (await findReportsByMessageId(db, header.messageId, sender)).filter((report) => report.status !== 'replaced');
  let existing: (typeof open)[number] | undefined = open[0];
  if (existing && options.replaces === header.messageId && existing.replaces === null) existing = undefined;
  if (existing) {
    if ((await reportFileNumbers(db, BigInt(existing.report_id))).includes(fileNumber)) {
      throw duplicate(file, header, fileNumber, `report ${existing.message_id} file ${fileNumber} of ${existing.number_of_files}`);
    }
    if (Number(existing.number_of_files) !== numberOfFiles) {
      throw new ClefError('CLEF_DSR_REPORT_INCONSISTENT', `${file}: HEAD says ${numberOfFiles} files but report ${header.messageId} was started with ${existing.number_of_files}`, { file });
    }
    return { reportId: BigInt(existing.report_id), fileNumber, stager: createUsageStager(BigInt(existing.report_id), fileNumber) };
  }
  if (!(await findDsp(db, sender))) await saveDsp(db, { dpid: sender, name: header.senderName || sender, aliases: '', created_at: now });
  const reportId = await nextSequence(db, 'usage_report', 1);
  let replaces: bigint | null = null;
  if (options.replaces) {
    const earlier = (await findReportsByMessageId(db, options.replaces)).find((report) => report.status !== 'replaced');
    if (!earlier) throw new ClefError('CLEF_NOT_FOUND', `--replaces ${options.replaces}: no report with that MessageId is staged`, { field: '--replaces', value: options.replaces });
    replaces = BigInt(earlier.report_id);
    await updateReport(db, replaces, { status: 'replaced', replaced_by: reportId, needs_adjustment: Boolean(earlier.distributed) });
  }
  await insertReport(db, {
    report_id: reportId,
    message_id: header.messageId,
    sender_dpid: sender,
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
    number_of_files: numberOfFiles,
    files_received: 0,
    status: 'incomplete',
    replaces,
    replaced_by: null,
    distributed: false,
    needs_adjustment: false,
    lines: 0n,
    warnings: 0n,
    ingested_at: now,
  });
  return { reportId, fileNumber, stager: createUsageStager(reportId, fileNumber) };
}

async function ingestFile(context: UsageContext, source: DsrSource, options: IngestOptions): Promise<IngestOutcome> {
  const { db, engine } = context.store;
  const file = source.name;
  let since = performance.now();
  const lap = (phase: 'parse+stage' | 'match' | 'commit'): void => {
    const now = performance.now();
    options.onPhase?.(phase, now - since);
    since = now;
  };
  try {
    const staged = await inTransaction(db, async (tx) => {
      const parse = parseDsrFile(source, { findingCap: options.findingCap });
      const staging = createStagingBuffer(tx, engine);
      let target: Target | undefined;
      let territory: string | null = null;
      let currency: string | null = null;
      let next = await parse.next();
      try {
        while (!next.done) {
          const rows = next.value;
          if (!target) {
            const header = rows.find((row) => row.kind === 'header');
            if (header) target = await openTarget(tx, context, file, header, options);
          }
          for (const row of rows) {
            if (row.kind !== 'summary') continue;
            territory ??= row.territory;
            currency ??= row.currency;
          }
          if (target) await staging.add(target.stager.add(rows));
          options.onProgress?.(file, rows[rows.length - 1].line);
          next = await parse.next();
        }
      } catch (error) {
        await parse.return(undefined as never);
        (source.chunks as AsyncIterable<Uint8Array> & { destroy?: () => void }).destroy?.();
        throw error;
      }
      const result = next.value;
      if (!result.accepted || !target) throw new Refusal(outcomeOf(file, result, 'refused'));
      const twin = await findReportFileByDigest(tx, result.digest);
      if (twin) throw new Refusal(outcomeOf(file, result, 'duplicate', { duplicateOf: `${twin.file_name} (report ${twin.message_id}), same content digest` }));
      await staging.add(target.stager.finish());
      await staging.flush();
      lap('parse+stage');
      const now = context.clock();
      await insertReportFile(tx, {
        report_id: target.reportId,
        file_number: target.fileNumber,
        file_name: file,
        digest: result.digest,
        bytes: BigInt(result.bytes),
        lines: BigInt(result.lines),
        warning_count: BigInt(result.warningCount),
        warnings: JSON.stringify(result.warnings),
        ingested_at: now,
      });
      const report = (await findReport(tx, target.reportId))!;
      const filesReceived = Number(report.files_received) + 1;
      const status = filesReceived >= Number(report.number_of_files) ? 'complete' : 'incomplete';
      await updateReport(tx, target.reportId, {
        files_received: filesReceived,
        status,
        territory: report.territory ?? (result.fileName?.territory && result.fileName.territory !== 'multi' ? result.fileName.territory : territory),
        currency: report.currency ?? currency,
        lines: BigInt(report.lines) + BigInt(result.lines),
        warnings: BigInt(report.warnings) + BigInt(result.warningCount),
      });
      await matchReports(tx, [target.reportId], { now, actor: context.actor, thresholds: options.thresholds });
      lap('match');
      await appendHistory(tx, [{ actor: context.actor, at: now, entityKind: 'usage_report', entityId: String(target.reportId), action: 'ingest', detail: { file, messageId: report.message_id, fileNumber: target.fileNumber, replaces: options.replaces ?? null } }]);
      return outcomeOf(file, result, 'staged', { reportId: target.reportId, fileNumber: target.fileNumber, reportStatus: status, messageId: report.message_id });
    });
    lap('commit');
    return staged;
  } catch (error) {
    if (error instanceof Refusal) return error.outcome;
    throw error;
  }
}

/**
 * Ingests DSR files (`.tsv`, `.tsv.gz`) one transaction each: validates while staging the rows, rolls a file back
 * whole when it has errors (listing them, located) or repeats one already in (same content digest, or same
 * MessageId and file number), assembles multi-file reports by MessageId, and matches what it staged before it
 * commits. With `replaces`, the new report supersedes an earlier one (flagged for adjustment if already distributed).
 */
export async function ingestReport(context: UsageContext, paths: readonly string[], options: IngestOptions = {}): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  for (const path of paths) outcomes.push(await ingestFile(context, openDsrFile(path), options));
  return outcomes;
}

/** Ingests one DSR source that is not a file on disk (generated or received), the same way as `ingestReport`. */
export function ingestReportSource(context: UsageContext, source: DsrSource, options: IngestOptions = {}): Promise<IngestOutcome> {
  return ingestFile(context, source, options);
}
