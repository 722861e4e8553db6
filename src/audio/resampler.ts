import createSpeex from '@echogarden/speex-resampler-wasm/simd';
import type { SpeexModule } from '@echogarden/speex-resampler-wasm/simd';

/** A streaming mono resampler: feed chunks, then flush once. */
export interface Resampler {
  process(chunk: Float32Array): Float32Array;
  /** Pushes out the samples still held in the filter; the resampler is freed afterwards. */
  flush(): Float32Array;
}

let modulePromise: Promise<SpeexModule> | undefined;
const chunkLimit = 1 << 16;

/** Creates a Speex resampler (quality 5 of 10, its default) from `fromRate` to `toRate` Hz. */
export async function createResampler(fromRate: number, toRate: number): Promise<Resampler> {
  if (fromRate === toRate) return { process: (chunk) => chunk.slice(), flush: () => new Float32Array(0) };
  modulePromise ??= createSpeex();
  const wasm = await modulePromise;
  const errorPointer = wasm._malloc(4);
  const state = wasm._speex_resampler_init(1, fromRate, toRate, 5, errorPointer);
  wasm._free(errorPointer);
  wasm._speex_resampler_skip_zeros(state);
  const outCapacity = Math.ceil((chunkLimit * toRate) / fromRate) + 64;
  const inPointer = wasm._malloc(chunkLimit * 4);
  const outPointer = wasm._malloc(outCapacity * 4);
  const lengths = wasm._malloc(8);

  function run(chunk: Float32Array): Float32Array {
    const parts: Float32Array[] = [];
    let total = 0;
    for (let start = 0; start < chunk.length; start += chunkLimit) {
      const piece = chunk.subarray(start, Math.min(chunk.length, start + chunkLimit));
      let offset = 0;
      while (offset < piece.length) {
        wasm.HEAPF32.set(piece.subarray(offset), inPointer >> 2);
        wasm.HEAPU32[lengths >> 2] = piece.length - offset;
        wasm.HEAPU32[(lengths >> 2) + 1] = outCapacity;
        wasm._speex_resampler_process_float(state, 0, inPointer, lengths, outPointer, lengths + 4);
        const consumed = wasm.HEAPU32[lengths >> 2];
        const produced = wasm.HEAPU32[(lengths >> 2) + 1];
        parts.push(wasm.HEAPF32.slice(outPointer >> 2, (outPointer >> 2) + produced));
        total += produced;
        offset += consumed;
        if (consumed === 0 && produced === 0) break;
      }
    }
    const out = new Float32Array(total);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  return {
    process: run,
    flush() {
      const tail = run(new Float32Array(wasm._speex_resampler_get_input_latency(state)));
      wasm._speex_resampler_destroy(state);
      wasm._free(inPointer);
      wasm._free(outPointer);
      wasm._free(lengths);
      return tail;
    },
  };
}

/** Resamples a whole mono signal from `fromRate` to `toRate` Hz. */
export async function resample(samples: Float32Array, fromRate: number, toRate: number): Promise<Float32Array> {
  const resampler = await createResampler(fromRate, toRate);
  const head = resampler.process(samples);
  const tail = resampler.flush();
  const out = new Float32Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}
