import type { Severity } from '../../errors/finding.js';

const rank: Readonly<Record<Severity, number>> = { ER: 5, GR: 4, TR: 3, RR: 2, FR: 1, error: 3, warning: 0 };

/** True when a finding rejects more than one field (ER, GR, TR or RR): such a file is not accepted as sent. */
export function isAboveFieldLevel(severity: Severity): boolean {
  return rank[severity] > rank.FR;
}
