import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readImplicitLabel, writeImplicitLabel } from './implicit-label.js';
import type { AigcLabel } from './aigc-label.js';
import { makeWav } from './testing/make-wav.js';
import { decodeSamples } from './testing/decode-samples.js';
import { carrierOf } from './audio-format.js';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./testing/audio/${name}`, import.meta.url)));
const label: AigcLabel = {
  Label: '1', ContentProducer: '音乐生成服务 GenSvc', ProduceID: 'gen-2025-0001', ReservedCode1: 'clef1;signer=cmo',
  ContentPropagator: '音乐生成服务 GenSvc', PropagateID: 'gen-2025-0001', ReservedCode2: '',
};
const files: [string, () => Uint8Array][] = [
  ['WAV', () => makeWav(1, 22050)],
  ['MP3 with an ID3v2.3 tag', () => fixture('tone-id3v23.mp3')],
  ['FLAC', () => fixture('tone.flac')],
  ['Ogg Vorbis', () => fixture('tone.ogg')],
  ['Ogg Opus', () => fixture('tone.opus')],
];

for (const [name, make] of files) {
  test(`round-trips an AIGC label in ${name}, leaving the decoded samples and the audio digest unchanged`, async () => {
    const original = make();
    const before = readImplicitLabel(original);
    assert.equal(before.label, undefined);
    const labelled = writeImplicitLabel(original, label);
    const after = readImplicitLabel(labelled);
    assert.deepEqual(after.label, label);
    assert.equal(after.audioDigest, before.audioDigest);
    assert.deepEqual(await decodeSamples(labelled), await decodeSamples(original));
    const relabelled = writeImplicitLabel(labelled, { ...label, ContentPropagator: 'PLAT', PropagateID: 'p-1' });
    assert.equal(readImplicitLabel(relabelled).label?.ContentPropagator, 'PLAT');
    assert.equal(readImplicitLabel(relabelled).audioDigest, before.audioDigest);
  });
}

test('keeps the existing title and artist tags of MP3, FLAC and Ogg files', () => {
  for (const name of ['tone-id3v23.mp3', 'tone.flac', 'tone.ogg', 'tone.opus']) {
    const labelled = writeImplicitLabel(fixture(name), label);
    const text = Buffer.from(labelled).toString(name.endsWith('.mp3') ? 'utf16le' : 'latin1');
    const shifted = Buffer.from(labelled.subarray(1)).toString('utf16le');
    assert.ok(text.includes('Test tone') || shifted.includes('Test tone'), name);
    assert.ok(text.includes('Clef tests') || shifted.includes('Clef tests'), name);
  }
});

test('reads the wrapped {"AIGC": {...}} form another writer made', () => {
  const wav = carrierOf(makeWav(0.1)).writeAigc(makeWav(0.1), JSON.stringify({ AIGC: { Label: '3', ContentProducer: 'X', ProduceID: '7' } }));
  assert.equal(readImplicitLabel(wav).label?.Label, '3');
});

test('a changed audio sample changes the audio digest in every format', () => {
  for (const [name, make] of files) {
    const labelled = writeImplicitLabel(make(), label);
    const tampered = labelled.slice();
    tampered[tampered.length >> 1] ^= 0x10;
    const digestOf = (bytes: Uint8Array): string => {
      try {
        return readImplicitLabel(bytes).audioDigest;
      } catch {
        return 'refused';
      }
    };
    assert.notEqual(digestOf(tampered), readImplicitLabel(labelled).audioDigest, name);
  }
});
