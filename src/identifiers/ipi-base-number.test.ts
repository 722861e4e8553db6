import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../test/support/repo-paths.js';
import { formatIpiBaseNumber, isValidIpiBaseNumber, parseIpiBaseNumber } from './ipi-base-number.js';

test('accepts the reference vector and stores it compact', () => {
  assert.deepEqual(parseIpiBaseNumber('I-123456789-3'), { ok: true, value: 'I1234567893' });
});

test('rejects an IPI base number with a wrong check digit', () => {
  const result = parseIpiBaseNumber('I-123456789-4');
  assert.ok(!result.ok);
  assert.equal(result.reason, 'check digit should be 3, found 4');
  assert.equal(result.problem, 'check');
});

test('uses the constant 2, so the ISWC check digit of the same digits is refused', () => {
  assert.equal(isValidIpiBaseNumber('I-123456789-4'), false);
  assert.equal(isValidIpiBaseNumber('I-123456789-3'), true);
});

test('rejects a wrong length or a missing I prefix as a shape problem', () => {
  for (const text of ['I-12345678-3', 'I-1234567890-3', '1234567893', 'T-123456789-3']) {
    const result = parseIpiBaseNumber(text);
    assert.ok(!result.ok && result.problem === 'shape', text);
  }
});

test('normalizes lowercase and separators and formats as I-123456789-3', () => {
  const parsed = parseIpiBaseNumber(' i 123456789 3 ');
  assert.ok(parsed.ok);
  assert.equal(formatIpiBaseNumber(parsed.value), 'I-123456789-3');
});

test('accepts the IPI base number of the writer on the CWR registration fixture', () => {
  const swr = readFileSync(fixturePath('cwr', 'CW220001DMP_000.V21'), 'latin1')
    .split(/\r?\n/)
    .filter((line) => line.startsWith('SWR'));
  const bases = swr.map((line) => /I-\d{9}-\d/.exec(line)?.[0]).filter((base): base is string => base !== undefined);
  assert.ok(bases.length >= 1);
  for (const base of bases) assert.ok(isValidIpiBaseNumber(base), base);
});
