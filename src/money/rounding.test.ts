import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { divideRounded, roundingModes, type RoundingMode } from './rounding.js';

/** Each mode on the quotients 2.5, -2.5, 3.5, 2.4, 2.6, -2.6 (numerator over 10). */
const table: Record<RoundingMode, bigint[]> = {
  halfEven: [2n, -2n, 4n, 2n, 3n, -3n],
  halfExpand: [3n, -3n, 4n, 2n, 3n, -3n],
  trunc: [2n, -2n, 3n, 2n, 2n, -2n],
  expand: [3n, -3n, 4n, 3n, 3n, -3n],
  floor: [2n, -3n, 3n, 2n, 2n, -3n],
  ceil: [3n, -2n, 4n, 3n, 3n, -2n],
};

test('rounds halves, near-halves and negatives as each mode is defined', () => {
  const numerators = [25n, -25n, 35n, 24n, 26n, -26n];
  for (const mode of roundingModes) {
    assert.deepEqual(numerators.map((n) => divideRounded(n, 10n, mode)), table[mode], mode);
  }
});

test('returns the exact quotient unchanged in every mode', () => {
  for (const mode of roundingModes) assert.equal(divideRounded(-42n, 7n, mode), -6n);
});

test('treats a negative denominator like a negative numerator', () => {
  assert.equal(divideRounded(25n, -10n, 'floor'), -3n);
  assert.equal(divideRounded(-25n, -10n, 'halfEven'), 2n);
});

test('never moves more than one unit from the exact quotient, and halfEven is within a half', () => {
  fc.assert(
    fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.constantFrom(...roundingModes), (n, d, mode) => {
      const rounded = divideRounded(n, d, mode);
      const error = rounded * d - n;
      assert.ok(error < d && error > -d);
      if (mode === 'halfEven') assert.ok(2n * (error < 0n ? -error : error) <= d);
    }),
  );
});

test('refuses to divide by zero with a coded error', () => {
  assert.throws(() => divideRounded(1n, 0n, 'halfEven'), { code: 'CLEF_USAGE_INVALID_ARGUMENT' });
});
