/** One bar: its label, its value (exact integer, e.g. micro-units or basis points) and the text shown at its end. */
export interface ChartBar {
  readonly label: string;
  readonly value: bigint;
  readonly text: string;
}

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const barHeight = 22;
const gap = 8;
const labelWidth = 170;
const barArea = 250;
const textWidth = 110;

/**
 * A horizontal bar chart as inline SVG, drawn on the server (no script, prints as it shows, needs no chart
 * library in the browser). Bar lengths are proportional on integers; negative values draw as empty bars.
 */
export function barChartSvg(title: string, bars: readonly ChartBar[]): string {
  const max = bars.reduce((m, b) => (b.value > m ? b.value : m), 0n);
  const height = bars.length * (barHeight + gap) + gap;
  const width = labelWidth + barArea + textWidth;
  const rows = bars.map((bar, i) => {
    const y = gap + i * (barHeight + gap);
    const length = max > 0n && bar.value > 0n ? Math.max(1, Number((bar.value * BigInt(barArea)) / max)) : 0;
    const label = bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label;
    return [
      `<text x="${labelWidth - 6}" y="${y + barHeight / 2 + 4}" text-anchor="end">${escapeMarkup(label)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${length}" height="${barHeight}" rx="3" class="bar"><title>${escapeMarkup(`${bar.label}: ${bar.text}`)}</title></rect>`,
      `<text x="${labelWidth + length + 6}" y="${y + barHeight / 2 + 4}">${escapeMarkup(bar.text)}</text>`,
    ].join('');
  });
  return `<svg class="chart" role="img" aria-label="${escapeMarkup(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeMarkup(title)}</title>${rows.join('')}</svg>`;
}
