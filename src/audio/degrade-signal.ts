import { createSeededRandom } from '../random/index.js';

/** Adds white noise at a signal-to-noise ratio in dB (0: as loud as the signal), reproducibly for a seed. */
export function addWhiteNoise(samples: Float32Array, snrDb: number, seed: number): Float32Array {
  let power = 0;
  for (const v of samples) power += v * v;
  power /= Math.max(1, samples.length);
  // Uniform noise in [-a, a] has power a²/3.
  const amplitude = Math.sqrt((3 * power) / 10 ** (snrDb / 10));
  const random = createSeededRandom(seed);
  return samples.map((v) => v + amplitude * (2 * random() - 1));
}

/** One second-order (RBJ cookbook) filter section applied in place. */
function biquad(samples: Float32Array, b0: number, b1: number, b2: number, a1: number, a2: number): void {
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i];
    const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    samples[i] = y;
  }
}

function section(samples: Float32Array, kind: 'low' | 'high', hz: number, sampleRate: number): void {
  const w = (2 * Math.PI * hz) / sampleRate;
  const alpha = Math.sin(w) / (2 * Math.SQRT1_2);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  const b = kind === 'low' ? [(1 - cos) / 2, 1 - cos, (1 - cos) / 2] : [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2];
  biquad(samples, b[0] / a0, b[1] / a0, b[2] / a0, (-2 * cos) / a0, (1 - alpha) / a0);
}

/** Keeps only a frequency band (fourth-order Butterworth-like edges), e.g. 300–3400 Hz for a telephone line. */
export function bandPass(samples: Float32Array, sampleRate: number, lowHz: number, highHz: number): Float32Array {
  const out = samples.slice();
  section(out, 'high', lowHz, sampleRate);
  section(out, 'high', lowHz, sampleRate);
  section(out, 'low', highHz, sampleRate);
  section(out, 'low', highHz, sampleRate);
  return out;
}

/** A room reverb (Schroeder: four parallel feedback combs, two series allpasses) mixed with the dry signal. */
export function addReverb(samples: Float32Array, sampleRate: number, wet = 0.5): Float32Array {
  const combs = [0.0297, 0.0371, 0.0411, 0.0437].map((s) => Math.round(s * sampleRate));
  const tail = new Float32Array(samples.length);
  for (const delay of combs) {
    const line = new Float32Array(samples.length);
    for (let i = 0; i < samples.length; i++) line[i] = samples[i] + (i >= delay ? 0.84 * line[i - delay] : 0);
    for (let i = 0; i < samples.length; i++) tail[i] += line[i] / combs.length;
  }
  for (const delay of [0.005, 0.0017].map((s) => Math.round(s * sampleRate))) {
    const input = tail.slice();
    for (let i = 0; i < tail.length; i++) {
      const back = i >= delay ? tail[i - delay] : 0;
      const forward = i >= delay ? input[i - delay] : 0;
      tail[i] = -0.7 * input[i] + forward + 0.7 * back;
    }
  }
  return samples.map((v, i) => (1 - wet) * v + wet * tail[i]);
}
