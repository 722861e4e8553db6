import { AIGC_FIELD } from './aigc-label.js';
import { sha256Base64Url } from './audio-digest.js';
import type { LabelCarrier } from './label-carrier.js';
import { parseRiffChunks, readRiffChunk, setRiffChunk } from './riff-chunks.js';
import { fileMalformed } from './file-malformed.js';

/**
 * WAV: the label is the RIFF chunk `AIGC` (UTF-8 JSON). The audio digest covers the `fmt ` chunk's
 * data then the `data` chunk's data, so other chunks (LIST, AIGC, C2PA) may change freely.
 */
export const wavCarrier: LabelCarrier = {
  format: 'wav',
  mimeType: 'audio/wav',
  readAigc(bytes) {
    const data = readRiffChunk(bytes, AIGC_FIELD);
    return data && new TextDecoder().decode(data).replace(/\0+$/, '');
  },
  writeAigc(bytes, json) {
    return setRiffChunk(bytes, AIGC_FIELD, new TextEncoder().encode(json));
  },
  audioPayloadDigest(bytes) {
    const chunks = parseRiffChunks(bytes);
    const fmt = chunks.find((c) => c.id === 'fmt ');
    const data = chunks.find((c) => c.id === 'data');
    if (!fmt || !data) throw fileMalformed('WAV', 12, `no ${fmt ? 'data' : 'fmt '} chunk`);
    return sha256Base64Url([bytes.subarray(fmt.dataOffset, fmt.dataOffset + fmt.size), bytes.subarray(data.dataOffset, data.dataOffset + data.size)]);
  },
};
