import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Engine } from '../engine.js';
import type { ClefDatabase } from '../schema.js';

/** Which of a summary record's usage lines to divide: a report's summary, less the resources that carry no money. */
export interface SummaryLines {
  readonly reportId: bigint;
  readonly summaryRecordId: string;
  /** DspResourceIds whose lines take no part in the division (all their works fully AI-generated, redistributed). */
  readonly silencedResources: readonly string[];
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

/** One resource's lines in a summary (null resource: lines naming none; `unreported`: the unreported-usage row). */
export interface ResourceValue {
  readonly dspResourceId: string | null;
  readonly unreported: boolean;
  readonly lines: number;
  readonly usages: bigint;
  readonly value: bigint;
}

function carries(lines: SummaryLines): RawBuilder<boolean> {
  if (lines.silencedResources.length === 0) return sql<boolean>`(is_royalty_bearing IS NOT FALSE)`;
  const silenced = sql.join(lines.silencedResources.map((id) => sql`${id}`));
  return sql<boolean>`(is_royalty_bearing IS NOT FALSE AND (dsp_resource_id IS NULL OR dsp_resource_id NOT IN (${silenced})))`;
}

function text(value: unknown): bigint {
  return BigInt(String(value));
}

/** Sums what a summary record's usage lines weigh, in one pass. */
export async function readSummaryWeights(db: Kysely<ClefDatabase>, lines: SummaryLines): Promise<SummaryWeights> {
  const carrying = carries(lines);
  const { rows } = await sql<Record<string, unknown>>`
    SELECT count(*) AS lines,
      CAST(coalesce(sum(usages - returns), 0) AS VARCHAR) AS listed,
      CAST(coalesce(sum(CASE WHEN ${carrying} AND usages > returns THEN usages - returns END), 0) AS VARCHAR) AS positive,
      CAST(coalesce(sum(CASE WHEN ${carrying} AND usages < returns THEN returns - usages END), 0) AS VARCHAR) AS negative,
      CAST(coalesce(max(CASE WHEN ${carrying} THEN abs(usages - returns) END), 0) AS VARCHAR) AS largest,
      count(CASE WHEN usages < returns THEN 1 END) AS negatives
    FROM usage_lines WHERE report_id = ${lines.reportId} AND summary_record_id = ${lines.summaryRecordId}`.execute(db);
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
 * Divides a summary's groups over its lines by largest remainder and sums the parts per resource, so one row per
 * resource (not per line) leaves the engine. A line's part of its group is floor(amount × |weight| ÷ weight sum);
 * the units left over go one each to the largest remainders, ties to the line key (SalesTransactionId/resource,
 * `#n` for the n-th repeat in content order, compared by code point), and the unreported-usage claimant after
 * every line — what `allocateLargestRemainder` does over `line:KEY` and `unreported` keys. Products are wide
 * integers (rest × weight overflows BIGINT); the caller keeps them within the engine's range.
 */
export async function divideSummaryLines(db: Kysely<ClefDatabase>, engine: Engine, lines: SummaryLines, division: SummaryDivision): Promise<ResourceValue[]> {
  const wide = engine.wideInteger;
  const { up, down, unreportedWeight } = division;
  const contentKey = sql`sales_transaction_id || '/' || coalesce(dsp_resource_id, '')`;
  const unreportedRow =
    unreportedWeight === null
      ? sql``
      : sql`UNION ALL SELECT NULL, ${wide.cast(sql`${String(unreportedWeight)}`)}, ${sql.lit(unreportedWeight > 0n ? 1 : 0)}, 1, 'unreported'`;
  const { rows } = await sql<Record<string, unknown>>`
    WITH numbered AS (
      SELECT dsp_resource_id, ${wide.cast(sql`usages - returns`)} AS w,
        CASE WHEN NOT ${carries(lines)} THEN 0 WHEN usages > returns THEN 1 WHEN usages < returns THEN -1 ELSE 0 END AS grp,
        ${contentKey} AS content_key,
        row_number() OVER (PARTITION BY ${contentKey} ORDER BY sales_transaction_id, dsp_resource_id, usages, returns) - 1 AS seen
      FROM usage_lines WHERE report_id = ${lines.reportId} AND summary_record_id = ${lines.summaryRecordId}
    ),
    weighed AS (
      SELECT dsp_resource_id, w, grp, 0 AS unreported,
        CASE WHEN seen = 0 THEN content_key ELSE content_key || '#' || CAST(seen AS VARCHAR) END AS line_key
      FROM numbered
      ${unreportedRow}
    ),
    groups AS (
      SELECT 1 AS grp, ${wide.cast(sql`${String(up.amount)}`)} AS amount, ${wide.cast(sql`${String(up.weightSum > 0n ? up.weightSum : 1n)}`)} AS weight_sum, ${sql.lit(Number(up.sign))} AS booked_sign
      UNION ALL
      SELECT -1, ${wide.cast(sql`${String(down.amount)}`)}, ${wide.cast(sql`${String(down.weightSum > 0n ? down.weightSum : 1n)}`)}, ${sql.lit(Number(down.sign))}
    ),
    exact AS (
      SELECT l.dsp_resource_id, l.w, l.grp, l.unreported, l.line_key, g.amount, g.weight_sum, g.booked_sign,
        g.amount * abs(l.w) AS product
      FROM weighed l LEFT JOIN groups g ON g.grp = l.grp
    ),
    floored AS (
      SELECT dsp_resource_id, w, grp, unreported, line_key, amount, booked_sign,
        ${wide.quotient(sql`product`, sql`weight_sum`)} AS floor_part, product % weight_sum AS remainder
      FROM exact
    ),
    ranked AS (
      SELECT dsp_resource_id, w, unreported, booked_sign, floor_part,
        CASE WHEN grp <> 0 AND row_number() OVER (PARTITION BY grp ORDER BY remainder DESC, unreported, line_key COLLATE "C")
          <= amount - sum(floor_part) OVER (PARTITION BY grp) THEN 1 ELSE 0 END AS bonus
      FROM floored
    )
    SELECT dsp_resource_id, unreported, count(*) AS lines, CAST(sum(w) AS VARCHAR) AS usages,
      CAST(coalesce(sum(booked_sign * (floor_part + bonus)), 0) AS VARCHAR) AS value
    FROM ranked GROUP BY dsp_resource_id, unreported`.execute(db);
  return rows.map((row) => ({
    dspResourceId: row.dsp_resource_id === null ? null : String(row.dsp_resource_id),
    unreported: Number(row.unreported) === 1,
    lines: Number(row.lines),
    usages: text(row.usages),
    value: text(row.value),
  }));
}
