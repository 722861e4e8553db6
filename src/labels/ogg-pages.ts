import { fileMalformed } from './file-malformed.js';

/** One Ogg page: where it is, its header fields and the lacing values of its segments. */
export interface OggPage {
  readonly offset: number;
  readonly length: number;
  readonly headerType: number;
  readonly granule: Uint8Array;
  readonly serial: number;
  readonly sequence: number;
  readonly lacing: Uint8Array;
  readonly data: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** The Ogg CRC-32 (polynomial 0x04C11DB7, not reflected, initial value 0) of the bytes. */
export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (let i = 0; i < bytes.length; i++) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ bytes[i]) & 0xff]) >>> 0;
  return crc;
}

/** Lists the pages of an Ogg file, checking capture patterns, sizes and CRCs. */
export function parseOggPages(bytes: Uint8Array): OggPage[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pages: OggPage[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 27 > bytes.length) throw fileMalformed('Ogg', at, 'truncated page header');
    if (view.getUint32(at) !== 0x4f676753 || bytes[at + 4] !== 0) throw fileMalformed('Ogg', at, 'no OggS capture pattern');
    const segments = bytes[at + 26];
    if (at + 27 + segments > bytes.length) throw fileMalformed('Ogg', at, 'truncated segment table');
    const lacing = bytes.subarray(at + 27, at + 27 + segments);
    const dataLength = lacing.reduce((n, v) => n + v, 0);
    const length = 27 + segments + dataLength;
    if (at + length > bytes.length) throw fileMalformed('Ogg', at, `page declares ${dataLength} data bytes but only ${bytes.length - at - 27 - segments} remain`);
    const copy = bytes.slice(at, at + length);
    copy.fill(0, 22, 26);
    if (oggCrc(copy) !== view.getUint32(at + 22, true)) throw fileMalformed('Ogg', at, 'page CRC mismatch');
    pages.push({
      offset: at, length, headerType: bytes[at + 5], granule: bytes.subarray(at + 6, at + 14),
      serial: view.getUint32(at + 14, true), sequence: view.getUint32(at + 18, true), lacing, data: bytes.subarray(at + 27 + segments, at + length),
    });
    at += length;
  }
  return pages;
}

/** Serializes one page and fills in its CRC. */
export function formatOggPage(page: Omit<OggPage, 'offset' | 'length'>): Uint8Array {
  const out = new Uint8Array(27 + page.lacing.length + page.data.length);
  const view = new DataView(out.buffer);
  out.set([0x4f, 0x67, 0x67, 0x53, 0, page.headerType], 0);
  out.set(page.granule, 6);
  view.setUint32(14, page.serial, true);
  view.setUint32(18, page.sequence, true);
  out[26] = page.lacing.length;
  out.set(page.lacing, 27);
  out.set(page.data, 27 + page.lacing.length);
  view.setUint32(22, oggCrc(out), true);
  return out;
}

/** Reassembles the packets carried by a run of pages (a packet left open at the end is dropped). */
export function* oggPackets(pages: Iterable<OggPage>): Generator<{ packet: Uint8Array; pageIndex: number }> {
  let parts: Uint8Array[] = [];
  let index = 0;
  for (const page of pages) {
    let at = 0;
    let start = 0;
    for (const value of page.lacing) {
      at += value;
      if (value < 255) {
        parts.push(page.data.subarray(start, at));
        const packet = parts.length === 1 ? parts[0] : concat(parts);
        parts = [];
        start = at;
        yield { packet, pageIndex: index };
      }
    }
    if (start < at) parts.push(page.data.subarray(start, at));
    index++;
  }
}

/** Concatenates byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Lays packets out on header pages (granule 0, continuation flags set), numbered from `firstSequence`. */
export function paginateHeaderPackets(packets: readonly Uint8Array[], serial: number, firstSequence: number): Uint8Array[] {
  const segments: { value: number; data: Uint8Array }[] = [];
  for (const packet of packets) {
    for (let at = 0; ; at += 255) {
      const piece = packet.subarray(at, Math.min(at + 255, packet.length));
      segments.push({ value: piece.length, data: piece });
      if (piece.length < 255) break;
    }
  }
  const pages: Uint8Array[] = [];
  let continued = false;
  for (let i = 0; i < segments.length; i += 255) {
    const run = segments.slice(i, i + 255);
    pages.push(formatOggPage({
      headerType: continued ? 1 : 0, granule: new Uint8Array(8), serial, sequence: firstSequence + pages.length,
      lacing: Uint8Array.from(run.map((s) => s.value)), data: concat(run.map((s) => s.data)),
    }));
    continued = run[run.length - 1].value === 255;
  }
  return pages;
}
