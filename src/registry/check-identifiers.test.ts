import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPartyIdentifiers, checkRecordingIdentifiers, checkReleaseIdentifiers, checkWorkIdentifiers } from './check-identifiers.js';
import type { Party } from './party.js';
import type { Work } from './work.js';

const work: Work = { id: 'w1', title: 'RIVER', iswc: 'T0345246801', archivedIswcs: ['T1234567894'], alternateTitles: [], versionType: 'ORI' };
const party: Party = { id: 'p1', kind: 'person', name: 'NUNEZ', firstName: 'ANA', ipiNameNumbers: ['00000000199', '00000000297'], ipiBaseNumber: 'I-123456789-3', isni: '0000000218250097', affiliations: [] };

test('accepts valid ISWCs, IPI numbers, ISNI, ISRC and ICPN', () => {
  assert.deepEqual(checkWorkIdentifiers(work), []);
  assert.deepEqual(checkPartyIdentifiers(party), []);
  assert.deepEqual(checkRecordingIdentifiers({ id: 'r1', title: 'RIVER', isrc: 'USUM70600055', workIds: ['w1'] }), []);
  assert.deepEqual(checkReleaseIdentifiers({ id: 'x1', title: 'ALBUM', icpn: '4006381333931', tracks: [] }), []);
});

test('rejects an ISWC with a wrong check digit, naming the work and the field', () => {
  const findings = checkWorkIdentifiers({ ...work, archivedIswcs: ['T1234567895'] });
  assert.deepEqual(findings.map((f) => [f.code, f.location.field, f.location.value]), [['CLEF_ID_INVALID', 'archived ISWC', 'T1234567895']]);
  assert.match(findings[0].message, /^work w1 "RIVER": archived ISWC "T1234567895" is invalid/);
});

test('rejects each bad party identifier and goes on to the next', () => {
  const findings = checkPartyIdentifiers({ ...party, ipiNameNumbers: ['00000000199', '00000000198'], isni: '0000000218250098' });
  assert.deepEqual(findings.map((f) => f.location.field), ['IPI name number', 'ISNI']);
});

test('rejects a malformed ISRC and an ICPN with a wrong check digit', () => {
  assert.equal(checkRecordingIdentifiers({ id: 'r1', title: 'RIVER', isrc: 'US-UM7-06', workIds: [] }).length, 1);
  assert.equal(checkReleaseIdentifiers({ id: 'x1', title: 'ALBUM', icpn: '4006381333932', tracks: [] }).length, 1);
});
