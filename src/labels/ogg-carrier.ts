import { AIGC_FIELD } from './aigc-label.js';
import { ClefError } from '../errors/clef-error.js';
import { fileMalformed } from './file-malformed.js';
import type { LabelCarrier } from './label-carrier.js';
import { concat, formatOggPage, oggPackets, paginateHeaderPackets, parseOggPages, type OggPage } from './ogg-pages.js';
import { formatVorbisComment, getVorbisCommentValue, parseVorbisComment, setVorbisCommentValue } from './vorbis-comment.js';
import { createHash } from 'node:crypto';

interface OggCodec {
  readonly name: string;
  readonly headerCount: number;
  /** The bytes before the Vorbis comment in the comment packet. */
  readonly commentMagic: Uint8Array;
  readonly framingBit: boolean;
}

const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const vorbis: OggCodec = { name: 'Vorbis', headerCount: 3, commentMagic: bytesOf('\x03vorbis'), framingBit: true };
const opus: OggCodec = { name: 'Opus', headerCount: 2, commentMagic: bytesOf('OpusTags'), framingBit: false };

const startsWith = (bytes: Uint8Array, magic: Uint8Array): boolean => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

interface OggHeaders {
  readonly pages: OggPage[];
  readonly codec: OggCodec;
  readonly packets: Uint8Array[];
  /** Index of the page where the last header packet ends. */
  readonly lastHeaderPage: number;
}

function readHeaders(bytes: Uint8Array): OggHeaders {
  const pages = parseOggPages(bytes);
  if (pages.length === 0) throw fileMalformed('Ogg', 0, 'no pages');
  if (pages.some((p) => p.serial !== pages[0].serial)) {
    throw new ClefError('CLEF_LABEL_FORMAT_UNSUPPORTED', 'multiplexed or chained Ogg streams cannot be labeled');
  }
  const packets: Uint8Array[] = [];
  let lastHeaderPage = -1;
  let codec: OggCodec | undefined;
  for (const { packet, pageIndex } of oggPackets(pages)) {
    if (packets.length === 0) {
      codec = startsWith(packet, bytesOf('\x01vorbis')) ? vorbis : startsWith(packet, bytesOf('OpusHead')) ? opus : undefined;
      if (!codec) throw new ClefError('CLEF_LABEL_FORMAT_UNSUPPORTED', 'only Ogg Vorbis and Ogg Opus can be labeled');
    }
    packets.push(packet);
    lastHeaderPage = pageIndex;
    if (packets.length === codec!.headerCount) break;
  }
  if (!codec || packets.length < codec.headerCount) throw fileMalformed('Ogg', 0, `the ${codec?.name ?? ''} header packets are incomplete`);
  if (!startsWith(packets[1], codec.commentMagic)) throw fileMalformed('Ogg', pages[1]?.offset ?? 0, `the second ${codec.name} packet is not a comment header`);
  const headerBytes = packets.slice(1).reduce((n, p) => n + p.length, 0);
  const pageBytes = pages.slice(1, lastHeaderPage + 1).reduce((n, p) => n + p.data.length, 0);
  if (pages[0].data.length !== packets[0].length || headerBytes !== pageBytes) {
    throw fileMalformed('Ogg', pages[0].offset, `the ${codec.name} header packets do not sit alone on their pages`);
  }
  return { pages, codec, packets, lastHeaderPage };
}

function commentOf(headers: OggHeaders): ReturnType<typeof parseVorbisComment> {
  return parseVorbisComment(headers.packets[1], headers.codec.commentMagic.length, `Ogg ${headers.codec.name} comment`);
}

/**
 * Ogg Vorbis and Ogg Opus: the label is the Vorbis comment `AIGC` in the comment header packet. The
 * audio digest covers every packet of the stream except that comment packet, each preceded by its
 * length as 8 bytes big-endian: packets, not pages, so re-paging the headers does not change it.
 */
export const oggCarrier: LabelCarrier = {
  format: 'ogg',
  mimeType: 'audio/ogg',
  readAigc(bytes) {
    return getVorbisCommentValue(commentOf(readHeaders(bytes)).comment, AIGC_FIELD);
  },
  writeAigc(bytes, json) {
    const headers = readHeaders(bytes);
    const { pages, codec, packets, lastHeaderPage } = headers;
    const { comment, end } = commentOf(headers);
    const old = packets[1];
    const rest = codec.framingBit ? old.subarray(end + 1) : old.subarray(end);
    const body = formatVorbisComment(setVorbisCommentValue(comment, AIGC_FIELD, json));
    const newComment = concat([codec.commentMagic, body, codec.framingBit ? Uint8Array.of(1) : new Uint8Array(), rest]);
    const headerPages = paginateHeaderPackets([newComment, ...packets.slice(2)], pages[0].serial, pages[0].sequence + 1);
    const shift = headerPages.length - lastHeaderPage;
    const audioPages = pages.slice(lastHeaderPage + 1).map((page) =>
      shift === 0 ? bytes.subarray(page.offset, page.offset + page.length) : formatOggPage({ ...page, sequence: page.sequence + shift }),
    );
    return concat([bytes.subarray(pages[0].offset, pages[0].offset + pages[0].length), ...headerPages, ...audioPages]);
  },
  audioPayloadDigest(bytes) {
    const pages = parseOggPages(bytes);
    const hash = createHash('sha256');
    const length = new DataView(new ArrayBuffer(8));
    let index = 0;
    for (const { packet } of oggPackets(pages)) {
      if (index++ === 1) continue;
      length.setBigUint64(0, BigInt(packet.length));
      hash.update(new Uint8Array(length.buffer));
      hash.update(packet);
    }
    return hash.digest('base64url');
  },
};
