import type { FingerprintParams } from './fingerprint-params.js';
import type { LogSpectrogram } from './log-spectrogram.js';
import { maxFilter1d } from './max-filter.js';

/** A spectral peak: its frame, its band (fractional, refined by parabolic interpolation) and its log power. */
export interface Peak {
  readonly frame: number;
  readonly band: number;
  readonly value: number;
}

/**
 * Finds the local maxima of a spectrogram block under a 2-D maximum filter (the Shazam landmark method),
 * keeping only those between `fromFrame` and `toFrame` (exclusive) that stand out from their frame.
 */
export function findSpectralPeaks(
  spec: LogSpectrogram,
  params: FingerprintParams,
  fromFrame: number,
  toFrame: number,
): Peak[] {
  const { bands, frameCount, values } = spec;
  const filtered = new Float32Array(values.length);
  const scratch = new Float32Array(values.length);
  const longest = Math.max(bands, frameCount);
  const prefix = new Float32Array(longest);
  const suffix = new Float32Array(longest);
  for (let f = 0; f < frameCount; f++) maxFilter1d(values, scratch, f * bands, bands, 1, params.peakBands, prefix, suffix);
  for (let b = 0; b < bands; b++) maxFilter1d(scratch, filtered, b, frameCount, bands, params.peakFrames, prefix, suffix);

  const peaks: Peak[] = [];
  const first = Math.max(0, fromFrame - spec.firstFrame);
  const last = Math.min(frameCount, toFrame - spec.firstFrame);
  for (let f = first; f < last; f++) {
    const row = f * bands;
    let mean = 0;
    for (let b = 0; b < bands; b++) mean += values[row + b];
    mean /= bands;
    const threshold = mean + params.peakMinContrast;
    for (let b = 1; b < bands - 1; b++) {
      const v = values[row + b];
      if (v !== filtered[row + b] || v < threshold) continue;
      const left = values[row + b - 1];
      const right = values[row + b + 1];
      // A plateau (equal neighbour) is taken at its lowest band only.
      if (left === v) continue;
      const curvature = left - 2 * v + right;
      const delta = curvature < 0 ? (0.5 * (left - right)) / curvature : 0;
      peaks.push({ frame: spec.firstFrame + f, band: b + Math.max(-0.5, Math.min(0.5, delta)), value: v });
    }
  }
  return peaks;
}
