import { fileMalformed } from './file-malformed.js';

/** One chunk of a RIFF/WAVE file: its four-character id and where its header and data are. */
export interface RiffChunk {
  readonly id: string;
  readonly offset: number;
  readonly dataOffset: number;
  readonly size: number;
}

const ascii = (bytes: Uint8Array, at: number, length: number): string => String.fromCharCode(...bytes.subarray(at, at + length));

/** True when the bytes start like a RIFF WAVE file. */
export function isRiffWave(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE';
}

/** Lists the top-level chunks of a WAVE file, refusing sizes that point outside the file. */
export function parseRiffChunks(bytes: Uint8Array): RiffChunk[] {
  if (!isRiffWave(bytes)) throw fileMalformed('WAV', 0, 'not a RIFF WAVE file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: RiffChunk[] = [];
  let at = 12;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) throw fileMalformed('WAV', at, 'truncated chunk header');
    const id = ascii(bytes, at, 4);
    const size = view.getUint32(at + 4, true);
    if (at + 8 + size > bytes.length) throw fileMalformed('WAV', at, `chunk "${id}" declares ${size} bytes but only ${bytes.length - at - 8} remain`);
    chunks.push({ id, offset: at, dataOffset: at + 8, size });
    at += 8 + size + (size % 2);
  }
  return chunks;
}

/** The data of the first chunk with this id, or undefined. */
export function readRiffChunk(bytes: Uint8Array, id: string): Uint8Array | undefined {
  const chunk = parseRiffChunks(bytes).find((c) => c.id === id);
  return chunk && bytes.subarray(chunk.dataOffset, chunk.dataOffset + chunk.size);
}

function chunkBytes(id: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + data.length + (data.length % 2));
  out.set(new TextEncoder().encode(id), 0);
  new DataView(out.buffer).setUint32(4, data.length, true);
  out.set(data, 8);
  return out;
}

/**
 * A copy of the file with the chunk `id` set to `data`: replaced where it was (other chunks of the
 * same id dropped), else appended; the RIFF size is rewritten. Every other byte is kept.
 */
export function setRiffChunk(bytes: Uint8Array, id: string, data: Uint8Array): Uint8Array {
  const chunks = parseRiffChunks(bytes);
  const parts: Uint8Array[] = [bytes.subarray(0, 12)];
  let placed = false;
  for (const chunk of chunks) {
    const end = Math.min(bytes.length, chunk.dataOffset + chunk.size + (chunk.size % 2));
    if (chunk.id !== id) parts.push(bytes.subarray(chunk.offset, end));
    else if (!placed) {
      parts.push(chunkBytes(id, data));
      placed = true;
    }
  }
  if (!placed) parts.push(chunkBytes(id, data));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  new DataView(out.buffer).setUint32(4, out.length - 8, true);
  return out;
}
