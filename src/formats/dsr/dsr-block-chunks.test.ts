import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { test } from 'node:test';
import { dsrBlockChunks, DsrLineTooLong, type DsrChunking } from './dsr-block-chunks.js';

const file = [
  'HEAD\tdsrf/30\tBasicAudioProfile',
  '#SU02\tBlockId',
  'SY02.02\t1\tx',
  'SY02.02\t2\ty',
  'AS01.01\t1\tR1',
  'MW01.01\t1\tW1',
  '',
  'SU02\t1\t1',
  'AS02.02\t2\tR2',
  '#a comment inside block 2',
  'SU02\t2\t2',
  'AS01.01\t10\tR3',
  'SU02\t10\t1',
  'SU02\t10\t2',
  'FOOT\t14',
].join('\n');

/** Cuts `text`, fed `pieceBytes` at a time, and returns each chunk as its first line number and its lines. */
async function cut(text: string, chunking: Partial<DsrChunking>, pieceBytes = 1 << 20) {
  async function* pieces() {
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length; at += pieceBytes) yield bytes.subarray(at, at + pieceBytes);
  }
  const chunks: [number, string[]][] = [];
  for await (const chunk of dsrBlockChunks(pieces(), { lines: 1, maxLineBytes: 1 << 20, ...chunking })) {
    const lines = Buffer.concat(chunk.bytes).toString().replace(/\n$/, '').split('\n');
    assert.equal(lines.length, chunk.lines);
    chunks.push([chunk.firstLine, lines]);
  }
  return chunks;
}

test('cuts a chunk only where a block ends, the comments and empty lines going with the block before them', async () => {
  assert.deepEqual((await cut(file, { lines: 1 })).map(([first, lines]) => [first, lines.map((l) => l.split('\t')[0])]), [
    [1, ['HEAD', '#SU02']],
    [3, ['SY02.02']],
    [4, ['SY02.02']],
    [5, ['AS01.01', 'MW01.01', '', 'SU02']],
    [9, ['AS02.02', '#a comment inside block 2', 'SU02']],
    [12, ['AS01.01', 'SU02', 'SU02']],
    [15, ['FOOT']],
  ]);
});

test('holds about the lines asked for, whole blocks, and every line of the file once, in order, whatever the pieces read', async () => {
  for (const pieceBytes of [1, 3, 17, 1 << 20]) {
    const chunks = await cut(file, { lines: 5 }, pieceBytes);
    assert.deepEqual(chunks.map(([first]) => first), [1, 9, 15], `pieces of ${pieceBytes} bytes`);
    assert.equal(chunks.flatMap(([, lines]) => lines).join('\n'), file);
  }
  assert.deepEqual((await cut(file, { lines: 100 })).map(([first]) => first), [1], 'a file smaller than a chunk is one chunk');
  assert.deepEqual((await cut(`${file}\n`, { lines: 100 }))[0][1], file.split('\n'), 'a last line end adds no line');
  assert.deepEqual(await cut('', { lines: 1 }), [], 'an empty file has no chunk');
});

test('starts a chunk at the resume line, inside a block or not, and a block met again after others is its own chunk', async () => {
  assert.deepEqual((await cut(file, { lines: 100, cutAt: 9 })).map(([first]) => first), [1, 9]);
  assert.deepEqual((await cut(file, { lines: 100, cutAt: 11 })).map(([first]) => first), [1, 11], 'the resume line is where the caller says');
  const split = file.replace('SU02\t10\t2', 'SU02\t1\t2');
  assert.deepEqual((await cut(split, { lines: 1 })).map(([first]) => first), [1, 3, 4, 5, 9, 12, 14, 15]);
});

test('refuses to hold a line longer than the longest DSR line', async () => {
  await assert.rejects(cut(`HEAD\t${'x'.repeat(100)}\nFOOT`, { lines: 1, maxLineBytes: 50 }, 10), DsrLineTooLong);
  await assert.rejects(cut(`HEAD\t${'x'.repeat(100)}\nFOOT`, { lines: 1, maxLineBytes: 50 }), DsrLineTooLong, 'a long line read whole in one piece');
  assert.equal((await cut(`HEAD\t${'x'.repeat(40)}\nFOOT`, { lines: 1, maxLineBytes: 50 }, 10)).length, 2);
});
