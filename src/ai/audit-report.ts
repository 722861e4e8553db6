import { auditCategories, type AuditCategory } from './audit-category.js';

/** One declared item in an audit, as `clef ai audit --json` prints it. */
export interface AuditEntry {
  readonly work_id: string | null;
  readonly recording_id: string | null;
  readonly isrc: string | null;
  readonly iswc: string | null;
  /** How it was identified: `isrc`, `iswc`, `title-artist`, `audio` or `none`. */
  readonly method: string;
  /** Where it was declared, what identified it, and why it is in its category (with the reservation, for a violation). */
  readonly evidence: string;
}

/** An audit: every declared item in exactly one category. */
export type AuditReport = Record<AuditCategory, AuditEntry[]>;

/** What the HTML report says about the declaration it audits. */
export interface AuditHeading {
  readonly declarationId: string;
  readonly licenceId: string;
  readonly licensee: string;
  readonly model: string;
  readonly trainingDate: string;
  readonly cmoName: string;
}

const explanations: Record<AuditCategory, string> = {
  licensed: 'within the licence: remunerated from it',
  violation: 'used although its rights holder reserved the use on the training date: not paid from the licence, listed for enforcement',
  unlicensed: 'registered, but outside the licence (not opted in, or trained outside the term)',
  unidentified: 'no registered work or recording matches it',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** An empty audit with its four categories in report order. */
export function emptyAudit(): AuditReport {
  return { licensed: [], violation: [], unlicensed: [], unidentified: [] };
}

/** A self-contained HTML page of an audit a CMO can send: the declaration, counts per category, then each category's entries. */
export function auditHtml(report: AuditReport, heading: AuditHeading): string {
  const cell = (value: string | null) => `<td>${escapeHtml(value ?? '')}</td>`;
  const counts = auditCategories.map((c) => `<tr><th>${c}</th><td>${report[c].length}</td><td>${escapeHtml(explanations[c])}</td></tr>`).join('\n');
  const sections = auditCategories.map((c) => {
    const rows = report[c].map((e) => `<tr>${cell(e.work_id)}${cell(e.recording_id)}${cell(e.isrc)}${cell(e.iswc)}${cell(e.method)}${cell(e.evidence)}</tr>`).join('\n');
    return `<h2 id="${c}">${c} (${report[c].length})</h2>\n<table>\n<tr><th>work</th><th>recording</th><th>ISRC</th><th>ISWC</th><th>method</th><th>evidence</th></tr>\n${rows}\n</table>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Training-data audit ${escapeHtml(heading.declarationId)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}</style></head>
<body>
<h1>Training-data audit ${escapeHtml(heading.declarationId)}</h1>
<p>${escapeHtml(heading.cmoName)} audited the training data ${escapeHtml(heading.licensee)} declared for ${escapeHtml(heading.model)} under licence ${escapeHtml(heading.licenceId)}, trained on ${escapeHtml(heading.trainingDate)}.</p>
<table>\n<tr><th>category</th><th>entries</th><th>meaning</th></tr>\n${counts}\n</table>
${sections}
</body></html>
`;
}
