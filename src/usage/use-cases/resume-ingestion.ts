import { stat } from 'node:fs/promises';
import { ClefError } from '../../errors/index.js';
import { openDsrFile } from '../../formats/dsr/index.js';
import { inTransaction } from '../../store/index.js';
import { findStagingReportsOfFile } from '../../store/usage/staging-queries.js';
import { stagingLockName } from './discard-staging.js';
import { ingestFile, type IngestOptions, type ResumableStaging } from './ingest-report.js';
import type { IngestOutcome } from './ingest-outcome.js';
import type { UsageContext } from './usage-context.js';

const when = (mtime: bigint): string => new Date(Number(mtime / 1_000_000n)).toISOString();

/**
 * The staging report a stopped ingestion left of the file at `path`: one of its name whose process is gone (its
 * lock free) and whose recorded size and modification time are the file's. Refuses with CLEF_USAGE_RESUME_MISMATCH
 * when there is none, or when the file changed since (its committed rows were read from other bytes).
 */
export async function findResumableStaging(context: UsageContext, path: string): Promise<ResumableStaging> {
  const { db, engine } = context.store;
  const file = openDsrFile(path).name;
  const { size, mtimeNs } = await stat(path, { bigint: true });
  const reports = await findStagingReportsOfFile(db, file);
  const stopped: typeof reports = [];
  for (const report of reports) {
    if (await inTransaction(db, (tx) => engine.tryTransactionLock(tx, stagingLockName(BigInt(report.report_id))))) stopped.push(report);
  }
  if (stopped.length === 0) {
    const live = reports.length > 0 ? ` (report ${reports[0].report_id} of it is being staged by a live process, left alone)` : '';
    throw new ClefError('CLEF_USAGE_RESUME_MISMATCH', `no staging report left by a stopped ingestion is of ${file}${live}; ingest it without --resume (which, as --discard does, first removes what stopped ingestions left)`, { file: path });
  }
  const same = stopped.find((report) => BigInt(report.staged_file_bytes ?? -1) === size && BigInt(report.staged_file_mtime ?? -1) === mtimeNs);
  if (!same) {
    const [report] = stopped;
    const then = `${report.staged_file_bytes} bytes modified ${report.staged_file_mtime === null ? 'at an unknown time' : when(BigInt(report.staged_file_mtime))}`;
    throw new ClefError(
      'CLEF_USAGE_RESUME_MISMATCH',
      `changed since report ${report.report_id} (${report.message_id}) staged it (then ${then}, now ${size} bytes modified ${when(mtimeNs)}): its staged lines cannot be kept; remove them with \`clef usage ingest --discard\`, then ingest the file`,
      { file: path },
    );
  }
  return { reportId: BigInt(same.report_id), replaces: same.staged_replaces ?? undefined };
}

/**
 * Continues the staging reports that stopped ingestions (killed, out of memory, the machine stopped) left of
 * `paths`, instead of starting over: each file is read again whole (validation and the content digest need every
 * line) but only the rows after what was committed are written, then the file is accepted or refused whole as a
 * first ingestion would. Every file is found and checked before any is resumed; other staging reports are left.
 */
export async function resumeIngestion(context: UsageContext, paths: readonly string[], options: IngestOptions = {}): Promise<IngestOutcome[]> {
  const found: ResumableStaging[] = [];
  for (const path of paths) {
    const staging = await findResumableStaging(context, path);
    if (found.some((other) => other.reportId === staging.reportId)) {
      throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `named twice: report ${staging.reportId} is resumed once`, { file: path });
    }
    found.push(staging);
  }
  const outcomes: IngestOutcome[] = [];
  for (const [i, path] of paths.entries()) outcomes.push(await ingestFile(context, { path }, options, found[i]));
  return outcomes;
}
