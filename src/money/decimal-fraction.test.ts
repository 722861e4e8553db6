import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDecimalFraction } from './decimal-fraction.js';

test('keeps the written scale as a power of ten', () => {
  assert.deepEqual(parseDecimalFraction('-12.50'), { numerator: -1250n, denominator: 100n });
  assert.deepEqual(parseDecimalFraction('0.12'), { numerator: 12n, denominator: 100n });
  assert.deepEqual(parseDecimalFraction('42'), { numerator: 42n, denominator: 1n });
});

test('folds an exponent into the scale', () => {
  assert.deepEqual(parseDecimalFraction('1.5E-4'), { numerator: 15n, denominator: 100_000n });
  assert.deepEqual(parseDecimalFraction('1.5e3'), { numerator: 1500n, denominator: 1n });
});

test('ignores surrounding spaces but not spaces, commas or letters inside', () => {
  assert.deepEqual(parseDecimalFraction(' 3.0 '), { numerator: 30n, denominator: 10n });
  for (const text of ['3 .0', '3,0', '3.0x', 'Infinity', '1e99999']) {
    assert.throws(() => parseDecimalFraction(text), { code: 'CLEF_MONEY_AMOUNT_INVALID' }, text);
  }
});
