import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRiffChunks, readRiffChunk, setRiffChunk } from './riff-chunks.js';
import { makeWav } from './testing/make-wav.js';
import { isClefError } from '../errors/clef-error.js';

const malformed = (e: unknown): boolean => isClefError(e, 'CLEF_LABEL_FILE_MALFORMED');

test('lists the fmt and data chunks of a generated WAVE file', () => {
  const wav = makeWav(0.1);
  assert.deepEqual(parseRiffChunks(wav).map((c) => [c.id, c.size]), [['fmt ', 16], ['data', 1600]]);
});

test('appends, then replaces a chunk in place, keeping every other byte and fixing the RIFF size', () => {
  const wav = makeWav(0.1);
  const once = setRiffChunk(wav, 'AIGC', new TextEncoder().encode('{"a":1}'));
  assert.deepEqual(once.subarray(12, wav.length), wav.subarray(12));
  assert.equal(new TextDecoder().decode(readRiffChunk(once, 'AIGC')), '{"a":1}');
  assert.equal(new DataView(once.buffer).getUint32(4, true), once.length - 8);
  const twice = setRiffChunk(once, 'AIGC', new TextEncoder().encode('{"b":22}'));
  assert.equal(new TextDecoder().decode(readRiffChunk(twice, 'AIGC')), '{"b":22}');
  assert.equal(parseRiffChunks(twice).filter((c) => c.id === 'AIGC').length, 1);
});

test('refuses a truncated file, a chunk larger than the file and a huge declared size', () => {
  const wav = makeWav(0.1);
  assert.throws(() => parseRiffChunks(wav.subarray(0, 100)), malformed);
  assert.throws(() => parseRiffChunks(wav.subarray(0, 40)), malformed);
  const huge = wav.slice();
  new DataView(huge.buffer).setUint32(40, 0xffffffff, true);
  assert.throws(() => parseRiffChunks(huge), /declares 4294967295 bytes/);
  assert.throws(() => parseRiffChunks(new TextEncoder().encode('RIFX....WAVE')), malformed);
});
