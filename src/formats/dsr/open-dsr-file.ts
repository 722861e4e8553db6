import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ClefError, unreadableFileError } from '../../errors/index.js';
import type { DsrSource } from './parse-dsr-file.js';

/**
 * The edge that reads a DSR file from disk: `.tsv` as it is, `.tsv.gz` decompressed while streaming,
 * in 1 MiB chunks, never the whole file in memory. A file that is not gzip, truncated or with a bad CRC
 * ends the read with CLEF_FILE_UNREADABLE naming the file.
 */
export function openDsrFile(path: string): DsrSource {
  return { name: basename(path), chunks: readDsrBytes(path) };
}

// The file is opened when the reader starts, so an error opening it (a missing file) reaches the reader's
// loop instead of being emitted while nobody listens.
async function* readDsrBytes(path: string): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  // pipeline() listens for 'error' on both streams (a bare pipe() leaves the gunzip's errors unhandled, which
  // ends the process) and destroys the gunzip with the error, so this loop receives it.
  const chunks = /\.gz$/i.test(path) ? pipeline(stream, createGunzip({ chunkSize: 1 << 20 }), () => {}) : stream;
  try {
    yield* chunks;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_')) {
      throw new ClefError('CLEF_FILE_UNREADABLE', `${path} is not a complete gzip file (${(error as Error).message}): send it again or give the uncompressed .tsv`);
    }
    throw unreadableFileError(error, path) ?? error;
  }
}
