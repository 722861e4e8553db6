import { bandCount, type FingerprintParams } from './fingerprint-params.js';
import type { RealFft } from './real-fft.js';

/** A block of a log-frequency power spectrogram: `frameCount` rows of `bands` values (natural log of power), row-major. */
export interface LogSpectrogram {
  readonly firstFrame: number;
  readonly frameCount: number;
  readonly bands: number;
  readonly values: Float32Array;
}

interface BandMap {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly frac: Float32Array;
}

const bandMaps = new Map<string, BandMap>();

/**
 * How each log band reads the linear spectrum: bands narrower than an FFT bin interpolate between the two
 * nearest bins, wider ones take the maximum of the bins they cover.
 */
function bandMapFor(params: FingerprintParams): BandMap {
  const key = `${params.sampleRate}/${params.windowSize}/${params.minHz}/${params.maxHz}/${params.bandsPerOctave}`;
  const known = bandMaps.get(key);
  if (known) return known;
  const count = bandCount(params);
  const binHz = params.sampleRate / params.windowSize;
  const lo = new Int32Array(count);
  const hi = new Int32Array(count);
  const frac = new Float32Array(count);
  for (let b = 0; b < count; b++) {
    const centre = params.minHz * 2 ** (b / params.bandsPerOctave);
    const edgeLo = (centre * 2 ** (-0.5 / params.bandsPerOctave)) / binHz;
    const edgeHi = (centre * 2 ** (0.5 / params.bandsPerOctave)) / binHz;
    const first = Math.ceil(edgeLo);
    const last = Math.floor(edgeHi);
    if (last - first >= 1) {
      lo[b] = first;
      hi[b] = last;
      frac[b] = -1;
    } else {
      const x = centre / binHz;
      lo[b] = Math.floor(x);
      hi[b] = Math.floor(x) + 1;
      frac[b] = x - Math.floor(x);
    }
  }
  const map = { lo, hi, frac };
  bandMaps.set(key, map);
  return map;
}

const hannWindows = new Map<number, Float32Array>();

function hann(size: number): Float32Array {
  let window = hannWindows.get(size);
  if (!window) {
    window = new Float32Array(size);
    for (let i = 0; i < size; i++) window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
    hannWindows.set(size, window);
  }
  return window;
}

/**
 * Computes frames `firstFrame .. firstFrame + frameCount - 1` of the log-frequency spectrogram of a mono signal
 * at the settings' rate; frame f starts at sample f × hop, and samples outside the signal count as silence.
 */
export function computeLogSpectrogram(
  samples: Float32Array,
  fft: RealFft,
  params: FingerprintParams,
  firstFrame: number,
  frameCount: number,
): LogSpectrogram {
  const size = params.windowSize;
  const window = hann(size);
  const map = bandMapFor(params);
  const bands = map.lo.length;
  const values = new Float32Array(frameCount * bands);
  const frame = new Float32Array(size);
  const power = new Float32Array(size / 2 + 1);
  // A floor far below audible level keeps the logarithm finite in digital silence.
  const floor = 1e-9;
  for (let f = 0; f < frameCount; f++) {
    const start = (firstFrame + f) * params.hop;
    if (start >= 0 && start + size <= samples.length) {
      for (let i = 0; i < size; i++) frame[i] = samples[start + i] * window[i];
    } else {
      for (let i = 0; i < size; i++) {
        const s = start + i;
        frame[i] = s >= 0 && s < samples.length ? samples[s] * window[i] : 0;
      }
    }
    fft.powerSpectrum(frame, power);
    const row = f * bands;
    for (let b = 0; b < bands; b++) {
      let p: number;
      const fr = map.frac[b];
      if (fr < 0) {
        p = power[map.lo[b]];
        for (let k = map.lo[b] + 1; k <= map.hi[b]; k++) if (power[k] > p) p = power[k];
      } else {
        p = power[map.lo[b]] * (1 - fr) + power[map.hi[b]] * fr;
      }
      values[row + b] = Math.log(p + floor);
    }
  }
  return { firstFrame, frameCount, bands, values };
}
