import { formatAigcJson, parseAigcJson, type AigcLabel } from './aigc-label.js';
import { carrierOf } from './audio-format.js';
import type { LabelledFormat } from './label-carrier.js';

/** What a file carries as its implicit label: its format, the AIGC label if any and the audio digest. */
export interface ImplicitLabelReading {
  readonly format: LabelledFormat;
  readonly label?: AigcLabel;
  readonly audioDigest: string;
}

/** Reads the AIGC implicit label (plain or wrapped JSON) and digests the audio payload. */
export function readImplicitLabel(bytes: Uint8Array): ImplicitLabelReading {
  const carrier = carrierOf(bytes);
  const text = carrier.readAigc(bytes);
  return { format: carrier.format, label: text === undefined ? undefined : parseAigcJson(text), audioDigest: carrier.audioPayloadDigest(bytes) };
}

/** A copy of the file with its AIGC field set to this label; the audio payload and other metadata are kept. */
export function writeImplicitLabel(bytes: Uint8Array, label: AigcLabel): Uint8Array {
  return carrierOf(bytes).writeAigc(bytes, formatAigcJson(label));
}
