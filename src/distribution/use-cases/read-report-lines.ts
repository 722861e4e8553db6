import type { Kysely } from 'kysely';
import { readLicensorLines, readReportMatches, readUsageLines } from '../../store/distribution/run-input-queries.js';
import { readRecordingWorksOfReport } from '../../store/distribution/registry-snapshot-queries.js';
import { readMedleyParts } from '../../store/usage/medley-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import type { LineMatch } from '../distribution-input.js';

/** A usage line with what matching found: its recording (if any) and the works a distribution pays for it. */
export type ReportLine = Awaited<ReturnType<typeof readUsageLines>>[number] & {
  readonly recording_id: string | null;
  readonly work_id: string | null;
  /** True when matching identified a recording or a work. */
  readonly matched: boolean;
  /** The recording's linked works, a medley's identified parts, or the work matched directly when no recording was; sorted. */
  readonly workIds: readonly string[];
  /** A medley's parts nobody identified: each keeps its equal share in the unidentified-work reserve. */
  readonly unidentifiedParts: number;
};

/** The works behind a report's matches: the matched recordings' linked works and the medleys' parts. */
export interface ReportWorkIndex {
  /** Recording id → its linked works, sorted. */
  readonly recordingWorks: ReadonlyMap<string, readonly string[]>;
  /** DspResourceId of a medley → its parts' works in part order (null where a part is unidentified). */
  readonly medleyParts: ReadonlyMap<string, readonly (string | null)[]>;
}

/** What a report's resources were matched to, and the works of the matched recordings: read once per report. */
export interface ReportMatchIndex extends ReportWorkIndex {
  /** DspResourceId → its recording and work. */
  readonly matches: ReadonlyMap<string, { readonly recording_id: string | null; readonly work_id: string | null }>;
}

/** Reads the works linked to the recordings a report's resources were matched to, and its medleys' parts. */
export async function readReportWorkIndex(db: Kysely<ClefDatabase>, reportId: bigint): Promise<ReportWorkIndex> {
  const recordingWorks = new Map<string, string[]>();
  for (const link of await readRecordingWorksOfReport(db, reportId)) {
    const works = recordingWorks.get(link.recording_id);
    if (works) works.push(link.work_id);
    else recordingWorks.set(link.recording_id, [link.work_id]);
  }
  const medleyParts = new Map<string, (string | null)[]>();
  for (const part of await readMedleyParts(db, reportId)) medleyParts.set(part.dsp_resource_id, [...(medleyParts.get(part.dsp_resource_id) ?? []), part.work_id]);
  return { recordingWorks, medleyParts };
}

/** Reads what a report's resources were matched to and the works linked to those recordings. */
export async function readReportMatchIndex(db: Kysely<ClefDatabase>, reportId: bigint): Promise<ReportMatchIndex> {
  const matches = new Map((await readReportMatches(db, reportId)).map((m) => [m.dsp_resource_id, { recording_id: m.recording_id, work_id: m.work_id }] as const));
  return { matches, ...(await readReportWorkIndex(db, reportId)) };
}

/**
 * Reads a report's usage lines (or one summary record's) with their matches and the works behind them, the way
 * runs and traces see them; pass the report's match index when reading it summary by summary.
 */
export async function readReportLines(
  db: Kysely<ClefDatabase>,
  reportId: bigint,
  options: { readonly summaryRecordId?: string; readonly index?: ReportMatchIndex } = {},
): Promise<ReportLine[]> {
  const index = options.index ?? (await readReportMatchIndex(db, reportId));
  return (await readUsageLines(db, reportId, options.summaryRecordId)).map((row) => {
    const match = row.dsp_resource_id === null ? undefined : index.matches.get(row.dsp_resource_id);
    return withWorks(index, { ...row, recording_id: match?.recording_id ?? null, work_id: match?.work_id ?? null });
  });
}

/** A pool line's match from the recording and work a line's resource was matched to (and the resource, for a medley's parts). */
export function storedMatch(index: ReportWorkIndex, row: { readonly dsp_resource_id: string | null; readonly recording_id: string | null; readonly work_id: string | null }): LineMatch {
  return lineMatch(withWorks(index, row));
}

/** A line's match as the distribution engine takes it. */
export function lineMatch(row: { readonly matched: boolean; readonly recording_id: string | null; readonly workIds: readonly string[]; readonly unidentifiedParts: number }): LineMatch {
  return row.matched ? { kind: 'recording', recordingId: row.recording_id, workIds: row.workIds, unidentifiedParts: row.unidentifiedParts } : { kind: 'unmatched' };
}

/** A UGC report's LI01 lines with what matching found for the usage line each follows. */
export type LicensorLine = Awaited<ReturnType<typeof readLicensorLines>>[number] & { readonly matched: boolean; readonly workIds: readonly string[]; readonly unidentifiedParts: number };

/** Reads a UGC report's LI01 lines with the matches of the usage lines they follow and the works behind them. */
export async function readReportLicensorLines(db: Kysely<ClefDatabase>, reportId: bigint): Promise<LicensorLine[]> {
  const index = await readReportMatchIndex(db, reportId);
  return (await readLicensorLines(db, reportId)).map((row) => withWorks(index, row));
}

/**
 * The works a line pays: the registry's works of its recording when it links any (they know the recording best),
 * else a medley's parts as the report names them, else the work matched directly when no recording was.
 */
function withWorks<T extends { dsp_resource_id: string | null; recording_id: string | null; work_id: string | null }>(
  index: ReportWorkIndex,
  row: T,
): T & { matched: boolean; workIds: readonly string[]; unidentifiedParts: number } {
  const matched = row.recording_id !== null || row.work_id !== null;
  const linked = row.recording_id ? index.recordingWorks.get(row.recording_id) ?? [] : [];
  const parts = row.dsp_resource_id === null ? undefined : index.medleyParts.get(row.dsp_resource_id);
  if (linked.length === 0 && parts && matched) {
    return { ...row, matched, workIds: parts.filter((p): p is string => p !== null), unidentifiedParts: parts.filter((p) => p === null).length };
  }
  return { ...row, matched, workIds: row.recording_id ? linked : row.work_id ? [row.work_id] : [], unidentifiedParts: 0 };
}
