import { sql, type Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** One report with its resource and usage totals, matched and all. */
export interface ReportRateRow {
  readonly report_id: bigint;
  readonly message_id: string;
  readonly sender_dpid: string;
  readonly dsp_name: string | null;
  readonly period_start: string;
  readonly period_end: string;
  readonly status: string;
  readonly lines: bigint;
  readonly resources: bigint;
  readonly matched_resources: bigint;
  readonly usages: bigint;
  readonly matched_usages: bigint;
}

/** Every report (replaced ones too, flagged by status; not those still staging) with its match totals, oldest first. */
export async function listReportRates(db: Kysely<ClefDatabase>): Promise<ReportRateRow[]> {
  const matched = sql<boolean>`m.status in ('matched', 'recording', 'work')`;
  const rows = await db
    .selectFrom('usage_reports as r')
    .leftJoin('dsps as d', 'd.dpid', 'r.sender_dpid')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('usage_matches as m')
          .select((e) => [
            'm.report_id',
            e.fn.countAll<bigint>().as('resources'),
            sql<bigint>`sum(case when ${matched} then 1 else 0 end)`.as('matched_resources'),
            sql<bigint>`sum(m.usages)`.as('usages'),
            sql<bigint>`sum(case when ${matched} then m.usages else 0 end)`.as('matched_usages'),
          ])
          .groupBy('m.report_id')
          .as('t'),
      (join) => join.onRef('t.report_id', '=', 'r.report_id'),
    )
    .select(['r.report_id', 'r.message_id', 'r.sender_dpid', 'd.name as dsp_name', 'r.period_start', 'r.period_end', 'r.status', 'r.lines', 't.resources', 't.matched_resources', 't.usages', 't.matched_usages'])
    .where('r.status', '<>', 'staging')
    .orderBy('r.report_id')
    .execute();
  const big = (value: unknown): bigint => (value === null || value === undefined ? 0n : BigInt(value as string));
  return rows.map((row) => ({
    ...row,
    report_id: big(row.report_id),
    lines: big(row.lines),
    resources: big(row.resources),
    matched_resources: big(row.matched_resources),
    usages: big(row.usages),
    matched_usages: big(row.matched_usages),
  }));
}
