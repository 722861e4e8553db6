import { fileMalformed } from './file-malformed.js';

/** One ID3v2 frame as stored: its id, its two flag bytes and its body (still in its stored form). */
export interface Id3Frame {
  readonly id: string;
  readonly flags: number;
  readonly body: Uint8Array;
}

/** An ID3v2.3 or 2.4 tag: its version, its frames and how many bytes it took in the file. */
export interface Id3Tag {
  readonly version: 3 | 4;
  readonly frames: readonly Id3Frame[];
  readonly length: number;
}

const syncsafe = (b: Uint8Array, at: number): number => ((b[at] & 0x7f) << 21) | ((b[at + 1] & 0x7f) << 14) | ((b[at + 2] & 0x7f) << 7) | (b[at + 3] & 0x7f);
const uint32 = (b: Uint8Array, at: number): number => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];

/** Reverses ID3 unsynchronisation (every 0xFF 0x00 back to 0xFF). */
export function removeUnsynchronisation(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    out[n++] = bytes[i];
    if (bytes[i] === 0xff && bytes[i + 1] === 0x00) i++;
  }
  return out.subarray(0, n);
}

/** The length in bytes of the ID3v2 tag at `at` (header, body and footer), or 0 when none starts there. */
export function id3TagLengthAt(bytes: Uint8Array, at: number): number {
  if (at + 10 > bytes.length || bytes[at] !== 0x49 || bytes[at + 1] !== 0x44 || bytes[at + 2] !== 0x33) return 0;
  if (bytes[at + 3] === 0xff || bytes[at + 4] === 0xff || (bytes[at + 6] | bytes[at + 7] | bytes[at + 8] | bytes[at + 9]) & 0x80) {
    throw fileMalformed('ID3v2', at, 'invalid tag header');
  }
  const length = 10 + syncsafe(bytes, at + 6) + (bytes[at + 5] & 0x10 ? 10 : 0);
  if (at + length > bytes.length) throw fileMalformed('ID3v2', at, `tag declares ${length} bytes but only ${bytes.length - at} remain`);
  return length;
}

/** Reads the ID3v2 tag at the start of the file, or undefined when there is none; v2.2 tags are refused for editing. */
export function parseId3Tag(bytes: Uint8Array): Id3Tag | undefined {
  const length = id3TagLengthAt(bytes, 0);
  if (length === 0) return undefined;
  const version = bytes[3];
  if (version !== 3 && version !== 4) throw fileMalformed('ID3v2', 3, `ID3v2.${version} tags are not supported`);
  const flags = bytes[5];
  let body = bytes.subarray(10, 10 + syncsafe(bytes, 6));
  if (version === 3 && flags & 0x80) body = removeUnsynchronisation(body);
  let at = 0;
  if (flags & 0x40) {
    if (body.length < 4) throw fileMalformed('ID3v2', 10, 'truncated extended header');
    at = version === 3 ? 4 + uint32(body, 0) : syncsafe(body, 0);
    if (at > body.length) throw fileMalformed('ID3v2', 10, 'extended header larger than the tag');
  }
  const frames: Id3Frame[] = [];
  while (at + 10 <= body.length && body[at] !== 0) {
    const id = String.fromCharCode(...body.subarray(at, at + 4));
    if (!/^[A-Z0-9]{4}$/.test(id)) throw fileMalformed('ID3v2', 10 + at, `invalid frame id "${id.replace(/[^\x20-\x7e]/g, '?')}"`);
    const size = version === 4 ? syncsafe(body, at + 4) : uint32(body, at + 4);
    if (at + 10 + size > body.length) throw fileMalformed('ID3v2', 10 + at, `frame ${id} declares ${size} bytes, past the end of the tag`);
    frames.push({ id, flags: (body[at + 8] << 8) | body[at + 9], body: body.subarray(at + 10, at + 10 + size) });
    at += 10 + size;
  }
  return { version, frames, length };
}

/** Serializes a tag: no unsynchronisation, extended header or footer, frames kept byte for byte. */
export function formatId3Tag(version: 3 | 4, frames: readonly Id3Frame[]): Uint8Array {
  const size = frames.reduce((n, f) => n + 10 + f.body.length, 0);
  const out = new Uint8Array(10 + size);
  out.set([0x49, 0x44, 0x33, version, 0, 0], 0);
  const putSize = (at: number, n: number, safe: boolean): void => {
    const bytes = safe ? [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f] : [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
    out.set(bytes, at);
  };
  putSize(6, size, true);
  let at = 10;
  for (const frame of frames) {
    out.set(new TextEncoder().encode(frame.id), at);
    putSize(at + 4, frame.body.length, version === 4);
    out.set([frame.flags >> 8, frame.flags & 0xff], at + 8);
    out.set(frame.body, at + 10);
    at += 10 + frame.body.length;
  }
  return out;
}
