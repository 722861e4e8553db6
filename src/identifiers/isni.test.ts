import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { referencePath } from '../../test/support/repo-paths.js';
import { formatIsni, isValidIsni, normalizeIsni, parseIsni } from './isni.js';

test('accepts the reference vector (the ORCID example of ISO 7064 MOD 11-2)', () => {
  assert.deepEqual(parseIsni('0000000218250097'), { ok: true, value: '0000000218250097' });
  assert.ok(isValidIsni('0000-0002-1825-0097'));
});

test('accepts a check character X, written in either case', () => {
  // 000000021694882 leaves p = 2 after the 15 digits, so r = 10 and the check is X.
  assert.ok(isValidIsni('000000021694882X'));
  assert.ok(isValidIsni('0000 0002 1694 882x'));
});

test('rejects a wrong check character and names the expected one', () => {
  const result = parseIsni('0000000218250098');
  assert.ok(!result.ok);
  assert.equal(result.reason, 'check character should be 7, found 8');
  assert.equal(result.problem, 'check');
});

test('rejects a wrong length or an X anywhere but last as a shape problem', () => {
  for (const text of ['000000021825009', '00000002182500970', '0000000X18250097']) {
    const result = parseIsni(text);
    assert.ok(!result.ok && result.problem === 'shape', text);
  }
});

test('strips the ISNI label and the DSR namespace prefix and formats in four groups', () => {
  assert.equal(normalizeIsni('ISNI 0000 0002 1825 0097'), '0000000218250097');
  assert.equal(normalizeIsni('ISNI::0000000218250097'), '0000000218250097');
  const parsed = parseIsni('isni:0000000218250097');
  assert.ok(parsed.ok);
  assert.equal(formatIsni(parsed.value), '0000 0002 1825 0097');
});

test('accepts the ISNI of the DSR reference example of a namespaced party id', () => {
  const readme = readFileSync(referencePath('README.md'), 'utf8');
  const example = /ISNI::(\d{15}[\dX])/.exec(readme);
  assert.ok(example);
  assert.ok(isValidIsni(example[0]), example[0]);
});
