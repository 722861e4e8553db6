import { fileMalformed } from './file-malformed.js';

/** A Vorbis comment block: the vendor string and the `NAME=value` comments in order. */
export interface VorbisComment {
  readonly vendor: string;
  readonly comments: readonly string[];
}

/**
 * Reads a Vorbis comment starting at `at`; every length is checked against the bytes left, so a
 * huge declared count or length is refused instead of allocated. Returns the comment and where it ends.
 */
export function parseVorbisComment(bytes: Uint8Array, at: number, format: string, fileOffset = 0): { comment: VorbisComment; end: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = new TextDecoder();
  const string = (where: number, what: string): { text: string; next: number } => {
    if (where + 4 > bytes.length) throw fileMalformed(format, fileOffset + where, `truncated ${what} length`);
    const length = view.getUint32(where, true);
    if (where + 4 + length > bytes.length) throw fileMalformed(format, fileOffset + where, `${what} declares ${length} bytes but only ${bytes.length - where - 4} remain`);
    return { text: utf8.decode(bytes.subarray(where + 4, where + 4 + length)), next: where + 4 + length };
  };
  const vendor = string(at, 'vendor string');
  let next = vendor.next;
  if (next + 4 > bytes.length) throw fileMalformed(format, fileOffset + next, 'truncated comment count');
  const count = view.getUint32(next, true);
  if (count > (bytes.length - next - 4) / 4) throw fileMalformed(format, fileOffset + next, `comment count ${count} cannot fit in the block`);
  next += 4;
  const comments: string[] = [];
  for (let i = 0; i < count; i++) {
    const item = string(next, `comment ${i + 1}`);
    comments.push(item.text);
    next = item.next;
  }
  return { comment: { vendor: vendor.text, comments }, end: next };
}

/** Serializes a Vorbis comment (without the Ogg Vorbis framing bit, which the caller adds). */
export function formatVorbisComment(comment: VorbisComment): Uint8Array {
  const utf8 = new TextEncoder();
  const strings = [comment.vendor, ...comment.comments].map((s) => utf8.encode(s));
  const out = new Uint8Array(8 + strings.reduce((n, s) => n + 4 + s.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  strings.forEach((s, i) => {
    view.setUint32(at, s.length, true);
    out.set(s, at + 4);
    at += 4 + s.length;
    if (i === 0) {
      view.setUint32(at, comment.comments.length, true);
      at += 4;
    }
  });
  return out;
}

const nameOf = (entry: string): string => entry.slice(0, Math.max(0, entry.indexOf('='))).toUpperCase();

/** The value of the first comment with this name (names compare case-insensitively, as the spec says). */
export function getVorbisCommentValue(comment: VorbisComment, name: string): string | undefined {
  const entry = comment.comments.find((c) => nameOf(c) === name.toUpperCase());
  return entry?.slice(entry.indexOf('=') + 1);
}

/** The comment with every `name` entry replaced by one `name=value` in the first one's place (else appended). */
export function setVorbisCommentValue(comment: VorbisComment, name: string, value: string): VorbisComment {
  const entry = `${name}=${value}`;
  const index = comment.comments.findIndex((c) => nameOf(c) === name.toUpperCase());
  const kept = comment.comments.filter((c, i) => nameOf(c) !== name.toUpperCase() || i === index);
  return { vendor: comment.vendor, comments: index < 0 ? [...kept, entry] : kept.map((c) => (nameOf(c) === name.toUpperCase() ? entry : c)) };
}
