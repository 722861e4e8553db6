import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { multiplyByRate } from './multiply-by-rate.js';
import { parseDecimalToMicros } from './parse-decimal-to-micros.js';

test('takes a licence rate of a net revenue exactly', () => {
  assert.equal(multiplyByRate(parseDecimalToMicros('409.05'), '0.12'), parseDecimalToMicros('49.086'));
});

test('rounds the product half-even to the micro-unit', () => {
  assert.equal(multiplyByRate(5n, '0.5'), 2n);
  assert.equal(multiplyByRate(7n, '0.5'), 4n);
  assert.equal(multiplyByRate(7n, '0.5', 'trunc'), 3n);
  assert.equal(multiplyByRate(-7n, '0.5'), -4n);
  assert.equal(multiplyByRate(1_000_000n, '0.3333333'), 333_333n);
});

test('keeps a rate with many decimals exact where a float would drift', () => {
  const amount = 10n ** 18n + 1n;
  assert.equal(multiplyByRate(amount, '1.000000000000000001', 'trunc'), amount + 1n);
});

test('agrees with exact rational arithmetic for any amount and rate of up to 9 decimals', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (micros, rateNanos) => {
      const rateText = `${rateNanos / 10n ** 9n}.${(rateNanos % 10n ** 9n).toString().padStart(9, '0')}`;
      const result = multiplyByRate(micros, rateText, 'floor');
      const exact = micros * rateNanos;
      assert.ok(result * 10n ** 9n <= exact && exact < (result + 1n) * 10n ** 9n);
    }),
  );
});

test('rejects a rate that is not a decimal number', () => {
  assert.throws(() => multiplyByRate(1n, '12%'), { code: 'CLEF_MONEY_AMOUNT_INVALID' });
});
