import { ClefError } from '../../errors/index.js';
import { inTransaction } from '../../store/index.js';
import { findReportIds } from '../../store/usage/report-queries.js';
import { forgetAutomaticMatches, reportsWithResource, saveManualMatch } from '../../store/usage/match-step-queries.js';
import { listUnmatchedRows } from '../../store/usage/unmatched-queries.js';
import type { TitleMatchThresholds } from '../score-title-match.js';
import { matchReports } from './match-reports.js';
import type { UsageContext } from './usage-context.js';

/** An unmatched (or ambiguous) DSP resource, named `DPID:DspResourceId`, with its usage. */
export interface UnmatchedResource {
  readonly resource: string;
  readonly title: string;
  readonly display_artist: string;
  readonly isrc: string | null;
  readonly status: string;
  /** Why an identifier's match was set aside (namespace or title/creator guard); null when nothing named a work. */
  readonly reason: string | null;
  readonly reports: number;
  readonly usages: bigint;
}

/** Which reports a worklist covers: a usage period prefix (`2025-01`) and a DSP party id. */
export interface ReportFilter {
  readonly period?: string;
  readonly dsp?: string;
}

/** Unmatched and ambiguous resources of the reports the filter selects (replaced ones left out), most used first. */
export async function listUnmatched(context: UsageContext, filter: ReportFilter = {}, limit = 100): Promise<UnmatchedResource[]> {
  const reportIds = await findReportIds(context.store.db, { period: filter.period, dpid: filter.dsp });
  const rows = await listUnmatchedRows(context.store.db, reportIds, limit);
  return rows.map((row) => ({
    resource: `${row.sender_dpid}:${row.dsp_resource_id}`,
    title: row.title,
    display_artist: row.display_artist,
    isrc: row.isrc,
    status: row.status,
    reason: row.note,
    reports: Number(row.reports),
    usages: row.usages,
  }));
}

/** Splits `DPID:DspResourceId` at its first colon. */
export function parseDspResource(text: string): { dpid: string; dspResourceId: string } {
  const at = text.indexOf(':');
  if (at < 1 || at === text.length - 1) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `${text} is not DPID:DspResourceId`, { value: text });
  return { dpid: text.slice(0, at), dspResourceId: text.slice(at + 1) };
}

/** What a person matched a DSP resource to. */
export interface ManualMatch {
  readonly workId: string | null;
  readonly recordingId: string | null;
}

/**
 * Records a person's match of a DSP resource (`DPID:DspResourceId`) to a work and/or recording (ids already
 * resolved by the caller), applies it to every report that used the resource, and keeps it for later reports.
 */
export async function matchManually(context: UsageContext, resource: string, match: ManualMatch): Promise<{ reports: number }> {
  const { dpid, dspResourceId } = parseDspResource(resource);
  if (!match.workId && !match.recordingId) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'a manual match names a work or a recording');
  const { db } = context.store;
  return inTransaction(db, async (tx) => {
    const now = context.clock();
    await saveManualMatch(tx, {
      sender_dpid: dpid, dsp_resource_id: dspResourceId, recording_id: match.recordingId, work_id: match.workId,
      method: 'manual', confidence: 10000, manual: true, matched_at: now, actor: context.actor,
    });
    const reportIds = await reportsWithResource(tx, dpid, dspResourceId);
    await matchReports(tx, reportIds, { now, actor: context.actor, engine: context.store.engine });
    return { reports: reportIds.length };
  });
}

/** Matches the filtered reports again from scratch (people's decisions kept), e.g. after the registry changed. */
export async function rematch(context: UsageContext, filter: ReportFilter, thresholds?: TitleMatchThresholds): Promise<{ reports: number }> {
  const { db } = context.store;
  return inTransaction(db, async (tx) => {
    const reportIds = await findReportIds(tx, { period: filter.period, dpid: filter.dsp });
    await forgetAutomaticMatches(tx, reportIds);
    await matchReports(tx, reportIds, { now: context.clock(), actor: context.actor, thresholds, engine: context.store.engine });
    return { reports: reportIds.length };
  });
}
