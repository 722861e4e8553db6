import type { FingerprintParams } from './fingerprint-params.js';
import type { LogSpectrogram } from './log-spectrogram.js';

/** A spectral peak: its frame, its band (fractional, refined by parabolic interpolation) and its log power. */
export interface Peak {
  readonly frame: number;
  readonly band: number;
  readonly value: number;
}

/**
 * Finds the local maxima of a spectrogram block under a 2-D maximum filter of ±`peakFrames` × ±`peakBands`
 * (the Shazam landmark method), keeping only those between `fromFrame` and `toFrame` (exclusive) that stand out
 * from their frame, and appends them to `out` in frame then band order. `bandMax` holds each row's running
 * maximum over ±`peakBands` (same layout as the spectrogram); the maximum over frames is only checked for the
 * few values that are the maximum of their own row's window and above the threshold, instead of filtering
 * every column.
 */
export function findSpectralPeaks(
  spec: LogSpectrogram,
  bandMax: Float32Array,
  params: FingerprintParams,
  fromFrame: number,
  toFrame: number,
  out: Peak[],
): void {
  const { bands, frameCount, values } = spec;
  const first = Math.max(0, fromFrame - spec.firstFrame);
  const last = Math.min(frameCount, toFrame - spec.firstFrame);
  for (let f = first; f < last; f++) {
    const row = f * bands;
    let mean = 0;
    for (let b = 0; b < bands; b++) mean += values[row + b];
    mean /= bands;
    const threshold = mean + params.peakMinContrast;
    const fLo = Math.max(0, f - params.peakFrames);
    const fHi = Math.min(frameCount - 1, f + params.peakFrames);
    for (let b = 1; b < bands - 1; b++) {
      const v = values[row + b];
      if (v < threshold || v !== bandMax[row + b]) continue;
      let highest = true;
      for (let g = fLo; g <= fHi; g++) {
        if (bandMax[g * bands + b] > v) {
          highest = false;
          break;
        }
      }
      if (!highest) continue;
      const left = values[row + b - 1];
      const right = values[row + b + 1];
      // A plateau (equal neighbour) is taken at its lowest band only.
      if (left === v) continue;
      const curvature = left - 2 * v + right;
      const delta = curvature < 0 ? (0.5 * (left - right)) / curvature : 0;
      out.push({ frame: spec.firstFrame + f, band: b + Math.max(-0.5, Math.min(0.5, delta)), value: v });
    }
  }
}
