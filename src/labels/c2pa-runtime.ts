import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as c2pa from '@contentauth/c2pa-wasm';

/** A minimal Blob look-alike over bytes: what the library's `sign` reads through FileReaderSync in Node. */
export interface BytesBlob {
  readonly size: number;
  readonly type: string;
  readonly bytes: Uint8Array;
  slice(start?: number, end?: number): BytesBlob;
}

/** Wraps bytes as a blob-like object the C2PA library can read in Node (a real Node Blob fails there). */
export function bytesBlob(bytes: Uint8Array): BytesBlob {
  return {
    size: bytes.length,
    type: '',
    bytes,
    slice: (start = 0, end = bytes.length) => bytesBlob(bytes.subarray(start, end)),
  };
}

let loaded = false;

/**
 * The reference C2PA library, loaded once: its WASM read from node_modules, and `FileReaderSync`
 * (browser-only) defined for the blob-like objects above, which `sign` reads its input through.
 */
export function c2paLibrary(): typeof c2pa {
  if (!loaded) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm'));
    c2pa.initSync({ module: wasm });
    const scope = globalThis as { FileReaderSync?: unknown };
    scope.FileReaderSync ??= class {
      readAsArrayBuffer(blob: BytesBlob): ArrayBuffer {
        return blob.bytes.slice().buffer;
      }
    };
    loaded = true;
  }
  return c2pa;
}
