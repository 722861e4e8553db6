import type { MatchEvidence } from './match-evidence.js';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Tick positions at round multiples of a step giving about six ticks between `lo` and `hi`. */
function ticks(lo: number, hi: number): number[] {
  const raw = Math.max(hi - lo, 1) / 6;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

/**
 * Draws the alignment as an SVG picture: query time across, reference time up, one dot per agreeing hash,
 * the fitted alignment line, and the aligned segments as shaded boxes. Readable without any script.
 */
export function renderAlignmentSvg(evidence: MatchEvidence, width = 720, height = 440): string {
  const margin = { left: 64, right: 20, top: 28, bottom: 48 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const qMax = Math.max(evidence.query_duration_s, ...evidence.points.map((p) => p[0]), 1);
  const span = evidence.matched_span;
  const rLo = evidence.points.length ? Math.max(0, Math.floor(Math.min(...evidence.points.map((p) => p[1])) - 2)) : 0;
  const rHi = evidence.points.length ? Math.ceil(Math.max(...evidence.points.map((p) => p[1])) + 2) : evidence.reference_duration_s;
  const x = (q: number) => margin.left + (q / qMax) * plotW;
  const y = (r: number) => margin.top + plotH - ((r - rLo) / Math.max(rHi - rLo, 1e-6)) * plotH;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#fff"/>`);
  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="#fafafa" stroke="#999"/>`);
  for (const t of ticks(0, qMax)) {
    parts.push(`<line x1="${x(t)}" y1="${margin.top + plotH}" x2="${x(t)}" y2="${margin.top + plotH + 5}" stroke="#333"/>`);
    parts.push(`<text x="${x(t)}" y="${margin.top + plotH + 18}" text-anchor="middle">${t}</text>`);
  }
  for (const r of ticks(rLo, rHi)) {
    parts.push(`<line x1="${margin.left - 5}" y1="${y(r)}" x2="${margin.left}" y2="${y(r)}" stroke="#333"/>`);
    parts.push(`<text x="${margin.left - 8}" y="${y(r) + 4}" text-anchor="end">${Math.round(r * 1000) / 1000}</text>`);
  }
  parts.push(`<text x="${margin.left + plotW / 2}" y="${height - 10}" text-anchor="middle">query time (s)</text>`);
  parts.push(`<text transform="translate(16 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">reference time (s)</text>`);
  const title = evidence.recording.isrc ?? evidence.recording.recording_id ?? evidence.recording.title ?? '';
  parts.push(`<text x="${margin.left}" y="18" font-weight="bold">Alignment with ${escapeXml(title)}: ${evidence.score} agreeing hashes, time factor ${evidence.time_factor}</text>`);
  for (const s of evidence.segments) {
    parts.push(
      `<rect x="${x(s.query_start_s)}" y="${y(s.reference_end_s)}" width="${Math.max(2, x(s.query_end_s) - x(s.query_start_s))}" height="${Math.max(2, y(s.reference_start_s) - y(s.reference_end_s))}" fill="#cfe3ff" stroke="#6a9fd8"/>`,
    );
  }
  if (evidence.points.length > 1) {
    parts.push(`<line x1="${x(span.query_start_s)}" y1="${y(span.reference_start_s)}" x2="${x(span.query_end_s)}" y2="${y(span.reference_end_s)}" stroke="#d33" stroke-width="1.5" stroke-dasharray="6 3"/>`);
  }
  for (const [q, r] of evidence.points) parts.push(`<circle cx="${x(q).toFixed(1)}" cy="${y(r).toFixed(1)}" r="2" fill="#1a4d8f"/>`);
  if (evidence.points.length === 0) {
    parts.push(`<text x="${margin.left + plotW / 2}" y="${margin.top + plotH / 2}" text-anchor="middle" fill="#900">no agreeing hashes</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
