import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchRate } from './match-rate.js';

test('rounds a match rate to four decimals, half up', () => {
  assert.equal(matchRate(2n, 3n), 0.6667);
  assert.equal(matchRate(1n, 8n), 0.125);
  assert.equal(matchRate(1n, 20000n), 0.0001);
});

test('gives 0 when there is nothing to match and 1 when everything matched', () => {
  assert.equal(matchRate(0n, 0n), 0);
  assert.equal(matchRate(7n, 7n), 1);
});
