import { stat } from 'node:fs/promises';
import { ClefError } from '../../errors/index.js';
import type { DsrSource } from '../../formats/dsr/index.js';
import { openDsrFile } from '../../formats/dsr/index.js';
import { inTransaction, nextSequence } from '../../store/index.js';
import { findStagingReport, removeStagedReport, truncateStagedReport } from '../../store/usage/staging-queries.js';
import type { TitleMatchThresholds } from '../score-title-match.js';
import { acceptStagedFile } from './accept-staged-file.js';
import { discardStaging, dropLoaderScratch, stagingLockName, type DiscardedStaging } from './discard-staging.js';
import { Refusal, type IngestOutcome } from './ingest-outcome.js';
import { stageLoadedFile } from './stage-loaded-file.js';
import { stageReportFile, type StagingTarget } from './stage-report-file.js';
import type { UsageContext } from './usage-context.js';

export type { IngestOutcome } from './ingest-outcome.js';

/** How to ingest. */
export interface IngestOptions {
  /** The MessageId of an earlier report this corrected resend replaces. */
  readonly replaces?: string;
  /** How many errors and warnings are listed per file (all are counted); 100 by default. */
  readonly findingCap?: number;
  readonly thresholds?: TitleMatchThresholds;
  /** Called now and then with the file and the lines read so far. */
  readonly onProgress?: (file: string, lines: number) => void;
  /** Called each time a chunk of a file is committed (still invisible), with the lines read by then. */
  readonly onStaged?: (file: string, lines: number) => void | Promise<void>;
  /** Called with the staging reports that processes which died had left, once removed at the start. */
  readonly onDiscarded?: (discarded: readonly DiscardedStaging[]) => void;
  /** Called with the milliseconds each phase of a staged file took (`parse+stage`, `match`, `commit`), for benchmarks. */
  readonly onPhase?: (phase: 'parse+stage' | 'match' | 'commit', milliseconds: number) => void;
  /**
   * Who reads a file on disk: `engine` (the default) has the database load it and check it as sets, and hands a
   * file it does not take (escapes, bytes it cannot read, any error) to `typescript`, the line-by-line reader.
   */
  readonly reader?: 'engine' | 'typescript';
  /** About how many lines the engine's loader checks and stages at a time (cut where a block ends); 250,000 by default. */
  readonly loaderChunkLines?: number;
  /** Called with the reader that staged or refused each file, and why the engine's loader did not take it. */
  readonly onReader?: (file: string, reader: 'engine' | 'typescript', why?: string) => void;
  /** Called when a staging report is resumed, with the line its rows are written again from (1: from the start). */
  readonly onResume?: (file: string, reportId: bigint, fromLine: number) => void;
}

/** A staging report that a stopped ingestion left of a file, found again to be resumed. */
export interface ResumableStaging {
  readonly reportId: bigint;
  /** The `--replaces` MessageId the stopped ingestion was given. */
  readonly replaces: string | undefined;
}

// Under the report's lock: the report is read again (another process may have resumed or removed it since it was
// found) and its rows from the resume line on, which the block still open at its last commit wrote, are removed.
async function startResuming(context: UsageContext, file: string, resumed: ResumableStaging, options: IngestOptions): Promise<StagingTarget> {
  const { db, engine } = context.store;
  const report = await findStagingReport(db, resumed.reportId);
  const fromLine = Number(report?.resume_line ?? 1);
  if (!report || !(await inTransaction(db, (tx) => truncateStagedReport(tx, resumed.reportId, fromLine)))) {
    throw new ClefError('CLEF_USAGE_RESUME_MISMATCH', `report ${resumed.reportId} was resumed or removed by another process meanwhile; nothing was done`, { file });
  }
  // Left only by a process killed while the loader worked (on PostgreSQL), but cheap to make sure of.
  await dropLoaderScratch(context, resumed.reportId);
  options.onResume?.(file, resumed.reportId, fromLine);
  return { reportId: resumed.reportId, resumeFrom: fromLine };
}

