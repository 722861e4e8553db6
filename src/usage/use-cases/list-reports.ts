import { listReportRates } from '../../store/usage/report-rate-queries.js';
import { matchRate } from '../match-rate.js';
import type { UsageContext } from './usage-context.js';

/** A report's match rates, as `clef usage reports --json` prints it (rates from 0 to 1). */
export interface ReportMatchRates {
  readonly message_id: string;
  readonly dsp: string;
  readonly period: string;
  /** Lines of the report's files, as FOOT counts them. */
  readonly lines: number;
  readonly resources: number;
  readonly matched_resources: number;
  readonly match_rate_resources: number;
  readonly match_rate_usages: number;
  /** `complete`, `incomplete` (files missing) or `replaced`. */
  readonly status: string;
}

/** Every report with its resources matched and its rates by resources and by usage, oldest first. */
export async function listReports(context: UsageContext): Promise<ReportMatchRates[]> {
  return (await listReportsWithSender(context)).map(({ dpid: _dpid, ...report }) => report);
}

/** The reports as `listReports` gives them, each with its sender's DDEX party id (so a DSP sees its own). */
export async function listReportsWithSender(context: UsageContext): Promise<(ReportMatchRates & { readonly dpid: string })[]> {
  const rows = await listReportRates(context.store.db);
  return rows.map((row) => ({
    message_id: row.message_id,
    dsp: row.dsp_name ?? row.sender_dpid,
    dpid: row.sender_dpid,
    period: row.period_start === row.period_end ? row.period_start : `${row.period_start}--${row.period_end}`,
    lines: Number(row.lines),
    resources: Number(row.resources),
    matched_resources: Number(row.matched_resources),
    match_rate_resources: matchRate(row.matched_resources, row.resources),
    match_rate_usages: matchRate(row.matched_usages, row.usages),
    status: row.status,
  }));
}
