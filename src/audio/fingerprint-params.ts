/** The analysis settings shared by indexing and querying; an index is only valid for the settings it was built with. */
export interface FingerprintParams {
  /** Rate every signal is resampled to before analysis, in Hz. */
  readonly sampleRate: number;
  /** FFT window length in samples (Hann). */
  readonly windowSize: number;
  /** Hop between frames in samples; one frame is the time unit of peaks, hashes and offsets. */
  readonly hop: number;
  /** Lowest and highest analysed frequency in Hz. */
  readonly minHz: number;
  readonly maxHz: number;
  /** Log-frequency resolution: a pitch shift is then a constant band shift. */
  readonly bandsPerOctave: number;
  /** Half sizes of the 2-D maximum filter that picks peaks, in frames and bands. */
  readonly peakFrames: number;
  readonly peakBands: number;
  /** A peak must stand this far (natural log of power) above the mean of its frame. */
  readonly peakMinContrast: number;
  /** Target zone of a landmark pair: time distance range in frames, band distance limit, and pairs per anchor. */
  readonly pairMinFrames: number;
  readonly pairMaxFrames: number;
  readonly pairMaxBands: number;
  readonly fanOut: number;
}

/** Clef's default settings: mono 16 kHz, 1024-sample Hann window, hop 128 (8 ms), 36 bands per octave from 100 Hz to 4 kHz. */
export const defaultFingerprintParams: FingerprintParams = {
  sampleRate: 16000,
  windowSize: 1024,
  hop: 128,
  minHz: 100,
  maxHz: 4000,
  bandsPerOctave: 36,
  peakFrames: 12,
  peakBands: 6,
  peakMinContrast: 1.5,
  pairMinFrames: 2,
  pairMaxFrames: 63,
  pairMaxBands: 31,
  fanOut: 4,
};

/** Number of log-frequency bands the settings produce. */
export function bandCount(params: FingerprintParams): number {
  return Math.floor(params.bandsPerOctave * Math.log2(params.maxHz / params.minHz)) + 1;
}

/** Seconds per analysis frame. */
export function frameSeconds(params: FingerprintParams): number {
  return params.hop / params.sampleRate;
}
