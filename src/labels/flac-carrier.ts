import { AIGC_FIELD } from './aigc-label.js';
import { sha256Base64Url } from './audio-digest.js';
import type { LabelCarrier } from './label-carrier.js';
import { FLAC_VORBIS_COMMENT, formatFlac, parseFlacLayout, type FlacBlock } from './flac-metadata.js';
import { formatVorbisComment, getVorbisCommentValue, parseVorbisComment, setVorbisCommentValue, type VorbisComment } from './vorbis-comment.js';

function commentOf(block: FlacBlock | undefined): VorbisComment | undefined {
  return block && parseVorbisComment(block.body, 0, 'FLAC VORBIS_COMMENT').comment;
}

/**
 * FLAC: the label is the Vorbis comment `AIGC` in the VORBIS_COMMENT block (made after STREAMINFO when
 * missing). The audio digest covers the STREAMINFO body then every byte after the last metadata block
 * (the audio frames), so tags, pictures, padding and a leading ID3v2 tag may change freely.
 */
export const flacCarrier: LabelCarrier = {
  format: 'flac',
  mimeType: 'audio/flac',
  readAigc(bytes) {
    const comment = commentOf(parseFlacLayout(bytes).blocks.find((b) => b.type === FLAC_VORBIS_COMMENT));
    return comment && getVorbisCommentValue(comment, AIGC_FIELD);
  },
  writeAigc(bytes, json) {
    const layout = parseFlacLayout(bytes);
    const existing = layout.blocks.find((b) => b.type === FLAC_VORBIS_COMMENT);
    const comment = setVorbisCommentValue(commentOf(existing) ?? { vendor: 'Clef', comments: [] }, AIGC_FIELD, json);
    const block: FlacBlock = { type: FLAC_VORBIS_COMMENT, body: formatVorbisComment(comment) };
    const blocks = existing
      ? layout.blocks.map((b) => (b === existing ? block : b))
      : [layout.blocks[0], block, ...layout.blocks.slice(1)];
    return formatFlac(layout.prefix, blocks, bytes.subarray(layout.audioOffset));
  },
  audioPayloadDigest(bytes) {
    const layout = parseFlacLayout(bytes);
    return sha256Base64Url([layout.blocks[0].body, bytes.subarray(layout.audioOffset)]);
  },
};
