import { formatMicros } from '../money/index.js';

// East Asian wide and fullwidth characters take two terminal columns.
const wide = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/gu;

function width(text: string): number {
  return [...text].length + (text.match(wide)?.length ?? 0);
}

/**
 * A table for a person: a header row, a rule, and columns padded to their widest cell (numbers right-aligned,
 * the columns named in `numeric`). Machine output stays `--json`.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[], numeric: readonly string[] = []): string {
  const cells = rows.map((row) => headers.map((_, i) => String(row[i] ?? '')));
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((row) => width(row[i]))));
  const right = headers.map((h) => numeric.includes(h));
  const line = (row: readonly string[]) =>
    row.map((cell, i) => (right[i] ? ' '.repeat(widths[i] - width(cell)) + cell : cell + ' '.repeat(widths[i] - width(cell)))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** Micro-units as a decimal with two places (rounded half-even) for a person, e.g. `16.88`; the exact figure goes beside it. */
export function readableAmount(micros: string | bigint): string {
  return formatMicros(BigInt(micros), 2);
}
