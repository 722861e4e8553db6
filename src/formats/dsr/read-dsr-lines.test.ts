import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { readDsrLines, type DsrLineTotals } from './read-dsr-lines.js';

async function* chunked(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    yield bytes.subarray(start, cut);
    start = cut;
  }
  yield bytes.subarray(start);
}

async function readAll(bytes: Uint8Array, cuts: number[] = []): Promise<{ lines: string[]; invalid: number[]; totals: DsrLineTotals }> {
  const reader = readDsrLines(chunked(bytes, cuts));
  const lines: string[] = [];
  const invalid: number[] = [];
  for (;;) {
    const next = await reader.next();
    if (next.done) return { lines, invalid, totals: next.value };
    assert.equal(next.value.firstLine, lines.length + 1);
    lines.push(...next.value.lines);
    invalid.push(...next.value.invalidUtf8Lines);
  }
}

test('reads the same lines, line numbers and digest however the bytes are cut into chunks', async () => {
  const text = 'HEAD\tdsrf/30\n#comment é\nAS01\t1\tLët Më\r\nSU02\t1\t日本\nFOOT\t5';
  const bytes = new TextEncoder().encode(text);
  const digest = createHash('sha256').update(bytes).digest('hex');
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }), async (cuts) => {
      const { lines, invalid, totals } = await readAll(bytes, cuts);
      assert.deepEqual(lines, ['HEAD\tdsrf/30', '#comment é', 'AS01\t1\tLët Më', 'SU02\t1\t日本', 'FOOT\t5']);
      assert.deepEqual(invalid, []);
      assert.deepEqual(totals, { digest, bytes: bytes.length, lines: 5 });
    }),
  );
});

test('drops a byte order mark and does not count a final newline as a line', async () => {
  const { lines, totals } = await readAll(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('HEAD\nFOOT\n')]), [1]);
  assert.deepEqual(lines, ['HEAD', 'FOOT']);
  assert.equal(totals.lines, 2);
});

test('locates a line that is not valid UTF-8 and still reads the others', async () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('HEAD\nAS01\t'), 0xc3, 0x28, ...new TextEncoder().encode('\nFOOT\n')]);
  const { lines, invalid } = await readAll(bytes);
  assert.deepEqual(invalid, [2]);
  assert.equal(lines.length, 3);
  assert.equal(lines[2], 'FOOT');
  assert.ok(lines[1].startsWith('AS01\t\ufffd'));
});
