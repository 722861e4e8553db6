import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeWav } from './encode-wav.js';
import { sniffAudioFormat } from './sniff-audio-format.js';

const bytes = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));

test('recognizes WAV from a file Clef writes, and FLAC, Ogg Opus, Ogg Vorbis and MP3 from their headers', () => {
  assert.equal(sniffAudioFormat(encodeWav(new Float32Array(100), 16000)), 'wav');
  assert.equal(sniffAudioFormat(bytes('fLaC\0\0\0\x22')), 'flac');
  assert.equal(sniffAudioFormat(bytes('OggS\0\x02' + '\0'.repeat(22) + 'OpusHead')), 'opus');
  assert.equal(sniffAudioFormat(bytes('OggS\0\x02' + '\0'.repeat(22) + '\x01vorbis')), 'vorbis');
  assert.equal(sniffAudioFormat(bytes('ID3\x04\0')), 'mp3');
  assert.equal(sniffAudioFormat(new Uint8Array([0xff, 0xfb, 0x90, 0x64])), 'mp3');
});

test('recognizes nothing in text or an unknown container', () => {
  assert.equal(sniffAudioFormat(bytes('file,isrc\n')), undefined);
  assert.equal(sniffAudioFormat(bytes('OggS\0\x02' + '\0'.repeat(22) + 'Speex   ')), undefined);
  assert.equal(sniffAudioFormat(new Uint8Array(0)), undefined);
});
