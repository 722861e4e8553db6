// Type declarations for the two Emscripten modules Clef uses, which ship without typings.

declare module '@echogarden/pffft-wasm/simd' {
  /** The PFFFT Emscripten module: a C heap and the pffft entry points. */
  export interface PffftModule {
    HEAPF32: Float32Array;
    _pffft_new_setup(size: number, transform: number): number;
    _pffft_destroy_setup(setup: number): void;
    _pffft_transform_ordered(setup: number, input: number, output: number, work: number, direction: number): void;
    _pffft_aligned_malloc(bytes: number): number;
    _pffft_aligned_free(pointer: number): void;
  }
  /** Instantiates the WASM module. */
  export default function createPffft(): Promise<PffftModule>;
}

declare module '@echogarden/speex-resampler-wasm/simd' {
  /** The Speex resampler Emscripten module: a C heap and the resampler entry points. */
  export interface SpeexModule {
    HEAPF32: Float32Array;
    HEAPU32: Uint32Array;
    HEAP32: Int32Array;
    _malloc(bytes: number): number;
    _free(pointer: number): void;
    _speex_resampler_init(channels: number, inRate: number, outRate: number, quality: number, errorPointer: number): number;
    _speex_resampler_destroy(state: number): void;
    _speex_resampler_process_float(state: number, channel: number, input: number, inLength: number, output: number, outLength: number): number;
    _speex_resampler_get_input_latency(state: number): number;
    _speex_resampler_skip_zeros(state: number): number;
  }
  /** Instantiates the WASM module. */
  export default function createSpeex(): Promise<SpeexModule>;
}
