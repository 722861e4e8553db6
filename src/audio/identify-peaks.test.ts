import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addRecording, createAudioIndex } from './audio-index.js';
import { addReverb, addWhiteNoise, bandPass } from './degrade-signal.js';
import { defaultFingerprintParams as params } from './fingerprint-params.js';
import { fingerprintSignal } from './fingerprint-signal.js';
import { identifyPeaks } from './identify-peaks.js';
import { synthesizeMelody } from './synthesize-melody.js';

const rate = params.sampleRate;
const referenceSeeds = [11, 12, 13, 14, 15, 16];
const index = createAudioIndex(params);
for (const seed of referenceSeeds) {
  const fingerprint = await fingerprintSignal(synthesizeMelody({ seed, durationS: 40, sampleRate: rate }));
  addRecording(index, { isrc: `ZZCLF26${String(seed).padStart(5, '0')}`, file: `melody-${seed}.wav`, digest: `d${seed}` }, fingerprint);
}

/** A 10 s excerpt starting at `startS` of the music as rendered (after any tempo change). */
function excerpt(samples: Float32Array, startS: number): Float32Array {
  return samples.slice(Math.round(startS * rate), Math.round((startS + 10) * rate));
}

async function identifyExcerpt(samples: Float32Array) {
  return identifyPeaks((await fingerprintSignal(samples)).peaks, index);
}

const seed = 13;
const original = synthesizeMelody({ seed, durationS: 40, sampleRate: rate });
const cases: { name: string; query: () => Float32Array; referenceStartS: number; timeFactor: number; frequencyFactor: number }[] = [
  { name: 'a clean excerpt', query: () => excerpt(original, 12), referenceStartS: 12, timeFactor: 1, frequencyFactor: 1 },
  { name: 'an excerpt under white noise at 10 dB SNR', query: () => addWhiteNoise(excerpt(original, 12), 10, 1), referenceStartS: 12, timeFactor: 1, frequencyFactor: 1 },
  { name: 'an excerpt under white noise at 0 dB SNR', query: () => addWhiteNoise(excerpt(original, 12), 0, 2), referenceStartS: 12, timeFactor: 1, frequencyFactor: 1 },
  { name: 'an excerpt through a telephone band (300-3400 Hz)', query: () => bandPass(excerpt(original, 20), rate, 300, 3400), referenceStartS: 20, timeFactor: 1, frequencyFactor: 1 },
  { name: 'an excerpt with reverb', query: () => addReverb(excerpt(original, 5), rate), referenceStartS: 5, timeFactor: 1, frequencyFactor: 1 },
  {
    name: 'an excerpt sped up 5 % (pitch and tempo)',
    query: () => excerpt(synthesizeMelody({ seed, durationS: 40, sampleRate: rate, pitchFactor: 1.05, tempoFactor: 1.05 }), 10),
    referenceStartS: 10.5, timeFactor: 1.05, frequencyFactor: 1.05,
  },
  {
    name: 'an excerpt slowed down 5 % (pitch and tempo)',
    query: () => excerpt(synthesizeMelody({ seed, durationS: 40, sampleRate: rate, pitchFactor: 0.95, tempoFactor: 0.95 }), 10),
    referenceStartS: 9.5, timeFactor: 0.95, frequencyFactor: 0.95,
  },
  {
    name: 'an excerpt at tempo ×1.05 with the pitch kept',
    query: () => excerpt(synthesizeMelody({ seed, durationS: 40, sampleRate: rate, tempoFactor: 1.05 }), 10),
    referenceStartS: 10.5, timeFactor: 1.05, frequencyFactor: 1,
  },
  {
    name: 'an excerpt pitched up one semitone with the tempo kept',
    query: () => excerpt(synthesizeMelody({ seed, durationS: 40, sampleRate: rate, pitchFactor: 2 ** (1 / 12) }), 10),
    referenceStartS: 10, timeFactor: 1, frequencyFactor: 2 ** (1 / 12),
  },
  {
    name: 'an excerpt pitched down one semitone with the tempo kept',
    query: () => excerpt(synthesizeMelody({ seed, durationS: 40, sampleRate: rate, pitchFactor: 2 ** (-1 / 12) }), 10),
    referenceStartS: 10, timeFactor: 1, frequencyFactor: 2 ** (-1 / 12),
  },
];

for (const c of cases) {
  test(`identifies ${c.name} as the right recording at the right place`, async () => {
    const matches = await identifyExcerpt(c.query());
    assert.equal(matches.length, 1, JSON.stringify(matches.map((m) => [m.recording.isrc, m.score])));
    const [match] = matches;
    assert.equal(match.recording.isrc, 'ZZCLF2600013');
    assert.ok(Math.abs(match.referenceOffsetS - match.queryOffsetS * match.timeFactor - c.referenceStartS) < 0.1, `reference offset ${match.referenceOffsetS}`);
    assert.ok(Math.abs(match.timeFactor - c.timeFactor) < 0.01, `time factor ${match.timeFactor}`);
    assert.ok(Math.abs(match.frequencyFactor - c.frequencyFactor) < 0.02, `frequency factor ${match.frequencyFactor}`);
    assert.ok(match.matchedS > 7, `matched ${match.matchedS} s`);
  });
}

test('finds nothing in music that was never indexed', async () => {
  for (const negative of [101, 102, 103, 104, 105, 106, 107, 108]) {
    const samples = synthesizeMelody({ seed: negative, durationS: 20, sampleRate: rate });
    assert.deepEqual(await identifyExcerpt(excerpt(samples, 5)), [], `seed ${negative}`);
  }
});

test('finds nothing in noise or silence', async () => {
  const noise = addWhiteNoise(new Float32Array(10 * rate), 0, 9).map((v) => v * 1e-3);
  assert.deepEqual(await identifyExcerpt(noise), []);
  assert.deepEqual(await identifyExcerpt(new Float32Array(10 * rate)), []);
});
