import { ClefError } from '../errors/clef-error.js';
import { extractPeaks, frameCountOf } from './extract-peaks.js';
import { defaultFingerprintParams, type FingerprintParams } from './fingerprint-params.js';
import { loadRealFft } from './real-fft.js';
import type { Peak } from './spectral-peaks.js';

/** The spectral peaks of a signal with its length; hashes are derived from the peaks under a transform. */
export interface SignalFingerprint {
  readonly peaks: readonly Peak[];
  readonly frameCount: number;
  readonly durationS: number;
}

/** Fingerprints a mono signal sampled at the settings' rate; throws CLEF_AUDIO_TOO_SHORT below one window. */
export async function fingerprintSignal(samples: Float32Array, params: FingerprintParams = defaultFingerprintParams): Promise<SignalFingerprint> {
  const frameCount = frameCountOf(samples.length, params);
  if (frameCount === 0) throw new ClefError('CLEF_AUDIO_TOO_SHORT', `audio of ${samples.length} samples is shorter than one analysis window`);
  const fft = await loadRealFft(params.windowSize);
  return { peaks: extractPeaks(samples, fft, params), frameCount, durationS: samples.length / params.sampleRate };
}
