import { renderAlignmentSvg } from './alignment-svg.js';
import type { MatchEvidence } from './match-evidence.js';

const escapeHtml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Renders an evidence report as one self-contained HTML page (summary, alignment picture, segment table). */
export function renderEvidenceHtml(evidence: MatchEvidence, queryName: string, generatedAt: string): string {
  const r = evidence.recording;
  const span = evidence.matched_span;
  const row = (label: string, value: string | number) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(String(value))}</td></tr>`;
  const segments = evidence.segments
    .map((s) => `<tr><td>${s.query_start_s}–${s.query_end_s}</td><td>${s.reference_start_s}–${s.reference_end_s}</td><td>${s.hits}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Clef audio evidence: ${escapeHtml(queryName)}</title>
<style>body{font-family:sans-serif;max-width:800px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}.verdict{font-size:1.2em;font-weight:bold;color:${evidence.accepted ? '#06600c' : '#900'}}</style>
</head><body>
<h1>Audio identification evidence</h1>
<p class="verdict">${evidence.accepted ? 'Match accepted' : 'No accepted match'} by the decision rule (at least ${evidence.decision_rule.min_hits} agreeing hashes over at least ${evidence.decision_rule.min_span_s} s).</p>
<table>
${row('Query', queryName)}
${row('Recording', [r.title, r.isrc && `ISRC ${r.isrc}`, r.recording_id && `id ${r.recording_id}`].filter(Boolean).join(', '))}
${row('Reference file', r.file)}
${row('Score (agreeing hashes)', evidence.score)}
${row('Hash agreement', `${evidence.hash_agreement.matched} of ${evidence.hash_agreement.query_hashes} query hashes in the matched span (${(evidence.hash_agreement.ratio * 100).toFixed(1)} %)`)}
${row('Matched span in the query', `${span.query_start_s} s – ${span.query_end_s} s (${span.matched_s} s)`)}
${row('Matched span in the reference', `${span.reference_start_s} s – ${span.reference_end_s} s`)}
${row('Time factor (speed)', evidence.time_factor)}
${row('Frequency factor (pitch)', evidence.frequency_factor)}
${row('Generated', generatedAt)}
</table>
<h2>Alignment</h2>
<p>Each dot is a landmark hash found in both the query and the reference; aligned copies form a straight line whose slope is the time factor.</p>
${renderAlignmentSvg(evidence)}
<h2>Aligned segments</h2>
<table><tr><th>query (s)</th><th>reference (s)</th><th>hashes</th></tr>
${segments}
</table>
</body></html>
`;
}
