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

/** Computes one row of the log-frequency spectrogram at a time. */
export interface LogBandAnalyzer {
  readonly bands: number;
  /** Writes the row of the frame whose window starts at `samples[start]` (the whole window must be there) to `out[at ..]`. */
  row(samples: Float32Array, start: number, out: Float32Array, at: number): void;
}

/**
 * The log-frequency analysis of the settings: Hann window, power spectrum, bands on a log axis, natural log.
 * Only the FFT bins the bands read are computed.
 */
export function createLogBandAnalyzer(fft: RealFft, params: FingerprintParams): LogBandAnalyzer {
  const size = params.windowSize;
  const window = hann(size);
  const { lo, hi, frac } = bandMapFor(params);
  const bands = lo.length;
  const power = new Float32Array(size / 2 + 1);
  const firstBin = Math.max(0, Math.min(...lo));
  const lastBin = Math.min(size / 2, Math.max(...hi));
  // A floor far below audible level keeps the logarithm finite in digital silence.
  const floor = 1e-9;
  return {
    bands,
    row(samples, start, out, at) {
      const input = fft.input();
      for (let i = 0; i < size; i++) input[i] = samples[start + i] * window[i];
      fft.powerSpectrum(power, firstBin, lastBin);
      for (let b = 0; b < bands; b++) {
        let p: number;
        const fr = frac[b];
        if (fr < 0) {
          const to = hi[b];
          p = power[lo[b]];
          for (let k = lo[b] + 1; k <= to; k++) if (power[k] > p) p = power[k];
        } else {
          p = power[lo[b]] * (1 - fr) + power[hi[b]] * fr;
        }
        out[at + b] = Math.log(p + floor);
      }
    },
  };
}
