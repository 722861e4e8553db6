import type { ReadableStatement, StatementGroupTotal } from './readable-statement.js';
import { neutralizeCell } from './statement-cell.js';

const byteOrderMark = '\uFEFF';

function quoted(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function row(cells: readonly (string | null)[], textColumns: ReadonlySet<number> = new Set()): string {
  return cells.map((cell, i) => quoted(textColumns.has(i) ? neutralizeCell(cell ?? '') : (cell ?? ''))).join(',');
}

const lineHeader = ['line_id', 'work_id', 'iswc', 'title', 'right', 'share_percent', 'dsp', 'dsp_name', 'message_id', 'summary_record_id', 'commercial_model', 'use_type', 'territory', 'period', 'usages', 'amount', 'currency', 'amount_micros'];
// Columns whose text comes from DSPs or submitters: title, DSP name, commercial model, use type.
const lineTextColumns = new Set([3, 7, 10, 11]);

function totalRows(section: string, groups: readonly StatementGroupTotal[]): string[] {
  return groups.map((g) => row([section, g.key, g.label, g.usages, g.amount, g.currency, g.amount_micros], new Set([1, 2])));
}

/**
 * A statement as a spreadsheet reads it: UTF-8 with a byte order mark (so Excel shows Chinese titles), a header,
 * one row per line, then after an empty row a separate totals section (overall, by source, territory, DSP and
 * month) with its own header, so summing the line rows never counts a total.
 */
export function statementCsvFile(statement: ReadableStatement): string {
  const rows = [row(lineHeader)];
  for (const l of statement.lines) {
    rows.push(row([
      l.line_id, l.work_id, l.iswc, l.title, l.right, l.share_percent, l.source.dsp, l.source.dsp_name, l.source.message_id, l.source.summary_record_id,
      l.source.commercial_model, l.source.use_type, l.source.territory, l.source.period, l.usages, l.amount, l.currency, l.amount_micros,
    ], lineTextColumns));
  }
  rows.push('');
  rows.push(row(['totals', 'key', 'label', 'usages', 'amount', 'currency', 'amount_micros']));
  const t = statement.totals;
  rows.push(row(['statement', `${statement.run.run_id} ${statement.run.period}`, `${statement.payee.id} ${statement.payee.name}`, t.usages, t.amount, t.currency, t.amount_micros], new Set([2])));
  rows.push(...totalRows('source', statement.by_source), ...totalRows('territory', statement.by_territory), ...totalRows('dsp', statement.by_dsp), ...totalRows('month', statement.by_month));
  return byteOrderMark + rows.join('\r\n') + '\r\n';
}
