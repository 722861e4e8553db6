import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAudioManifest } from './audio-manifest.js';

test('reads file and isrc columns in any order, resolving relative paths against the manifest folder', () => {
  const text = 'isrc,title,file\r\nUS-UM7-06-00055,"Song, the first",a/one.wav\nGBAYE0601498,x,/abs/two.flac\n\n';
  const { entries, findings } = parseAudioManifest(text, '/data/set', 'manifest.csv');
  assert.deepEqual(findings, []);
  assert.deepEqual(entries, [
    { file: '/data/set/a/one.wav', isrc: 'USUM70600055', line: 2 },
    { file: '/abs/two.flac', isrc: 'GBAYE0601498', line: 3 },
  ]);
});

test('reports a malformed ISRC and an empty file as located findings and keeps the good rows', () => {
  const { entries, findings } = parseAudioManifest('file,isrc\none.wav,US-UM7-06-0005\n,USUM70600055\nthree.wav,USUM70600056\n', '/d', 'm.csv');
  assert.deepEqual(entries.map((e) => e.file), ['/d/three.wav']);
  assert.deepEqual(findings.map((f) => [f.code, f.location.line, f.location.field]), [
    ['CLEF_AUDIO_MANIFEST_INVALID', 2, 'isrc'],
    ['CLEF_AUDIO_MANIFEST_INVALID', 3, 'file'],
  ]);
});

test('refuses a manifest whose header lacks the isrc column', () => {
  const { entries, findings } = parseAudioManifest('file,code\none.wav,X\n', '/d', 'm.csv');
  assert.equal(entries.length, 0);
  assert.equal(findings[0].location.field, 'isrc');
});
