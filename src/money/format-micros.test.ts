import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMicros } from './format-micros.js';

test('writes micro-units with six decimals', () => {
  assert.equal(formatMicros(1_234_567n), '1.234567');
  assert.equal(formatMicros(0n), '0.000000');
  assert.equal(formatMicros(5n), '0.000005');
  assert.equal(formatMicros(-5n), '-0.000005');
  assert.equal(formatMicros(-12_000_000n), '-12.000000');
});

test('writes fewer decimals rounded half-even by default', () => {
  assert.equal(formatMicros(1_234_567n, 2), '1.23');
  assert.equal(formatMicros(1_225_000n, 2), '1.22');
  assert.equal(formatMicros(1_235_000n, 2), '1.24');
  assert.equal(formatMicros(1_225_000n, 2, 'halfExpand'), '1.23');
  assert.equal(formatMicros(-4_000n, 2), '0.00');
  assert.equal(formatMicros(2_500_000n, 0), '2');
});

test('refuses a number of decimals it cannot write', () => {
  assert.throws(() => formatMicros(1n, 7), { code: 'CLEF_USAGE_INVALID_ARGUMENT' });
  assert.throws(() => formatMicros(1n, 1.5), { code: 'CLEF_USAGE_INVALID_ARGUMENT' });
});
