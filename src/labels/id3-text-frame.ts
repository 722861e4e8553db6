import type { Id3Frame } from './id3v2-tag.js';
import { removeUnsynchronisation } from './id3v2-tag.js';

function decodeText(encoding: number, bytes: Uint8Array): string {
  if (encoding === 0) return String.fromCharCode(...bytes);
  if (encoding === 1) {
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    return new TextDecoder('utf-16le').decode(bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2) : bytes);
  }
  if (encoding === 2) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

function terminatorAt(encoding: number, bytes: Uint8Array): number {
  const wide = encoding === 1 || encoding === 2;
  for (let i = 0; i + (wide ? 1 : 0) < bytes.length; i += wide ? 2 : 1) {
    if (bytes[i] === 0 && (!wide || bytes[i + 1] === 0)) return i;
  }
  return -1;
}

/** The body of a frame as written, without the 2.4 per-frame unsynchronisation, grouping and length prefixes; undefined if compressed or encrypted. */
function plainBody(frame: Id3Frame, version: 3 | 4): Uint8Array | undefined {
  let body = frame.body;
  if (version === 3) {
    if (frame.flags & 0x00c0) return undefined;
    return frame.flags & 0x0020 ? body.subarray(1) : body;
  }
  if (frame.flags & 0x000c) return undefined;
  if (frame.flags & 0x0040) body = body.subarray(1);
  if (frame.flags & 0x0001) body = body.subarray(4);
  return frame.flags & 0x0002 ? removeUnsynchronisation(body) : body;
}

/** The description and value of a TXXX (user-defined text) frame, or undefined when it is not one or cannot be read. */
export function readTxxxFrame(frame: Id3Frame, version: 3 | 4): { description: string; value: string } | undefined {
  if (frame.id !== 'TXXX') return undefined;
  const body = plainBody(frame, version);
  if (!body || body.length < 1 || body[0] > 3) return undefined;
  const encoding = body[0];
  const rest = body.subarray(1);
  const end = terminatorAt(encoding, rest);
  if (end < 0) return undefined;
  const description = decodeText(encoding, rest.subarray(0, end));
  let value = rest.subarray(end + (encoding === 1 || encoding === 2 ? 2 : 1));
  const valueEnd = terminatorAt(encoding, value);
  if (valueEnd >= 0) value = value.subarray(0, valueEnd);
  return { description, value: decodeText(encoding, value) };
}

/** A TXXX frame with this description and value: UTF-8 in ID3v2.4, UTF-16 with a byte order mark in 2.3. */
export function makeTxxxFrame(version: 3 | 4, description: string, value: string): Id3Frame {
  if (version === 4) {
    const utf8 = new TextEncoder();
    const d = utf8.encode(description);
    const v = utf8.encode(value);
    const body = new Uint8Array(2 + d.length + v.length);
    body[0] = 3;
    body.set(d, 1);
    body.set(v, 2 + d.length);
    return { id: 'TXXX', flags: 0, body };
  }
  const utf16 = (s: string): Uint8Array => {
    const out = new Uint8Array(2 + s.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      out[2 + i * 2] = s.charCodeAt(i) & 0xff;
      out[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    return out;
  };
  const d = utf16(description);
  const v = utf16(value);
  const body = new Uint8Array(1 + d.length + 2 + v.length);
  body[0] = 1;
  body.set(d, 1);
  body.set(v, 3 + d.length);
  return { id: 'TXXX', flags: 0, body };
}
