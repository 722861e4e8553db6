import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { referencePath } from '../../test/support/repo-paths.js';
import { identifyValue, type IdentifierKind } from './identify-value.js';

/** The reference table's first-column names, mapped to Clef's kinds. */
const kindOfRow: [RegExp, IdentifierKind][] = [
  [/^ISWC/, 'iswc'],
  [/^IPI Base/, 'ipiBaseNumber'],
  [/^IPI Name/, 'ipiNameNumber'],
  [/^ISNI/, 'isni'],
  [/^ISRC/, 'isrc'],
  [/^ICPN/, 'icpn'],
  [/^DDEX Party ID/, 'dpid'],
];

/** Every test value of data/reference/identifiers.md with the kind of its row. */
function referenceVectors(): [IdentifierKind, string][] {
  const table = readFileSync(referencePath('identifiers.md'), 'utf8');
  const vectors: [IdentifierKind, string][] = [];
  for (const line of table.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const kind = kindOfRow.find(([name]) => name.test(cells[1] ?? ''))?.[1];
    if (!kind) continue;
    for (const match of (cells[5] ?? '').matchAll(/`([^`]+)`/g)) vectors.push([kind, match[1]]);
  }
  return vectors;
}

test('names the kind of every reference test value and finds each valid', () => {
  const vectors = referenceVectors();
  assert.equal(new Set(vectors.map(([kind]) => kind)).size, 7);
  for (const [kind, value] of vectors) {
    const found = identifyValue(value);
    assert.equal(found.kind, kind, value);
    assert.equal(found.valid, true, `${value}: ${found.reason}`);
  }
});

test('returns the normalized form and the reason for an invalid value', () => {
  assert.deepEqual(identifyValue('T-034.524.680-2'), {
    kind: 'iswc',
    input: 'T-034.524.680-2',
    normalized: 'T0345246802',
    valid: false,
    reason: 'check digit should be 1, found 2',
  });
});

test('still names the kind of a value one character short and says what is expected', () => {
  const iswc = identifyValue('T-034.524.680');
  assert.equal(iswc.kind, 'iswc');
  assert.match(iswc.reason ?? '', /expected T \+ 10 digits/);
  const isrc = identifyValue('US-UM7-06-0005');
  assert.equal(isrc.kind, 'isrc');
  assert.match(isrc.reason ?? '', /expected 12 characters/);
  const isni = identifyValue('000000021825009');
  assert.equal(isni.kind, 'isni');
  assert.equal(isni.valid, false);
});

test('reads digits by length: 9 to 11 an IPI name number, 12 to 14 an ICPN, 16 an ISNI', () => {
  assert.equal(identifyValue('000000199').kind, 'ipiNameNumber');
  assert.equal(identifyValue('000000199').normalized, '00000000199');
  assert.equal(identifyValue('036000291452').kind, 'icpn');
  assert.equal(identifyValue('0000000218250097').kind, 'isni');
});

test('lets a label in front of the value decide the kind', () => {
  assert.equal(identifyValue('UPC: 036000291452').kind, 'icpn');
  assert.equal(identifyValue('ISNI::0000000218250097').valid, true);
  assert.equal(identifyValue('ISRC: us-um7-06-00055').normalized, 'USUM70600055');
});

test('reads a value as the kind given, even when its shape says otherwise', () => {
  const found = identifyValue('00000000199', 'icpn');
  assert.equal(found.kind, 'icpn');
  assert.equal(found.valid, false);
});

test('calls a value that fits no shape unknown and invalid', () => {
  for (const text of ['hello', '199', '', 'T-034.524.680-1-7-7-7']) {
    const found = identifyValue(text);
    assert.equal(found.kind, 'unknown', text);
    assert.equal(found.valid, false);
    assert.ok(found.reason);
  }
});