/**
 * Ingests one file or source under a new staging report, or, with `resumed`, continues a staging report a stopped
 * ingestion left of that file (the caller checked it is the same file).
 */
export async function ingestFile(context: UsageContext, input: { path: string } | { source: DsrSource }, given: IngestOptions, resumed?: ResumableStaging): Promise<IngestOutcome> {
  const { db, engine } = context.store;
  const options = resumed ? { ...given, replaces: resumed.replaces } : given;
  let since = performance.now();
  const lap = (phase: 'parse+stage' | 'match' | 'commit'): void => {
    const now = performance.now();
    options.onPhase?.(phase, now - since);
    since = now;
  };
  const reportId = resumed?.reportId ?? (await inTransaction(db, (tx) => nextSequence(tx, 'usage_report', 1)));
  // The lock is taken before the staging report exists, so a cleanup never sees it unowned while this process lives.
  return engine.holdLock(db, stagingLockName(reportId), async () => {
    const source = 'path' in input ? openDsrFile(input.path) : input.source;
    const resuming = resumed ? await startResuming(context, source.name, resumed, options) : undefined;
    try {
      const onDisk = !resuming && 'path' in input ? await stat(input.path, { bigint: true }) : undefined;
      const target: StagingTarget = resuming ?? { reportId, onDisk: onDisk && { bytes: onDisk.size, mtime: onDisk.mtimeNs } };
      // A resumed report goes on through the loader too: it cuts a chunk at the resume line and stages from there (and
      // when that line is inside a block, as the TypeScript reader's may be, it finds the block split and leaves the file to it).
      const loaded = 'path' in input && options.reader !== 'typescript' ? await stageLoadedFile(context, input.path, target, options) : undefined;
      options.onReader?.(source.name, typeof loaded === 'object' ? 'engine' : 'typescript', typeof loaded === 'string' ? loaded : undefined);
      const staged = typeof loaded === 'object' ? loaded : await stageReportFile(context, source, target, options);
      // The planner must see the rows just committed: statistics of an earlier, small report made PostgreSQL plan
      // the matching of a large one as nested loops (30,000 lines: 1.8 s → 41.6 s).
      await engine.refreshStatistics(db, ['usage_resources', 'usage_lines', 'usage_matches', 'dsp_resource_matches']);
      lap('parse+stage');
      const outcome = await acceptStagedFile(context, staged, { replaces: options.replaces, thresholds: options.thresholds, onMatched: () => lap('match') });
      lap('commit');
      return outcome;
    } catch (error) {
      // Left behind if even this fails (the store went away): still `staging`, removed by the next start.
      await inTransaction(db, (tx) => removeStagedReport(tx, reportId)).catch(() => {});
      if (error instanceof Refusal) return error.outcome;
      throw error;
    }
  });
}

/**
 * Ingests DSR files (`.tsv`, `.tsv.gz`), each staged in committed chunks under a `staging` report that no reader
 * sees, then accepted in one transaction: a file with errors (listed, located) or one already in (same content
 * digest, or same MessageId and file number) is removed whole; multi-file reports are assembled by MessageId and
 * matched after each file. First removes what processes that died mid-file left. With `replaces`, the new report
 * supersedes an earlier one (flagged for adjustment if already distributed).
 */
export async function ingestReport(context: UsageContext, paths: readonly string[], options: IngestOptions = {}): Promise<IngestOutcome[]> {
  const discarded = await discardStaging(context);
  if (discarded.length > 0) options.onDiscarded?.(discarded);
  const outcomes: IngestOutcome[] = [];
  for (const path of paths) outcomes.push(await ingestFile(context, { path }, options));
  return outcomes;
}

/** Ingests one DSR source that is not a file on disk (generated or received), the same way as `ingestReport`. */
export function ingestReportSource(context: UsageContext, source: DsrSource, options: IngestOptions = {}): Promise<IngestOutcome> {
  return ingestFile(context, { source }, options);
}
