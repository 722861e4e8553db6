import { formatMicros } from '../money/index.js';
import { statementLineId } from './statement-line-id.js';

/** One booking to a payee as the store gives it, with its source and what its work and right got in that pool in all. */
export interface PayeeEntry {
  readonly work_id: string | null;
  readonly iswc: string | null;
  readonly title: string | null;
  readonly right_code: string | null;
  readonly pool_id: string;
  readonly dsp: string;
  readonly summary_record_id: string;
  readonly commercial_model: string | null;
  readonly use_type: string | null;
  readonly territory: string | null;
  readonly message_id: string;
  readonly period_start: string;
  readonly period_end: string;
  readonly usages: bigint;
  readonly amount_micros: bigint;
  readonly work_right_total_micros: bigint;
}

/** An amount three ways: exact micro-units, the exact decimal and its currency. */
export interface StatementAmount {
  readonly amount_micros: string;
  readonly amount: string;
  readonly currency: string;
}

/** One line: a work (with ISWC), a right, the payee's share of what the work got there, and its source. */
export interface ReadableStatementLine extends StatementAmount {
  readonly line_id: string;
  readonly work_id: string;
  readonly iswc: string | null;
  readonly title: string | null;
  readonly right: string;
  /** The payee's part of what the work earned for this right in this pool, percent to two decimals. */
  readonly share_percent: string;
  readonly source: {
    readonly dsp: string; readonly dsp_name: string; readonly message_id: string; readonly summary_record_id: string;
    readonly commercial_model: string | null; readonly use_type: string | null; readonly territory: string | null; readonly period: string;
  };
  readonly usages: string;
}

/** A total of lines grouped by one dimension (source, territory, DSP, month). */
export interface StatementGroupTotal extends StatementAmount {
  readonly key: string;
  readonly label: string;
  readonly usages: string;
}

/** A member's or sister society's statement of one run, readable by people: names beside ids, decimals beside micro-units, totals by source, territory, DSP and month. */
export interface ReadableStatement {
  readonly run: { readonly run_id: string; readonly kind: string; readonly period: string; readonly currency: string; readonly policy_version: string; readonly snapshot_digest: string; readonly created_at: string };
  readonly payee: { readonly kind: 'member' | 'society'; readonly id: string; readonly name: string; readonly ipi_name_numbers: readonly string[] };
  readonly lines: readonly ReadableStatementLine[];
  readonly totals: StatementAmount & { readonly usages: string };
  readonly by_source: readonly StatementGroupTotal[];
  readonly by_territory: readonly StatementGroupTotal[];
  readonly by_dsp: readonly StatementGroupTotal[];
  readonly by_month: readonly StatementGroupTotal[];
}

/** `part / whole` as a percentage with two decimals, on integers (half away from zero), `0.00` when whole is 0. */
export function percentOf(part: bigint, whole: bigint): string {
  if (whole === 0n) return '0.00';
  const hundredths = (part * 20_000n + whole) / (2n * whole);
  return formatMicros(hundredths * 10_000n, 2);
}

function amount(micros: bigint, currency: string): StatementAmount {
  return { amount_micros: String(micros), amount: formatMicros(micros), currency };
}

function groupTotals(lines: readonly ReadableStatementLine[], currency: string, keyOf: (line: ReadableStatementLine) => [key: string, label: string]): StatementGroupTotal[] {
  const groups = new Map<string, { label: string; usages: bigint; micros: bigint }>();
  for (const line of lines) {
    const [key, label] = keyOf(line);
    const group = groups.get(key) ?? { label, usages: 0n, micros: 0n };
    group.usages += BigInt(line.usages);
    group.micros += BigInt(line.amount_micros);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({ key, label: g.label, usages: String(g.usages), ...amount(g.micros, currency) }));
}

/**
 * Builds the readable statement from a payee's bookings. A society's line sums its affiliates' shares of the same
 * work, right and pool; usages are the work's in that pool, not summed again.
 */
export function readableStatement(
  run: ReadableStatement['run'],
  payee: ReadableStatement['payee'],
  entries: readonly PayeeEntry[],
  dspNames: ReadonlyMap<string, string>,
): ReadableStatement {
  const currency = run.currency;
  const lines = new Map<string, { entry: PayeeEntry; usages: bigint; micros: bigint }>();
  for (const e of entries) {
    const lineId = statementLineId({ runId: run.run_id, accountId: payee.id, poolId: e.pool_id, workId: e.work_id ?? '', right: e.right_code ?? '' });
    const line = lines.get(lineId);
    if (line) {
      line.usages = line.usages > e.usages ? line.usages : e.usages;
      line.micros += e.amount_micros;
    } else lines.set(lineId, { entry: e, usages: e.usages, micros: e.amount_micros });
  }
  const readable: ReadableStatementLine[] = [...lines.entries()].map(([lineId, { entry: e, usages, micros }]) => ({
    line_id: lineId, work_id: e.work_id ?? '', iswc: e.iswc, title: e.title, right: e.right_code ?? '',
    share_percent: percentOf(micros, e.work_right_total_micros),
    source: {
      dsp: e.dsp, dsp_name: dspNames.get(e.dsp) ?? e.dsp, message_id: e.message_id, summary_record_id: e.summary_record_id,
      commercial_model: e.commercial_model, use_type: e.use_type, territory: e.territory, period: `${e.period_start}/${e.period_end}`,
    },
    usages: String(usages),
    ...amount(micros, currency),
  }));
  const totalMicros = readable.reduce((t, l) => t + BigInt(l.amount_micros), 0n);
  const totalUsages = readable.reduce((t, l) => t + BigInt(l.usages), 0n);
  return {
    run, payee, lines: readable,
    totals: { usages: String(totalUsages), ...amount(totalMicros, currency) },
    by_source: groupTotals(readable, currency, (l) => {
      const key = [l.source.commercial_model, l.source.use_type].filter(Boolean).join(' · ') || 'unspecified';
      return [key, key];
    }),
    by_territory: groupTotals(readable, currency, (l) => [l.source.territory ?? 'unspecified', l.source.territory ?? 'unspecified']),
    by_dsp: groupTotals(readable, currency, (l) => [l.source.dsp, l.source.dsp_name]),
    by_month: groupTotals(readable, currency, (l) => [l.source.period.slice(0, 7), l.source.period.slice(0, 7)]),
  };
}
