import createPffft from '@echogarden/pffft-wasm/simd';
import type { PffftModule } from '@echogarden/pffft-wasm/simd';

/** A real-input FFT of one fixed size that writes the power spectrum of a frame. */
export interface RealFft {
  readonly size: number;
  /** Writes |X[k]|² for k = 0..size/2 of `frame` (length `size`) into `power` (length size/2 + 1). */
  powerSpectrum(frame: Float32Array, power: Float32Array): void;
}

let modulePromise: Promise<PffftModule> | undefined;
const loaded = new Map<number, Promise<RealFft>>();

/** Loads PFFFT (WASM, SIMD build) once and returns the real FFT of `size` points (a multiple of 32), shared per size. */
export function loadRealFft(size: number): Promise<RealFft> {
  let fft = loaded.get(size);
  if (!fft) {
    fft = createRealFft(size);
    loaded.set(size, fft);
  }
  return fft;
}

async function createRealFft(size: number): Promise<RealFft> {
  modulePromise ??= createPffft();
  const wasm = await modulePromise;
  const setup = wasm._pffft_new_setup(size, 0);
  const bytes = size * 4;
  const input = wasm._pffft_aligned_malloc(bytes);
  const output = wasm._pffft_aligned_malloc(bytes);
  const work = wasm._pffft_aligned_malloc(bytes);
  const half = size / 2;
  return {
    size,
    powerSpectrum(frame, power) {
      // The heap view is re-read on each call because a WASM memory growth replaces it.
      const heap = wasm.HEAPF32;
      heap.set(frame, input >> 2);
      wasm._pffft_transform_ordered(setup, input, output, work, 0);
      const o = output >> 2;
      // Ordered real output: [X0, X(N/2), re1, im1, re2, im2, ...].
      power[0] = heap[o] * heap[o];
      power[half] = heap[o + 1] * heap[o + 1];
      for (let k = 1; k < half; k++) {
        const re = heap[o + 2 * k];
        const im = heap[o + 2 * k + 1];
        power[k] = re * re + im * im;
      }
    },
  };
}
