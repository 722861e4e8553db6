import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Engine } from '../engine.js';
import type { ClefDatabase } from '../schema.js';

/** Which of a summary record's usage lines to divide: a report's summary, less the resources that carry no money. */
export interface SummaryLines {
  readonly reportId: bigint;
  readonly summaryRecordId: string;
  /**
   * Whether lines whose works are all fully AI-generated take no part in the division (the policy redistributes
   * their value to the other lines).
   */
  readonly silenceAi: boolean;
}

/** What a summary's lines weigh, as exact integers (sums of BIGINT overflow BIGINT, so they come back as text). */
export interface SummaryWeights {
  readonly lines: number;
  /** Every line's usages net of returns, royalty-bearing or not. */
  readonly listed: bigint;
  /** The sums of the positive and (as a magnitude) negative weights of the lines that carry money. */
  readonly positive: bigint;
  readonly negative: bigint;
  /** The largest magnitude among the weights of the lines that carry money. */
  readonly largest: bigint;
  /** Whether any line weighs less than zero (more returns than usages). */
  readonly anyNegative: boolean;
}

/** One group of a signed division: its total's magnitude and sign and the sum of its weights' magnitudes. */
export interface DivisionGroup {
  readonly amount: bigint;
  readonly weightSum: bigint;
  /** The sign each of the group's parts is booked with: +1 or -1 (0 when the group is empty). */
  readonly sign: -1n | 0n | 1n;
}

/** A signed largest-remainder division of a summary's lines, and the unreported-usage weight that takes part in it. */
export interface SummaryDivision {
  readonly up: DivisionGroup;
  readonly down: DivisionGroup;
  /** The summary's Usages less the lines' (null when the summary gives none): a claimant of the positive group. */
  readonly unreportedWeight: bigint | null;
}

/**
 * The lines of a summary that go the same way: matched to the same recording and work (both null: unmatched), and
 * for a medley its resource (whose parts name the works); `unreported`: the unreported-usage claimant.
 */
export interface MatchedValue {
  readonly recordingId: string | null;
  readonly workId: string | null;
  readonly medleyResourceId: string | null;
  readonly unreported: boolean;
  readonly lines: number;
  readonly usages: bigint;
  readonly value: bigint;
}

/**
 * The report's resources whose works are all fully AI-generated, the works taken as runs take them
 * (`readReportLines`): the recording's linked works when it has any, else a medley's identified parts, else the
 * work matched directly.
 */
function silencedResources(reportId: bigint): RawBuilder<unknown> {
  return sql`
    SELECT a.dsp_resource_id FROM (
      SELECT m.dsp_resource_id, rw.work_id FROM usage_matches m JOIN recording_works rw ON rw.recording_id = m.recording_id
      WHERE m.report_id = ${reportId}
      UNION ALL
      SELECT p.dsp_resource_id, p.work_id FROM usage_medley_parts p
      JOIN usage_matches m ON m.report_id = p.report_id AND m.dsp_resource_id = p.dsp_resource_id
      WHERE p.report_id = ${reportId} AND p.work_id IS NOT NULL AND (m.recording_id IS NOT NULL OR m.work_id IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM recording_works rw WHERE rw.recording_id = m.recording_id)
      UNION ALL
      SELECT m.dsp_resource_id, m.work_id FROM usage_matches m
      WHERE m.report_id = ${reportId} AND m.recording_id IS NULL AND m.work_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM usage_medley_parts p WHERE p.report_id = m.report_id AND p.dsp_resource_id = m.dsp_resource_id)
    ) a JOIN works w ON w.work_id = a.work_id
    GROUP BY a.dsp_resource_id HAVING bool_and(w.fully_ai_generated)`;
}

function carries(lines: SummaryLines): RawBuilder<boolean> {
  if (!lines.silenceAi) return sql<boolean>`(l.is_royalty_bearing IS NOT FALSE)`;
  return sql<boolean>`(l.is_royalty_bearing IS NOT FALSE AND (l.dsp_resource_id IS NULL OR l.dsp_resource_id NOT IN (${silencedResources(lines.reportId)})))`;
}

function text(value: unknown): bigint {
  return BigInt(String(value));
}

/** Sums what a summary record's usage lines weigh, in one pass. */
export async function readSummaryWeights(db: Kysely<ClefDatabase>, lines: SummaryLines): Promise<SummaryWeights> {
  const carrying = carries(lines);
  const { rows } = await sql<Record<string, unknown>>`
    SELECT count(*) AS lines,
      CAST(coalesce(sum(l.usages - l.returns), 0) AS VARCHAR) AS listed,
      CAST(coalesce(sum(CASE WHEN ${carrying} AND l.usages > l.returns THEN l.usages - l.returns END), 0) AS VARCHAR) AS positive,
      CAST(coalesce(sum(CASE WHEN ${carrying} AND l.usages < l.returns THEN l.returns - l.usages END), 0) AS VARCHAR) AS negative,
      CAST(coalesce(max(CASE WHEN ${carrying} THEN abs(l.usages - l.returns) END), 0) AS VARCHAR) AS largest,
      count(CASE WHEN l.usages < l.returns THEN 1 END) AS negatives
    FROM usage_lines l WHERE l.report_id = ${lines.reportId} AND l.summary_record_id = ${lines.summaryRecordId}`.execute(db);
  const row = rows[0];
  return {
    lines: Number(row.lines),
    listed: text(row.listed),
    positive: text(row.positive),
    negative: text(row.negative),
    largest: text(row.largest),
    anyNegative: Number(row.negatives) > 0,
  };
}

