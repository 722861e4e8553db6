import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dsrCellText, dsrCellValues, splitDsrCells } from './dsr-cells.js';

test('splits a line on tabs and keeps empty cells', () => {
  assert.deepEqual(splitDsrCells('SU02\t1\t\tS1\t'), ['SU02', '1', '', 'S1', '']);
});

test('does not split on an escaped tab and resolves escapes in cell text', () => {
  const cells = splitDsrCells('AS01\tA\\\tB\tC\\|D');
  assert.deepEqual(cells, ['AS01', 'A\\\tB', 'C\\|D']);
  assert.equal(dsrCellText(cells[1]), 'A\tB');
  assert.equal(dsrCellText(cells[2]), 'C|D');
});

test('splits multi-value cells on unescaped pipes only', () => {
  assert.deepEqual(dsrCellValues('DAVID RITZ|M. GAYE|MARVIN GAYE'), ['DAVID RITZ', 'M. GAYE', 'MARVIN GAYE']);
  assert.deepEqual(dsrCellValues('|myns::4534'), ['', 'myns::4534']);
  assert.deepEqual(dsrCellValues('AC\\|DC|Queen'), ['AC|DC', 'Queen']);
  assert.deepEqual(dsrCellValues(''), []);
});
