import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../../test/support/repo-paths.js';
import { readCwrLines, type CwrLine } from './read-cwr-lines.js';

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(bytes: Uint8Array, size: number): Promise<CwrLine[]> {
  const lines: CwrLine[] = [];
  for await (const line of readCwrLines(chunks(bytes, size))) lines.push(line);
  return lines;
}

test('splits a CRLF fixture into the same lines whatever the chunk size', async () => {
  const bytes = readFileSync(fixturePath('cwr', 'CW220001DMP_000.V21'));
  const expected = bytes.toString('latin1').split('\r\n');
  for (const size of [1, 7, 100, 1 << 16]) {
    const lines = await collect(bytes, size);
    assert.deepEqual(lines.map((l) => l.text), expected);
    assert.deepEqual(lines.map((l) => l.lineNumber), expected.map((_, i) => i + 1));
  }
});

test('reads LF-only files and a last line without newline', async () => {
  const bytes = readFileSync(fixturePath('cwr', 'CW220001000_DMP.V21'));
  const lines = await collect(bytes, 33);
  assert.equal(lines.length, 27);
  assert.ok(lines[26].text.startsWith('TRL'));
  assert.ok(lines.every((l) => !l.text.includes('\r')));
});

test('decodes latin-1 so that one byte is one character and offsets stay byte offsets', async () => {
  const bytes = Uint8Array.from([0x41, 0xe9, 0xfc, 0x42, 0x0d, 0x0a, 0x43]);
  const lines = await collect(bytes, 2);
  assert.deepEqual(lines.map((l) => l.text), ['A\u00e9\u00fcB', 'C']);
  assert.equal(lines[0].text.length, 4);
});

test('does not yield an empty line after a final newline', async () => {
  const lines = await collect(new TextEncoder().encode('HDR\nTRL\n'), 3);
  assert.deepEqual(lines.map((l) => l.text), ['HDR', 'TRL']);
});
