/** The audio formats that can carry a label. */
export type LabelledFormat = 'wav' | 'mp3' | 'flac' | 'ogg';

/**
 * How one container carries the implicit label: read and write the AIGC field, and digest the audio
 * payload (the bytes that metadata edits do not change; each carrier documents which).
 */
export interface LabelCarrier {
  readonly format: LabelledFormat;
  readonly mimeType: string;
  readAigc(bytes: Uint8Array): string | undefined;
  writeAigc(bytes: Uint8Array, json: string): Uint8Array;
  audioPayloadDigest(bytes: Uint8Array): string;
}
