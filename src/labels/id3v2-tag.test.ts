import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatId3Tag, parseId3Tag, removeUnsynchronisation } from './id3v2-tag.js';
import { makeTxxxFrame, readTxxxFrame } from './id3-text-frame.js';
import { mp3Carrier } from './mp3-carrier.js';
import { isClefError } from '../errors/clef-error.js';

const mp3 = new Uint8Array(readFileSync(new URL('./testing/audio/tone-id3v23.mp3', import.meta.url)));
const malformed = (e: unknown): boolean => isClefError(e, 'CLEF_LABEL_FILE_MALFORMED');

test('reads the frames of the ID3v2.3 tag LAME wrote', () => {
  const tag = parseId3Tag(mp3);
  assert.equal(tag?.version, 3);
  assert.deepEqual(tag?.frames.map((f) => f.id), ['TSSE', 'TIT2', 'TPE1', 'TLEN']);
});

test('writes TXXX frames that read back in ID3v2.3 (UTF-16) and 2.4 (UTF-8)', () => {
  for (const version of [3, 4] as const) {
    const frame = makeTxxxFrame(version, 'AIGC', '{"Label":"1","ContentProducer":"音乐"}');
    const tag = parseId3Tag(formatId3Tag(version, [frame]));
    assert.deepEqual(readTxxxFrame(tag!.frames[0], version), { description: 'AIGC', value: '{"Label":"1","ContentProducer":"音乐"}' });
  }
});

test('makes an ID3v2.4 tag in front of an MP3 stream that has none', () => {
  const bare = mp3.subarray(parseId3Tag(mp3)!.length);
  const labelled = mp3Carrier.writeAigc(bare, '{"Label":"2"}');
  assert.equal(labelled[3], 4);
  assert.equal(mp3Carrier.readAigc(labelled), '{"Label":"2"}');
  assert.deepEqual(labelled.subarray(labelled.length - bare.length), bare);
});

test('reverses unsynchronisation', () => {
  assert.deepEqual(removeUnsynchronisation(Uint8Array.of(1, 0xff, 0, 0xe0, 0xff, 0, 0)), Uint8Array.of(1, 0xff, 0xe0, 0xff, 0));
});

test('refuses a truncated tag, a frame running past the tag and a huge declared tag size', () => {
  assert.throws(() => parseId3Tag(mp3.subarray(0, 60)), malformed);
  const frameTooBig = mp3.slice();
  frameTooBig.set([0x7f, 0xff, 0xff, 0xff], 14);
  assert.throws(() => parseId3Tag(frameTooBig), /frame TSSE declares/);
  const huge = mp3.slice();
  huge.set([0x7f, 0x7f, 0x7f, 0x7f], 6);
  assert.throws(() => parseId3Tag(huge), /tag declares/);
  const badSize = mp3.slice();
  badSize[6] = 0x80;
  assert.throws(() => parseId3Tag(badSize), malformed);
  const garbage = mp3.slice();
  garbage.set([0x01, 0x02, 0x03, 0x04], 10);
  assert.throws(() => parseId3Tag(garbage), /invalid frame id/);
});
