import createPffft from '@echogarden/pffft-wasm/simd';
import type { PffftModule } from '@echogarden/pffft-wasm/simd';

/** A real-input FFT of one fixed size that writes the power spectrum of a frame. */
export interface RealFft {
  readonly size: number;
  /** The FFT's input (length `size`): a frame is written here in place, with no copy, before `powerSpectrum`. */
  input(): Float32Array;
  /** Transforms the input and writes |X[k]|² for k = `fromBin` .. `toBin` (default 0 .. size/2) into `power[k]`. */
  powerSpectrum(power: Float32Array, fromBin?: number, toBin?: number): void;
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
  // Views are remade only when a WASM memory growth has replaced the heap.
  let heap = wasm.HEAPF32;
  let inputView = heap.subarray(input >> 2, (input >> 2) + size);
  const current = () => {
    if (wasm.HEAPF32 !== heap) {
      heap = wasm.HEAPF32;
      inputView = heap.subarray(input >> 2, (input >> 2) + size);
    }
  };
  return {
    size,
    input() {
      current();
      return inputView;
    },
    powerSpectrum(power, fromBin = 0, toBin = half) {
      wasm._pffft_transform_ordered(setup, input, output, work, 0);
      current();
      const h = heap;
      const o = output >> 2;
      // Ordered real output: [X0, X(N/2), re1, im1, re2, im2, ...].
      const first = Math.max(1, fromBin);
      const last = Math.min(half - 1, toBin);
      if (fromBin === 0) power[0] = h[o] * h[o];
      if (toBin >= half) power[half] = h[o + 1] * h[o + 1];
      for (let k = first, at = o + 2 * first; k <= last; k++, at += 2) {
        const re = h[at];
        const im = h[at + 1];
        power[k] = re * re + im * im;
      }
    },
  };
}
