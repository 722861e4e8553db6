import type { FingerprintParams } from './fingerprint-params.js';
import { createLogBandAnalyzer } from './log-spectrogram.js';
import { maxFilter1d } from './max-filter.js';
import type { RealFft } from './real-fft.js';
import { findSpectralPeaks, type Peak } from './spectral-peaks.js';

const blockFrames = 4096;

/**
 * Takes a mono signal at the settings' rate chunk by chunk and finds its spectral peaks as it goes, so a
 * recording of any length is fingerprinted in bounded memory: the samples of the frames not yet analysed, and
 * one block of spectrogram rows (4096 frames with the peak filter's reach on both sides).
 */
export interface PeakExtractor {
  push(chunk: Float32Array): void;
  /** Ends the signal: the last block is searched and the peaks (frame order) and frame count returned. */
  finish(): { peaks: Peak[]; frameCount: number; sampleCount: number };
}

/** A peak extractor for the settings; the result is the same whatever the chunk sizes. */
export function createPeakExtractor(fft: RealFft, params: FingerprintParams): PeakExtractor {
  const analyzer = createLogBandAnalyzer(fft, params);
  const { bands } = analyzer;
  const { hop, windowSize, peakFrames, peakBands } = params;
  const rowCapacity = blockFrames + 2 * peakFrames;
  const values = new Float32Array(rowCapacity * bands);
  const bandMax = new Float32Array(rowCapacity * bands);
  const prefix = new Float32Array(bands);
  const suffix = new Float32Array(bands);
  const peaks: Peak[] = [];
  let buffer = new Float32Array(0);
  let bufferStart = 0;
  let bufferLength = 0;
  let sampleCount = 0;
  let nextFrame = 0;
  let rowFirst = 0;
  let rowCount = 0;
  let blockStart = 0;

  /** Searches the block [blockStart, end) with the rows held, then keeps the rows the next block still reads. */
  const searchBlock = (end: number) => {
    findSpectralPeaks({ firstFrame: rowFirst, frameCount: rowCount, bands, values }, bandMax, params, blockStart, end, peaks);
    const keepFrom = Math.max(rowFirst, end - peakFrames);
    const drop = keepFrom - rowFirst;
    values.copyWithin(0, drop * bands, rowCount * bands);
    bandMax.copyWithin(0, drop * bands, rowCount * bands);
    rowFirst = keepFrom;
    rowCount -= drop;
    blockStart = end;
  };

  const analyse = (samples: Float32Array, samplesStart: number, samplesEnd: number) => {
    while (nextFrame * hop + windowSize <= samplesEnd) {
      const at = rowCount * bands;
      analyzer.row(samples, nextFrame * hop - samplesStart, values, at);
      maxFilter1d(values, bandMax, at, bands, peakBands, prefix, suffix);
      rowCount++;
      nextFrame++;
      if (nextFrame === blockStart + blockFrames + peakFrames) searchBlock(blockStart + blockFrames);
    }
  };

  return {
    push(chunk) {
      if (chunk.length === 0) return;
      const chunkStart = sampleCount;
      sampleCount += chunk.length;
      if (bufferLength === 0) {
        analyse(chunk, chunkStart, sampleCount);
        bufferStart = nextFrame * hop;
        const tail = chunk.subarray(Math.min(chunk.length, bufferStart - chunkStart));
        if (tail.length > buffer.length) buffer = new Float32Array(Math.max(tail.length, 2 * windowSize));
        buffer.set(tail);
        bufferLength = tail.length;
        return;
      }
      if (bufferLength + chunk.length > buffer.length) {
        const grown = new Float32Array(2 * (bufferLength + chunk.length));
        grown.set(buffer.subarray(0, bufferLength));
        buffer = grown;
      }
      buffer.set(chunk, bufferLength);
      bufferLength += chunk.length;
      analyse(buffer, bufferStart, bufferStart + bufferLength);
      const drop = Math.min(bufferLength, nextFrame * hop - bufferStart);
      buffer.copyWithin(0, drop, bufferLength);
      bufferLength -= drop;
      bufferStart += drop;
    },
    finish() {
      while (blockStart < nextFrame) searchBlock(Math.min(nextFrame, blockStart + blockFrames));
      buffer = new Float32Array(0);
      bufferLength = 0;
      return { peaks, frameCount: nextFrame, sampleCount };
    },
  };
}

/** Number of analysis frames in a signal of `sampleCount` samples. */
export function frameCountOf(sampleCount: number, params: FingerprintParams): number {
  return Math.max(0, Math.floor((sampleCount - params.windowSize) / params.hop) + 1);
}
