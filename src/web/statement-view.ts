import type { ReadableStatement, StatementGroupTotal } from '../distribution/readable-statement.js';
import { barChartSvg } from './bar-chart-svg.js';
import { formatCount, formatDate, formatMoney, formatPercentText } from './locale-format.js';
import type { Locale, Translate } from './message-catalogue.js';

/** A statement laid out for its page: four charts with their totals, and the lines, formatted for the reader's locale. */
export function statementView(s: ReadableStatement, locale: Locale, t: Translate) {
  const money = (amount: string) => formatMoney(amount, s.totals.currency, locale);
  const group = (id: string, titleKey: string, columnKey: string, totals: readonly StatementGroupTotal[]) => ({
    id,
    title: t(titleKey),
    column: t(columnKey),
    svg: barChartSvg(t(titleKey), totals.map((g) => ({ label: g.label, value: BigInt(g.amount_micros), text: money(g.amount) }))),
    rows: totals.map((g) => ({ label: g.label === g.key ? g.label : `${g.label} (${g.key})`, usages: formatCount(g.usages, locale), amount: money(g.amount), micros: g.amount_micros })),
  });
  return {
    s,
    created: formatDate(s.run.created_at, locale),
    total: money(s.totals.amount),
    groups: [
      group('source', 'statement.bySource', 'col.source', s.by_source),
      group('territory', 'statement.byTerritory', 'col.territory', s.by_territory),
      group('dsp', 'statement.byDsp', 'col.dsp', s.by_dsp),
      group('month', 'statement.byMonth', 'col.month', s.by_month),
    ],
    lines: s.lines.map((l) => ({
      title: l.title ?? '', work_id: l.work_id, iswc: l.iswc ?? '', right: l.right, share: formatPercentText(l.share_percent, locale),
      dsp: l.source.dsp_name, source: [l.source.commercial_model, l.source.use_type].filter(Boolean).join(' · '), territory: l.source.territory ?? '',
      period: l.source.period, usages: formatCount(l.usages, locale), amount: money(l.amount), micros: l.amount_micros,
    })),
  };
}
