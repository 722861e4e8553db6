import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../test/support/repo-paths.js';
import { formatIpiNameNumber, ipiNameNumberWithCheckDigits, isValidIpiNameNumber, normalizeIpiNameNumber, parseIpiNameNumber } from './ipi-name-number.js';

test('accepts the reference vectors', () => {
  assert.deepEqual(parseIpiNameNumber('00000000199'), { ok: true, value: '00000000199' });
  assert.deepEqual(parseIpiNameNumber('00000000297'), { ok: true, value: '00000000297' });
});

test('left-pads older 9- and 10-digit values to 11 digits', () => {
  assert.equal(normalizeIpiNameNumber('000000199'), '00000000199');
  assert.equal(normalizeIpiNameNumber('0000000297'), '00000000297');
  assert.deepEqual(parseIpiNameNumber('000000199'), { ok: true, value: '00000000199' });
});

test('rejects wrong check digits and names the two expected digits', () => {
  const result = parseIpiNameNumber('00000000198');
  assert.ok(!result.ok);
  assert.equal(result.reason, 'check digits should be 99, found 98');
  assert.equal(result.problem, 'check');
});

test('writes a check value below 10 with its leading zero', () => {
  // Base digits 190000030 give s = 10 + 81 + 9 = 100, so the check is (101 - 100) mod 100 = 1, written 01.
  assert.ok(isValidIpiNameNumber('19000003001'));
  const result = parseIpiNameNumber('19000003002');
  assert.ok(!result.ok);
  assert.equal(result.reason, 'check digits should be 01, found 02');
});

test('accepts an all-zero base with check 00, the case where s mod 101 is 0', () => {
  assert.ok(isValidIpiNameNumber('00000000000'));
});

test('rejects values too short to pad, too long or not numeric as a shape problem', () => {
  for (const text of ['199', '12345678', '123456789012', 'I0000000019', '0000000019X']) {
    const result = parseIpiNameNumber(text);
    assert.ok(!result.ok && result.problem === 'shape', text);
    assert.match(result.reason, /expected 11 digits/);
  }
});

test('accepts the writers\' IPI name numbers of the CWR registration fixture (SWR columns 116-126)', () => {
  const numbers = readFileSync(fixturePath('cwr', 'CW220001DMP_000.V21'), 'latin1')
    .split(/\r?\n/)
    .filter((line) => line.startsWith('SWR'))
    .map((line) => line.slice(115, 126).trim())
    .filter((n) => n !== '');
  assert.ok(numbers.includes('00000000199'));
  for (const n of numbers) assert.ok(isValidIpiNameNumber(n), n);
});

test('formats a name number as its 11 digits', () => {
  const parsed = parseIpiNameNumber('000 000 001 99');
  assert.ok(parsed.ok);
  assert.equal(formatIpiNameNumber(parsed.value), '00000000199');
});

test('appends the two check digits parseIpiNameNumber expects to nine base digits', () => {
  assert.equal(ipiNameNumberWithCheckDigits('190000030'), '19000003001');
  for (let n = 0; n < 1000; n++) assert.ok(isValidIpiNameNumber(ipiNameNumberWithCheckDigits(String(n * 7919).padStart(9, '0'))), String(n));
});
