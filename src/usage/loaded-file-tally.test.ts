import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoadedFileTally } from './loaded-file-tally.js';

const span = (recordType: string, firstLine: number, lastLine: number, count: number) => ({ recordType, firstLine, lastLine, count });
const blocks = (ids: number, low: number | null, high: number | null, numeric = ids) => ({ blocks: ids, ids, numeric, low, high });

test('record types add up across chunks: a type is new only in the chunk of its first line, HEAD and FOOT are placed on the totals', () => {
  const tally = new LoadedFileTally(100);
  assert.deepEqual(tally.addTypes([span('HEAD', 1, 1, 1), span('SY02.02', 2, 3, 2), span('AS01.01', 4, 4, 1)]).map((t) => t.recordType), ['HEAD', 'SY02.02', 'AS01.01']);
  assert.deepEqual(tally.addTypes([span('AS01.01', 6, 9, 2), span('SU02', 7, 10, 2), span('FOOT', 11, 11, 1)]).map((t) => t.recordType), ['SU02', 'FOOT']);
  assert.deepEqual(tally.types().find((t) => t.recordType === 'AS01.01'), span('AS01.01', 4, 9, 3));
  assert.equal(tally.summaryRecords(), 2);
  assert.equal(tally.summaryAfterBlock(), false);
  assert.equal(tally.headAndFootInPlace(), true);
  tally.addTypes([span('SU02', 12, 12, 1)]);
  assert.equal(tally.headAndFootInPlace(), false, 'a record after FOOT');
  tally.addTypes([span('SY02.02', 13, 13, 1)]);
  assert.equal(tally.summaryAfterBlock(), true);
});

test('summary totals add up per SummaryRecordId across chunks; an undeclared id is found at once, an exceeded total at the end', () => {
  const tally = new LoadedFileTally(100);
  tally.declare([{ id: '1', usages: 10n }, { id: '2', usages: null }]);
  assert.equal(tally.list([{ id: '1', net: 6n }, { id: '2', net: 99n }]), true);
  assert.equal(tally.exceeded(), false);
  assert.equal(tally.list([{ id: '1', net: 5n }]), true);
  assert.equal(tally.exceeded(), true, '6 + 5 usages listed against 10 declared');
  assert.equal(new LoadedFileTally(100).list([{ id: '3', net: 1n }]), false);
});

test('empty lines are counted whole and their numbers kept up to the cap', () => {
  const tally = new LoadedFileTally(3);
  tally.addEmptyLines(2, [4, 9]);
  tally.addEmptyLines(5, [20, 21, 22]);
  assert.equal(tally.emptyLines, 7);
  assert.deepEqual(tally.emptyLineNumbers, [4, 9, 20]);
});

test('BlockIds counting up by one across chunks (in any order within one) need no store; the first chunk that breaks the run hands over to it', () => {
  const tally = new LoadedFileTally(100);
  assert.equal(tally.addBlocks(blocks(3, 1, 3)), true);
  assert.equal(tally.addBlocks(blocks(0, null, null)), true, 'a chunk without blocks');
  assert.equal(tally.addBlocks(blocks(2, 4, 5)), true);
  assert.deepEqual(tally.blockRun(), { from: 1, to: 5 });
  assert.equal(tally.addBlocks(blocks(2, 7, 8)), false, 'a gap: 6 is missing');
  assert.deepEqual(tally.blockRun(), { from: 1, to: 5 }, 'the run stays what earlier chunks covered');
  assert.equal(tally.addBlocks(blocks(1, 9, 9)), false, 'once handed over, always');
  assert.equal(tally.blocks, 8);
  assert.equal(new LoadedFileTally(100).addBlocks(blocks(2, 1, 2, 1)), false, 'an id that is not a plain number');
  assert.equal(new LoadedFileTally(100).addBlocks({ blocks: 2, ids: 1, numeric: 2, low: 1, high: 1 }), false, 'an id twice');
});
