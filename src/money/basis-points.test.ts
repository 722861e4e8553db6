import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyBasisPoints, parsePercentToBasisPoints } from './basis-points.js';

test('takes a commission of 12.50 % of an amount', () => {
  assert.equal(applyBasisPoints(1_000_000n, 1250n), 125_000n);
  assert.equal(applyBasisPoints(409_050_000n, 1500n), 61_357_500n);
});

test('rounds the part half-even to the micro-unit unless told otherwise', () => {
  assert.equal(applyBasisPoints(5n, 5000n), 2n);
  assert.equal(applyBasisPoints(15n, 5000n), 8n);
  assert.equal(applyBasisPoints(5n, 5000n, 'ceil'), 3n);
});

test('reads percentages with up to two decimals and an optional percent sign', () => {
  assert.equal(parsePercentToBasisPoints('12.5'), 1250n);
  assert.equal(parsePercentToBasisPoints('12.5 %'), 1250n);
  assert.equal(parsePercentToBasisPoints('100%'), 10_000n);
  assert.equal(parsePercentToBasisPoints('0.01'), 1n);
});

test('refuses a percentage finer than a basis point or not a number', () => {
  assert.throws(() => parsePercentToBasisPoints('33.333'), { code: 'CLEF_MONEY_AMOUNT_INVALID', message: /more than 2 decimals/ });
  assert.throws(() => parsePercentToBasisPoints('half'), { code: 'CLEF_MONEY_AMOUNT_INVALID' });
});
