import type { Kysely } from 'kysely';
import { readLicensorLines, readMatchedLines } from '../../store/distribution/run-input-queries.js';
import { readRecordingWorksOfReport } from '../../store/distribution/registry-snapshot-queries.js';
import type { ClefDatabase } from '../../store/index.js';

/** A usage line with what matching found: its recording (if any) and the works a distribution pays for it. */
export type ReportLine = Awaited<ReturnType<typeof readMatchedLines>>[number] & {
  /** True when matching identified a recording or a work. */
  readonly matched: boolean;
  /** The recording's linked works, or the work matched directly when no recording was; sorted. */
  readonly workIds: readonly string[];
};

/** Recording id → its linked works (sorted), for the recordings a report's resources were matched to. */
export type RecordingWorks = ReadonlyMap<string, readonly string[]>;

/** The works linked to each recording a report's resources were matched to. */
export async function readRecordingWorkMap(db: Kysely<ClefDatabase>, reportId: bigint): Promise<RecordingWorks> {
  const recordingWorks = new Map<string, string[]>();
  for (const link of await readRecordingWorksOfReport(db, reportId)) {
    const works = recordingWorks.get(link.recording_id);
    if (works) works.push(link.work_id);
    else recordingWorks.set(link.recording_id, [link.work_id]);
  }
  return recordingWorks;
}

/**
 * Reads a report's usage lines (or one summary record's) with their matches and the works behind them, the way
 * runs and traces see them; pass the report's recording works when reading it summary by summary.
 */
export async function readReportLines(
  db: Kysely<ClefDatabase>,
  reportId: bigint,
  options: { readonly summaryRecordId?: string; readonly recordingWorks?: RecordingWorks } = {},
): Promise<ReportLine[]> {
  const recordingWorks = options.recordingWorks ?? (await readRecordingWorkMap(db, reportId));
  return withWorks(recordingWorks, await readMatchedLines(db, reportId, options.summaryRecordId));
}

/** A UGC report's LI01 lines with what matching found for the usage line each follows. */
export type LicensorLine = Awaited<ReturnType<typeof readLicensorLines>>[number] & { readonly matched: boolean; readonly workIds: readonly string[] };

/** Reads a UGC report's LI01 lines with the matches of the usage lines they follow and the works behind them. */
export async function readReportLicensorLines(db: Kysely<ClefDatabase>, reportId: bigint): Promise<LicensorLine[]> {
  return withWorks(await readRecordingWorkMap(db, reportId), await readLicensorLines(db, reportId));
}

function withWorks<T extends { recording_id: string | null; work_id: string | null }>(recordingWorks: RecordingWorks, rows: T[]): (T & { matched: boolean; workIds: readonly string[] })[] {
  return rows.map((row) => ({
    ...row,
    matched: row.recording_id !== null || row.work_id !== null,
    workIds: row.recording_id ? recordingWorks.get(row.recording_id) ?? [] : row.work_id ? [row.work_id] : [],
  }));
}
