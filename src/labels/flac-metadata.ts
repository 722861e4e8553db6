import { fileMalformed } from './file-malformed.js';
import { id3TagLengthAt } from './id3v2-tag.js';

/** FLAC metadata block types Clef cares about. */
export const FLAC_STREAMINFO = 0;
/** The VORBIS_COMMENT block type. */
export const FLAC_VORBIS_COMMENT = 4;

/** One FLAC metadata block: its type and its body as stored. */
export interface FlacBlock {
  readonly type: number;
  readonly body: Uint8Array;
}

/** A FLAC file split into an optional leading ID3v2 tag, its metadata blocks and the audio frames. */
export interface FlacLayout {
  readonly prefix: Uint8Array;
  readonly blocks: readonly FlacBlock[];
  readonly audioOffset: number;
}

/** Splits a FLAC file, refusing block lengths that run past the file. */
export function parseFlacLayout(bytes: Uint8Array): FlacLayout {
  const start = id3TagLengthAt(bytes, 0);
  if (bytes.length < start + 8 || String.fromCharCode(...bytes.subarray(start, start + 4)) !== 'fLaC') throw fileMalformed('FLAC', start, 'no fLaC marker');
  const blocks: FlacBlock[] = [];
  let at = start + 4;
  for (let last = false; !last; ) {
    if (at + 4 > bytes.length) throw fileMalformed('FLAC', at, 'truncated metadata block header');
    last = (bytes[at] & 0x80) !== 0;
    const type = bytes[at] & 0x7f;
    const length = (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
    if (at + 4 + length > bytes.length) throw fileMalformed('FLAC', at, `metadata block of type ${type} declares ${length} bytes but only ${bytes.length - at - 4} remain`);
    if (type === 127) throw fileMalformed('FLAC', at, 'invalid metadata block type 127');
    blocks.push({ type, body: bytes.subarray(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  if (blocks[0].type !== FLAC_STREAMINFO || blocks[0].body.length !== 34) throw fileMalformed('FLAC', start + 4, 'the first metadata block is not a 34-byte STREAMINFO');
  return { prefix: bytes.subarray(0, start), blocks, audioOffset: at };
}

/** Serializes a FLAC file from its prefix, blocks (the last one flagged) and audio frames. */
export function formatFlac(prefix: Uint8Array, blocks: readonly FlacBlock[], audio: Uint8Array): Uint8Array {
  const size = prefix.length + 4 + blocks.reduce((n, b) => n + 4 + b.body.length, 0) + audio.length;
  const out = new Uint8Array(size);
  out.set(prefix, 0);
  let at = prefix.length;
  out.set([0x66, 0x4c, 0x61, 0x43], at);
  at += 4;
  blocks.forEach((block, i) => {
    if (block.body.length > 0xffffff) throw fileMalformed('FLAC', at, 'metadata block over 16 MiB');
    out.set([(i === blocks.length - 1 ? 0x80 : 0) | block.type, block.body.length >> 16, (block.body.length >> 8) & 0xff, block.body.length & 0xff], at);
    out.set(block.body, at + 4);
    at += 4 + block.body.length;
  });
  out.set(audio, at);
  return out;
}
