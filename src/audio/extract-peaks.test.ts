import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSignalFingerprinter, fingerprintSignal } from './fingerprint-signal.js';
import { defaultFingerprintParams as params } from './fingerprint-params.js';
import { synthesizeMelody } from './synthesize-melody.js';

// 70 s: three spectrogram blocks of 4096 frames, so block edges fall inside the signal.
const signal = synthesizeMelody({ seed: 21, durationS: 70, sampleRate: params.sampleRate });

test('finds the same peaks whatever the chunks the signal arrives in', async () => {
  const whole = await fingerprintSignal(signal);
  assert.ok(whole.peaks.length > 1000, `${whole.peaks.length} peaks`);
  assert.equal(whole.frameCount, Math.floor((signal.length - params.windowSize) / params.hop) + 1);
  for (const sizes of [[1], [127, 1, 4096], [100_000], [params.windowSize - 1, 3]]) {
    const fingerprinter = await createSignalFingerprinter();
    for (let at = 0, n = 0; at < signal.length; n++) {
      const size = sizes[n % sizes.length];
      fingerprinter.push(signal.subarray(at, at + size));
      at += size;
    }
    const streamed = fingerprinter.finish();
    assert.equal(streamed.frameCount, whole.frameCount);
    assert.equal(streamed.durationS, whole.durationS);
    assert.deepEqual(streamed.peaks, whole.peaks, `chunks of ${sizes.join(', ')}`);
  }
});

test('peaks lie in frame order, at least 2 frames of the filter apart in a band, inside the signal', async () => {
  const { peaks, frameCount } = await fingerprintSignal(signal);
  for (let i = 1; i < peaks.length; i++) {
    assert.ok(peaks[i].frame > peaks[i - 1].frame || (peaks[i].frame === peaks[i - 1].frame && peaks[i].band > peaks[i - 1].band));
  }
  assert.ok(peaks.every((p) => p.frame >= 0 && p.frame < frameCount));
});

test('a signal shorter than one window is refused with CLEF_AUDIO_TOO_SHORT', async () => {
  const fingerprinter = await createSignalFingerprinter();
  fingerprinter.push(signal.subarray(0, params.windowSize - 1));
  assert.throws(() => fingerprinter.finish(), /CLEF_AUDIO_TOO_SHORT|shorter than one analysis window/);
});
