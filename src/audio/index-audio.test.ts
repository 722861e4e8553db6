import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../test/support/temp-dir.js';
import { encodeWav } from './encode-wav.js';
import { indexAudio } from './index-audio.js';
import { scanAudio } from './scan-audio.js';
import { synthesizeMelody } from './synthesize-melody.js';

const dir = tempDir();
const music = join(dir, 'music');
mkdirSync(music);
// Lengths differ so that the threads finish in another order than the files are listed.
for (const [n, seconds] of [[1, 24], [2, 6], [3, 15], [4, 9]]) {
  writeFileSync(join(music, `track-${n}.wav`), encodeWav(synthesizeMelody({ seed: 70 + n, durationS: seconds, sampleRate: 22050 }), 22050));
}
writeFileSync(join(music, 'track-5.wav'), readFileSync(join(music, 'track-2.wav')));
writeFileSync(join(music, 'track-6.wav'), 'not audio');

const folder = (path: string) => Object.fromEntries(readdirSync(path).sort().map((name) => [name, readFileSync(join(path, name)).toString('base64')]));

test('indexing on worker threads builds the same index, byte for byte, as one thread', async () => {
  const one = await indexAudio({ target: music, indexDir: join(dir, 'one'), decoder: 'js', workers: 1 }, () => 0);
  const many = await indexAudio({ target: music, indexDir: join(dir, 'many'), decoder: 'js', workers: 3 }, () => 0);
  assert.deepEqual(one.added.map((r) => r.title), ['track-1', 'track-2', 'track-3', 'track-4']);
  assert.deepEqual(one.unchanged.map((f) => f.split('/').pop()), ['track-5.wav']);
  assert.deepEqual(one.failed.map((f) => [f.file.split('/').pop(), f.code]), [['track-6.wav', 'CLEF_AUDIO_UNSUPPORTED_FORMAT']]);
  assert.deepEqual(many.added.map((r) => [r.title, r.startFrame, r.hashCount]), one.added.map((r) => [r.title, r.startFrame, r.hashCount]));
  assert.deepEqual(many.failed, one.failed);
  assert.deepEqual(folder(join(dir, 'many')), folder(join(dir, 'one')));
});

test('a scan on worker threads reports the files in folder order with the same matches as one thread', async () => {
  const one = await scanAudio(music, { indexDir: join(dir, 'one'), decoder: 'js', workers: 1 });
  const many = await scanAudio(music, { indexDir: join(dir, 'one'), decoder: 'js', workers: 2 });
  assert.deepEqual(many, one);
  assert.deepEqual(one.files.map((f) => f.file.split('/').pop()), ['track-1.wav', 'track-2.wav', 'track-3.wav', 'track-4.wav', 'track-5.wav', 'track-6.wav']);
  const own = ['track-1', 'track-2', 'track-3', 'track-4', 'track-2'];
  own.forEach((title, n) => assert.ok(one.files[n].matches.some((m) => m.title === title && m.query_offset_s < 0.5), `${title} in file ${n + 1}`));
  assert.equal(one.files[5].error?.code, 'CLEF_AUDIO_UNSUPPORTED_FORMAT');
});