/**
 * Divides a summary's groups over its lines by largest remainder and sums the parts per recording and work matched
 * (per resource for a medley), so one row per target, not per line, leaves the engine. A line's part of its group
 * is floor(amount × |weight| ÷ weight sum); the units left over go one each to the largest remainders, ties to the
 * line key (SalesTransactionId/resource, `#n` for the n-th repeat in content order, compared by code point), and
 * the unreported-usage claimant after every line — what `allocateLargestRemainder` does over `line:KEY` and
 * `unreported` keys. Products are wide integers (rest × weight overflows BIGINT); the caller keeps them within the
 * engine's range. The lines join the report's matches whole (hash joins), not line by line.
 */
export async function divideSummaryLines(db: Kysely<ClefDatabase>, engine: Engine, lines: SummaryLines, division: SummaryDivision): Promise<MatchedValue[]> {
  const wide = engine.wideInteger;
  const { up, down, unreportedWeight } = division;
  const contentKey = sql`l.sales_transaction_id || '/' || coalesce(l.dsp_resource_id, '')`;
  const unreportedRow =
    unreportedWeight === null
      ? sql``
      : sql`UNION ALL SELECT NULL, NULL, NULL, ${wide.cast(sql`${String(unreportedWeight)}`)}, ${sql.lit(unreportedWeight > 0n ? 1 : 0)}, 1, 'unreported'`;
  const { rows } = await engine.withWholeSetJoins(db, () => sql<Record<string, unknown>>`
    WITH matched AS (
      SELECT dsp_resource_id, recording_id, work_id FROM usage_matches
      WHERE report_id = ${lines.reportId} AND (recording_id IS NOT NULL OR work_id IS NOT NULL)
    ),
    medleys AS (SELECT DISTINCT dsp_resource_id FROM usage_medley_parts WHERE report_id = ${lines.reportId}),
    numbered AS (
      SELECT m.recording_id, m.work_id, p.dsp_resource_id AS medley_resource_id, ${wide.cast(sql`l.usages - l.returns`)} AS w,
        CASE WHEN NOT ${carries(lines)} THEN 0 WHEN l.usages > l.returns THEN 1 WHEN l.usages < l.returns THEN -1 ELSE 0 END AS grp,
        ${contentKey} AS content_key,
        row_number() OVER (PARTITION BY ${contentKey} ORDER BY l.sales_transaction_id, l.dsp_resource_id, l.usages, l.returns) - 1 AS seen
      FROM usage_lines l
      LEFT JOIN matched m ON m.dsp_resource_id = l.dsp_resource_id
      LEFT JOIN medleys p ON p.dsp_resource_id = l.dsp_resource_id
      WHERE l.report_id = ${lines.reportId} AND l.summary_record_id = ${lines.summaryRecordId}
    ),
    weighed AS (
      SELECT recording_id, work_id, medley_resource_id, w, grp, 0 AS unreported,
        CASE WHEN seen = 0 THEN content_key ELSE content_key || '#' || CAST(seen AS VARCHAR) END AS line_key
      FROM numbered
      ${unreportedRow}
    ),
    groups AS (
      SELECT 1 AS grp, ${wide.cast(sql`${String(up.amount)}`)} AS amount, ${wide.cast(sql`${String(up.weightSum > 0n ? up.weightSum : 1n)}`)} AS weight_sum, ${sql.lit(Number(up.sign))} AS booked_sign
      UNION ALL
      SELECT -1, ${wide.cast(sql`${String(down.amount)}`)}, ${wide.cast(sql`${String(down.weightSum > 0n ? down.weightSum : 1n)}`)}, ${sql.lit(Number(down.sign))}
    ),
    floored AS (
      SELECT l.recording_id, l.work_id, l.medley_resource_id, l.w, l.grp, l.unreported, l.line_key, g.amount, g.booked_sign,
        ${wide.quotient(sql`g.amount * abs(l.w)`, sql`g.weight_sum`)} AS floor_part, (g.amount * abs(l.w)) % g.weight_sum AS remainder
      FROM weighed l LEFT JOIN groups g ON g.grp = l.grp
    ),
    ranked AS (
      SELECT recording_id, work_id, medley_resource_id, w, unreported, booked_sign, floor_part,
        CASE WHEN grp <> 0 AND row_number() OVER (PARTITION BY grp ORDER BY remainder DESC, unreported, line_key COLLATE "C")
          <= amount - sum(floor_part) OVER (PARTITION BY grp) THEN 1 ELSE 0 END AS bonus
      FROM floored
    )
    SELECT recording_id, work_id, medley_resource_id, unreported, count(*) AS lines, CAST(sum(w) AS VARCHAR) AS usages,
      CAST(coalesce(sum(booked_sign * (floor_part + bonus)), 0) AS VARCHAR) AS value
    FROM ranked GROUP BY recording_id, work_id, medley_resource_id, unreported`.execute(db));
  const textOrNull = (value: unknown): string | null => (value === null ? null : String(value));
  return rows.map((row) => ({
    recordingId: textOrNull(row.recording_id),
    workId: textOrNull(row.work_id),
    medleyResourceId: textOrNull(row.medley_resource_id),
    unreported: Number(row.unreported) === 1,
    lines: Number(row.lines),
    usages: text(row.usages),
    value: text(row.value),
  }));
}
