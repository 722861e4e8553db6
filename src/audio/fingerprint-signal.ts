import { ClefError } from '../errors/clef-error.js';
import { createPeakExtractor, type PeakExtractor } from './extract-peaks.js';
import { defaultFingerprintParams, type FingerprintParams } from './fingerprint-params.js';
import { loadRealFft } from './real-fft.js';
import type { Peak } from './spectral-peaks.js';

/** The spectral peaks of a signal with its length; hashes are derived from the peaks under a transform. */
export interface SignalFingerprint {
  readonly peaks: readonly Peak[];
  readonly frameCount: number;
  readonly durationS: number;
}

/** A fingerprint taken chunk by chunk: push the mono samples as they are decoded, then finish. */
export interface SignalFingerprinter {
  push(chunk: Float32Array): void;
  /** The fingerprint; throws CLEF_AUDIO_TOO_SHORT when the signal was shorter than one window. */
  finish(): SignalFingerprint;
}

/** Starts a streaming fingerprint of a mono signal sampled at the settings' rate. */
export async function createSignalFingerprinter(params: FingerprintParams = defaultFingerprintParams): Promise<SignalFingerprinter> {
  const extractor: PeakExtractor = createPeakExtractor(await loadRealFft(params.windowSize), params);
  return {
    push: (chunk) => extractor.push(chunk),
    finish() {
      const { peaks, frameCount, sampleCount } = extractor.finish();
      if (frameCount === 0) throw new ClefError('CLEF_AUDIO_TOO_SHORT', `audio of ${sampleCount} samples is shorter than one analysis window`);
      return { peaks, frameCount, durationS: sampleCount / params.sampleRate };
    },
  };
}

/** Fingerprints a whole mono signal sampled at the settings' rate; throws CLEF_AUDIO_TOO_SHORT below one window. */
export async function fingerprintSignal(samples: Float32Array, params: FingerprintParams = defaultFingerprintParams): Promise<SignalFingerprint> {
  const fingerprinter = await createSignalFingerprinter(params);
  fingerprinter.push(samples);
  return fingerprinter.finish();
}
