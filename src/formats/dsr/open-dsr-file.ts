import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { DsrSource } from './parse-dsr-file.js';

/**
 * The edge that reads a DSR file from disk: `.tsv` as it is, `.tsv.gz` decompressed while streaming,
 * in 1 MiB chunks, never the whole file in memory.
 */
export function openDsrFile(path: string): DsrSource {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const chunks = /\.gz$/i.test(path) ? stream.pipe(createGunzip({ chunkSize: 1 << 20 })) : stream;
  stream.on('error', (error) => chunks.destroy(error));
  return { name: basename(path), chunks };
}
