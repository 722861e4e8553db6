import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resample } from './resampler.js';

test('resamples a 1 kHz tone from 44.1 kHz to 16 kHz keeping its length and frequency', async () => {
  const from = 44100;
  const tone = new Float32Array(from).map((_, i) => Math.sin((2 * Math.PI * 1000 * i) / from));
  const out = await resample(tone, from, 16000);
  assert.ok(Math.abs(out.length - 16000) <= 2, `length ${out.length}`);
  let crossings = 0;
  for (let i = 1001; i < 15000; i++) if (out[i - 1] < 0 && out[i] >= 0) crossings++;
  // 14 000 samples at 16 kHz are 0.875 s: 875 cycles of a 1 kHz tone.
  assert.ok(Math.abs(crossings - 875) <= 1, `crossings ${crossings}`);
});
