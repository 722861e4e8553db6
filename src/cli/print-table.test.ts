import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTable, readableAmount } from './print-table.js';

test('a table has a header and a rule, pads columns and right-aligns numbers, counting Chinese characters as two columns', () => {
  const text = formatTable(['title', 'amount'], [['月光', '1.00'], ['River', '12.50']], ['amount']);
  assert.equal(text, ['title  amount', '-----  ------', '月光     1.00', 'River   12.50'].join('\n'));
});

test('amounts for people have two decimals', () => {
  assert.equal(readableAmount('16875000'), '16.88');
  assert.equal(readableAmount(-15_000n), '-0.02');
});
