import type { FingerprintParams } from './fingerprint-params.js';
import { computeLogSpectrogram } from './log-spectrogram.js';
import type { RealFft } from './real-fft.js';
import { findSpectralPeaks, type Peak } from './spectral-peaks.js';

const blockFrames = 4096;

/**
 * The spectral peaks of a whole mono signal at the settings' rate, in frame order. The spectrogram is computed
 * block by block (with the filter's reach on both sides) so memory stays bounded for hour-long recordings.
 */
export function extractPeaks(samples: Float32Array, fft: RealFft, params: FingerprintParams): Peak[] {
  const totalFrames = Math.max(0, Math.floor((samples.length - params.windowSize) / params.hop) + 1);
  const peaks: Peak[] = [];
  for (let start = 0; start < totalFrames; start += blockFrames) {
    const end = Math.min(totalFrames, start + blockFrames);
    const padFrom = Math.max(0, start - params.peakFrames);
    const padTo = Math.min(totalFrames, end + params.peakFrames);
    const spec = computeLogSpectrogram(samples, fft, params, padFrom, padTo - padFrom);
    for (const peak of findSpectralPeaks(spec, params, start, end)) peaks.push(peak);
  }
  return peaks;
}

/** Number of analysis frames in a signal of `sampleCount` samples. */
export function frameCountOf(sampleCount: number, params: FingerprintParams): number {
  return Math.max(0, Math.floor((sampleCount - params.windowSize) / params.hop) + 1);
}
