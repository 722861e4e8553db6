import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ClefError } from '../errors/clef-error.js';
import { writeOutputFile } from '../formats/output/index.js';

/** The largest audio file labels read (a label never needs more than the file itself in memory). */
export const MAX_LABEL_FILE_BYTES = 1024 * 1024 * 1024;

/** Reads an audio file whole, refusing a missing or oversized one with a clear error. */
export function readAudioFile(path: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new ClefError('CLEF_FILE_UNREADABLE', `cannot open: ${(error as Error).message}`, { file: path });
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_LABEL_FILE_BYTES) throw new ClefError('CLEF_FILE_UNREADABLE', `${size} bytes is over the ${MAX_LABEL_FILE_BYTES}-byte limit for labeling`, { file: path });
    const bytes = new Uint8Array(size);
    for (let at = 0; at < size; ) {
      const read = readSync(fd, bytes, at, size - at, at);
      if (read === 0) throw new ClefError('CLEF_FILE_UNREADABLE', 'the file shrank while it was read', { file: path });
      at += read;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Writes a labeled file through a temporary name and a rename, so a failure leaves no half-written output. */
export function writeAudioFile(path: string, bytes: Uint8Array): void {
  writeOutputFile(path, bytes);
}
