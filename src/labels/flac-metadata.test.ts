import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseFlacLayout } from './flac-metadata.js';
import { flacCarrier } from './flac-carrier.js';
import { isClefError } from '../errors/clef-error.js';

const flac = new Uint8Array(readFileSync(new URL('./testing/audio/tone.flac', import.meta.url)));
const malformed = (e: unknown): boolean => isClefError(e, 'CLEF_LABEL_FILE_MALFORMED');

test('splits the metadata blocks the flac encoder wrote from the audio frames', () => {
  const layout = parseFlacLayout(flac);
  assert.equal(layout.blocks[0].type, 0);
  assert.ok(layout.blocks.some((b) => b.type === 4));
  assert.equal(flac[layout.audioOffset], 0xff);
});

test('refuses a truncated file, a block running past the file, a missing STREAMINFO and a huge comment count', () => {
  assert.throws(() => parseFlacLayout(flac.subarray(0, 30)), malformed);
  const tooLong = flac.slice();
  tooLong.set([0xff, 0xff, 0xff], 5);
  assert.throws(() => parseFlacLayout(tooLong), /declares 16777215 bytes/);
  const noStreamInfo = flac.slice();
  noStreamInfo[4] = 1;
  assert.throws(() => parseFlacLayout(noStreamInfo), /STREAMINFO/);
  const layout = parseFlacLayout(flac);
  const comment = layout.blocks.find((b) => b.type === 4)!;
  const hostile = flac.slice();
  const countAt = comment.body.byteOffset - flac.byteOffset + 4 + new DataView(comment.body.buffer, comment.body.byteOffset).getUint32(0, true);
  new DataView(hostile.buffer).setUint32(countAt, 0xfffffff0, true);
  assert.throws(() => flacCarrier.readAigc(hostile), /comment count 4294967280 cannot fit/);
  assert.throws(() => parseFlacLayout(new TextEncoder().encode('fLaX1234')), malformed);
});
