import { AIGC_FIELD } from './aigc-label.js';
import { sha256Base64Url } from './audio-digest.js';
import type { LabelCarrier } from './label-carrier.js';
import { formatId3Tag, id3TagLengthAt, parseId3Tag } from './id3v2-tag.js';
import { makeTxxxFrame, readTxxxFrame } from './id3-text-frame.js';

const isAigcFrame = (frame: Parameters<typeof readTxxxFrame>[0], version: 3 | 4): boolean =>
  readTxxxFrame(frame, version)?.description.toUpperCase() === AIGC_FIELD;

/** The MPEG audio bytes: after the leading ID3v2 tags and before a trailing 128-byte ID3v1 tag. */
export function mp3AudioRange(bytes: Uint8Array): { start: number; end: number } {
  let start = 0;
  for (let length = id3TagLengthAt(bytes, 0); length > 0; length = id3TagLengthAt(bytes, start)) start += length;
  let end = bytes.length;
  if (end - start >= 128 && bytes[end - 128] === 0x54 && bytes[end - 127] === 0x41 && bytes[end - 126] === 0x47) end -= 128;
  return { start, end };
}

/**
 * MP3: the label is an ID3v2 `TXXX` frame with description `AIGC` in the leading tag (2.3 or 2.4,
 * a 2.4 tag is made when the file has none). The audio digest covers the MPEG audio bytes between
 * the leading ID3v2 tags and a trailing ID3v1 tag.
 */
export const mp3Carrier: LabelCarrier = {
  format: 'mp3',
  mimeType: 'audio/mpeg',
  readAigc(bytes) {
    const tag = parseId3Tag(bytes);
    if (!tag) return undefined;
    for (const frame of tag.frames) {
      const text = readTxxxFrame(frame, tag.version);
      if (text?.description.toUpperCase() === AIGC_FIELD) return text.value;
    }
    return undefined;
  },
  writeAigc(bytes, json) {
    const tag = parseId3Tag(bytes);
    const version = tag?.version ?? 4;
    const frames = (tag?.frames ?? []).filter((frame) => !isAigcFrame(frame, version));
    const head = formatId3Tag(version, [...frames, makeTxxxFrame(version, AIGC_FIELD, json)]);
    const rest = bytes.subarray(tag?.length ?? 0);
    const out = new Uint8Array(head.length + rest.length);
    out.set(head, 0);
    out.set(rest, head.length);
    return out;
  },
  audioPayloadDigest(bytes) {
    const { start, end } = mp3AudioRange(bytes);
    return sha256Base64Url([bytes.subarray(start, end)]);
  },
};
