import type { Finding } from '../errors/finding.js';
import { parseIcpn, parseIpiBaseNumber, parseIpiNameNumber, parseIsni, parseIsrc, parseIswc, type IdentifierResult } from '../identifiers/index.js';
import type { Party } from './party.js';
import type { Recording } from './recording.js';
import type { Release } from './release.js';
import type { Work } from './work.js';

type Parse = (text: string) => IdentifierResult<string>;

/** One identifier to check: its field name, its value and the parser with its pattern and check digit. */
function check(findings: Finding[], owner: string, field: string, value: string | undefined, parse: Parse): void {
  if (value === undefined) return;
  const result = parse(value);
  if (result.ok) return;
  findings.push({ code: 'CLEF_ID_INVALID', severity: 'error', message: `${owner}: ${field} "${value}" is invalid: ${result.reason}`, location: { field, value } });
}

/** Checks a work's ISWC, its archived ISWCs and its original work's ISWC (pattern and check digit). */
export function checkWorkIdentifiers(work: Work): Finding[] {
  const findings: Finding[] = [];
  const owner = `work ${work.id} "${work.title}"`;
  check(findings, owner, 'ISWC', work.iswc, parseIswc);
  for (const iswc of work.archivedIswcs) check(findings, owner, 'archived ISWC', iswc, parseIswc);
  check(findings, owner, 'original work ISWC', work.originalWork?.iswc, parseIswc);
  return findings;
}

/** Checks a party's IPI name numbers, IPI base number and ISNI. */
export function checkPartyIdentifiers(party: Party): Finding[] {
  const findings: Finding[] = [];
  const owner = `party ${party.id} "${[party.firstName, party.name].filter(Boolean).join(' ')}"`;
  for (const ipi of party.ipiNameNumbers) check(findings, owner, 'IPI name number', ipi, parseIpiNameNumber);
  check(findings, owner, 'IPI base number', party.ipiBaseNumber, parseIpiBaseNumber);
  check(findings, owner, 'ISNI', party.isni, parseIsni);
  return findings;
}

/** Checks a recording's ISRC. */
export function checkRecordingIdentifiers(recording: Recording): Finding[] {
  const findings: Finding[] = [];
  check(findings, `recording ${recording.id} "${recording.title}"`, 'ISRC', recording.isrc, parseIsrc);
  return findings;
}

/** Checks a release's ICPN (EAN/UPC). */
export function checkReleaseIdentifiers(release: Release): Finding[] {
  const findings: Finding[] = [];
  check(findings, `release ${release.id} "${release.title}"`, 'ICPN', release.icpn, parseIcpn);
  return findings;
}
