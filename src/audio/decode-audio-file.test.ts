import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../test/support/temp-dir.js';
import { addRecording, createAudioIndex } from './audio-index.js';
import { decodeAudioFile, hasFfmpeg } from './decode-audio-file.js';
import { encodeWav } from './encode-wav.js';
import { defaultFingerprintParams as params } from './fingerprint-params.js';
import { fingerprintSignal } from './fingerprint-signal.js';
import { identifyPeaks } from './identify-peaks.js';
import { synthesizeMelody } from './synthesize-melody.js';

const dir = tempDir();
const hasLame = spawnSync('lame', ['--version'], { stdio: 'ignore' }).status === 0;

test('decodes a 44.1 kHz WAV to 16 kHz mono of the same duration with the bundled decoder', async () => {
  const file = join(dir, 'tone.wav');
  writeFileSync(file, encodeWav(new Float32Array(44100 * 2).map((_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 44100)), 44100));
  const samples = await decodeAudioFile(file, 16000, 'js');
  assert.ok(Math.abs(samples.length - 32000) <= 2, `length ${samples.length}`);
  let peak = 0;
  for (const v of samples.subarray(1000, 31000)) peak = Math.max(peak, Math.abs(v));
  assert.ok(Math.abs(peak - 0.5) < 0.02, `peak ${peak}`);
});

test('identifies a recording re-encoded as MP3 at 32 kb/s and decoded by the bundled MP3 decoder', { skip: process.env.CI !== 'true' && !hasFfmpeg() && !hasLame && 'needs the Debian package ffmpeg or lame' }, async () => {
  const original = synthesizeMelody({ seed: 51, durationS: 30, sampleRate: 44100 });
  const wav = join(dir, 'melody.wav');
  writeFileSync(wav, encodeWav(original, 44100));
  const index = createAudioIndex(params);
  addRecording(index, { isrc: 'ZZCLF2600051', file: wav, digest: 'x' }, await fingerprintSignal(await decodeAudioFile(wav, 16000, 'js')));
  addRecording(index, { isrc: 'ZZCLF2600052', file: 'other', digest: 'y' }, await fingerprintSignal(synthesizeMelody({ seed: 52, durationS: 30, sampleRate: 16000 })));
  const excerpt = join(dir, 'excerpt.wav');
  writeFileSync(excerpt, encodeWav(original.slice(44100 * 10, 44100 * 20), 44100));
  const mp3 = join(dir, 'excerpt.mp3');
  const encoded = hasFfmpeg()
    ? spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', excerpt, '-c:a', 'libmp3lame', '-b:a', '32k', mp3])
    : spawnSync('lame', ['--quiet', '-b', '32', excerpt, mp3]);
  assert.equal(encoded.status, 0, String(encoded.stderr));
  const matches = identifyPeaks((await fingerprintSignal(await decodeAudioFile(mp3, 16000, 'js'))).peaks, index);
  assert.deepEqual(matches.map((m) => m.recording.isrc), ['ZZCLF2600051']);
  // MP3 encoders add a short priming delay, so the offset is close to, not exactly, 10 s.
  assert.ok(Math.abs(matches[0].referenceOffsetS - matches[0].queryOffsetS - 10) < 0.1);
});

test('decodes the same file alike with ffmpeg and with the bundled decoder', { skip: process.env.CI !== 'true' && !hasFfmpeg() && 'needs the Debian package ffmpeg' }, async () => {
  const file = join(dir, 'melody-2.wav');
  writeFileSync(file, encodeWav(synthesizeMelody({ seed: 53, durationS: 5, sampleRate: 22050 }), 22050));
  const viaJs = await decodeAudioFile(file, 16000, 'js');
  const viaFfmpeg = await decodeAudioFile(file, 16000, 'ffmpeg');
  assert.ok(Math.abs(viaJs.length - viaFfmpeg.length) <= 16, `${viaJs.length} vs ${viaFfmpeg.length}`);
});
