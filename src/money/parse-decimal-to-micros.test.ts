import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fixturePath } from '../../test/support/repo-paths.js';
import { formatMicros } from './format-micros.js';
import { parseDecimalToMicros } from './parse-decimal-to-micros.js';

test('reads decimals exactly into micro-units', () => {
  assert.equal(parseDecimalToMicros('12.345678'), 12_345_678n);
  assert.equal(parseDecimalToMicros('409.05'), 409_050_000n);
  assert.equal(parseDecimalToMicros('-0.000001'), -1n);
  assert.equal(parseDecimalToMicros('7'), 7_000_000n);
  assert.equal(parseDecimalToMicros('.5'), 500_000n);
  assert.equal(parseDecimalToMicros('+3.'), 3_000_000n);
});

test('accepts trailing zeros beyond 6 decimals, since the value is still exact', () => {
  assert.equal(parseDecimalToMicros('1.00000000'), 1_000_000n);
});

test('reads exponent notation exactly', () => {
  assert.equal(parseDecimalToMicros('1.5E-4'), 150n);
  assert.equal(parseDecimalToMicros('2e3'), 2_000_000_000n);
});

test('rejects more than 6 significant decimals unless a rounding mode is given', () => {
  assert.throws(() => parseDecimalToMicros('0.0000005'), { code: 'CLEF_MONEY_AMOUNT_INVALID', message: /more than 6 decimals/ });
  assert.equal(parseDecimalToMicros('0.0000005', 'halfEven'), 0n);
  assert.equal(parseDecimalToMicros('0.0000015', 'halfEven'), 2n);
  assert.equal(parseDecimalToMicros('0.0000025', 'halfEven'), 2n);
  assert.equal(parseDecimalToMicros('-0.0000025', 'halfExpand'), -3n);
});

test('rejects text that is not a plain decimal number', () => {
  for (const text of ['', '.', '-', '1,5', '1.2.3', '12 345', 'NaN', '0x10', '1e', 'USD 5']) {
    assert.throws(() => parseDecimalToMicros(text), { code: 'CLEF_MONEY_AMOUNT_INVALID' }, text);
  }
});

test('reads every NetRevenue of the UGC DSR fixture and sums it exactly', () => {
  const text = readFileSync(fixturePath('dsr', 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv'), 'utf8');
  const revenues = text.split('\n').filter((line) => line.startsWith('SY02')).map((line) => line.split('\t')[11]);
  assert.deepEqual(revenues, ['409.05', '359.71', '3424.29', '11570.53']);
  const total = revenues.reduce((sum, revenue) => sum + parseDecimalToMicros(revenue), 0n);
  assert.equal(formatMicros(total), '15763.580000');
});

test('round-trips every micro-unit amount through formatMicros', () => {
  fc.assert(fc.property(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), (micros) => parseDecimalToMicros(formatMicros(micros)) === micros));
});
