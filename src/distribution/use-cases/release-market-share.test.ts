import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastReleasableMonth } from './release-market-share.js';

test('counts the holding period from the last day of a usage month', () => {
  assert.equal(lastReleasableMonth('2028-01-31', 36), '2025-01');
  assert.equal(lastReleasableMonth('2028-01-30', 36), '2024-12');
  assert.equal(lastReleasableMonth('2028-02-29', 36), '2025-02');
  assert.equal(lastReleasableMonth('2025-03-01', 0), '2025-02');
  assert.equal(lastReleasableMonth('2025-01-15', 1), '2024-11');
});
