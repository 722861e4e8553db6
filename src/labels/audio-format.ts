import { ClefError } from '../errors/clef-error.js';
import type { LabelCarrier, LabelledFormat } from './label-carrier.js';
import { isRiffWave } from './riff-chunks.js';
import { id3TagLengthAt } from './id3v2-tag.js';
import { wavCarrier } from './wav-carrier.js';
import { mp3Carrier } from './mp3-carrier.js';
import { flacCarrier } from './flac-carrier.js';
import { oggCarrier } from './ogg-carrier.js';

const startsWith = (bytes: Uint8Array, at: number, text: string): boolean =>
  bytes.length >= at + text.length && [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** Recognizes a labelable format by its magic bytes (an ID3v2 tag in front of FLAC still reads as FLAC). */
export function detectAudioFormat(bytes: Uint8Array): LabelledFormat {
  if (isRiffWave(bytes)) return 'wav';
  if (startsWith(bytes, 0, 'OggS')) return 'ogg';
  if (startsWith(bytes, 0, 'fLaC')) return 'flac';
  if (startsWith(bytes, 0, 'ID3')) {
    const after = id3TagLengthAt(bytes, 0);
    return startsWith(bytes, after, 'fLaC') ? 'flac' : 'mp3';
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0) return 'mp3';
  throw new ClefError('CLEF_LABEL_FORMAT_UNSUPPORTED', 'not an MP3, WAV, FLAC or Ogg file');
}

const carriers: Record<LabelledFormat, LabelCarrier> = { wav: wavCarrier, mp3: mp3Carrier, flac: flacCarrier, ogg: oggCarrier };

/** The carrier of a file's format. */
export function carrierOf(bytes: Uint8Array): LabelCarrier {
  return carriers[detectAudioFormat(bytes)];
}
