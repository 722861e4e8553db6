import { ClefError } from '../errors/clef-error.js';
import { formatAigcJson, parseAigcJson, type AigcLabel } from './aigc-label.js';
import { labelManifestDefinition } from './c2pa-manifest.js';
import { CLEF_VERSION } from './issue-label.js';
import { c2paSignerFor, implicitLabelSigner, type LabelKeyring } from './label-keyring.js';
import { readC2pa } from './read-c2pa.js';
import { makeReservedCode } from './reserved-code.js';
import { makeRhythmCue } from './rhythm-cue.js';
import { parseRiffChunks, setRiffChunk } from './riff-chunks.js';
import { signC2pa } from './sign-c2pa.js';
import { carriedReservation, uniformReservation } from './training-mining.js';
import { wavCarrier } from './wav-carrier.js';

/** The audible notice to put at the start: Clef's rhythm cue, or a spoken notice supplied as a WAV file of the same format. */
export type AudibleCue = { readonly kind: 'rhythm' } | { readonly kind: 'spoken'; readonly wav: Uint8Array };

interface PcmFormat {
  readonly formatTag: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
}

function pcmFormat(bytes: Uint8Array, what: string): { format: PcmFormat; data: Uint8Array } {
  const chunks = parseRiffChunks(bytes);
  const fmt = chunks.find((c) => c.id === 'fmt ');
  const data = chunks.find((c) => c.id === 'data');
  if (!fmt || !data || fmt.size < 16) throw new ClefError('CLEF_LABEL_FILE_MALFORMED', `${what} has no fmt or data chunk`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + fmt.dataOffset, 16);
  const format = { formatTag: view.getUint16(0, true), channels: view.getUint16(2, true), sampleRate: view.getUint32(4, true), bitsPerSample: view.getUint16(14, true) };
  return { format, data: bytes.subarray(data.dataOffset, data.dataOffset + data.size) };
}

/** The rhythm cue in the file's own sample format (16-bit PCM or 32-bit float, every channel alike). */
function encodeCue(format: PcmFormat): Uint8Array {
  const pcm16 = format.formatTag === 1 && format.bitsPerSample === 16;
  const float32 = format.formatTag === 3 && format.bitsPerSample === 32;
  if (!pcm16 && !float32) throw new ClefError('CLEF_LABEL_FORMAT_UNSUPPORTED', 'the rhythm cue is written into 16-bit PCM or 32-bit float WAV only');
  const cue = makeRhythmCue(format.sampleRate);
  const width = pcm16 ? 2 : 4;
  const out = new Uint8Array(cue.length * format.channels * width);
  const view = new DataView(out.buffer);
  cue.forEach((sample, i) => {
    for (let c = 0; c < format.channels; c++) {
      const at = (i * format.channels + c) * width;
      if (pcm16) view.setInt16(at, Math.round(sample * 32767), true);
      else view.setFloat32(at, sample, true);
    }
  });
  return out;
}

/**
 * Makes the cued rendition of a labeled WAV file: the cue's samples before the music, the AIGC
 * reserved codes re-signed over the new audio, and a C2PA manifest with a `c2pa.edited` action
 * and the uncued labeled file as parent ingredient. MP3 and FLAC would need re-encoding, which Clef does not do.
 */
export async function addAudibleCue(bytes: Uint8Array, cue: AudibleCue, keyring: LabelKeyring, title: string): Promise<{ bytes: Uint8Array; aigc: AigcLabel }> {
  const text = wavCarrier.readAigc(bytes);
  if (text === undefined) throw new ClefError('CLEF_LABEL_NOT_LABELED', `${title} must be labeled before a cue is added`);
  const { format, data } = pcmFormat(bytes, title);
  let cueBytes: Uint8Array;
  if (cue.kind === 'rhythm') cueBytes = encodeCue(format);
  else {
    const spoken = pcmFormat(cue.wav, 'the spoken notice');
    if (JSON.stringify(spoken.format) !== JSON.stringify(format)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `the spoken notice must have the file's format (${JSON.stringify(format)})`);
    cueBytes = spoken.data;
  }
  const joined = new Uint8Array(cueBytes.length + data.length);
  joined.set(cueBytes, 0);
  joined.set(data, cueBytes.length);
  const cued = setRiffChunk(bytes, 'data', joined);
  const digest = wavCarrier.audioPayloadDigest(cued);
  const previous = parseAigcJson(text);
  const unsigned: AigcLabel = { ...previous, ReservedCode1: '', ReservedCode2: '' };
  const producerKey = implicitLabelSigner(keyring, previous.ContentProducer, 'producer');
  const propagatorKey = previous.ContentPropagator === previous.ContentProducer ? producerKey : implicitLabelSigner(keyring, previous.ContentPropagator, 'propagator');
  const aigc: AigcLabel = {
    ...unsigned,
    ReservedCode1: makeReservedCode(unsigned, 1, producerKey.signer, digest, producerKey.privateKey),
    ReservedCode2: makeReservedCode(unsigned, 2, propagatorKey.signer, digest, propagatorKey.privateKey),
  };
  const labelled = wavCarrier.writeAigc(cued, formatAigcJson(aigc));
  const before = await readC2pa(bytes, wavCarrier.mimeType, keyring.trustAnchorsPem);
  const trainingMining = carriedReservation(before.history[0]?.trainingMining, uniformReservation('notAllowed'));
  const definition = labelManifestDefinition({
    title, mimeType: wavCarrier.mimeType, trainingMining, cmo: keyring.cmoName, clefVersion: CLEF_VERSION,
    purpose: { kind: 'cued', cue: cue.kind === 'rhythm' ? 'rhythm cue short-long-short-short' : 'spoken notice' },
  });
  return { bytes: await signC2pa(labelled, wavCarrier.mimeType, definition, c2paSignerFor(keyring).identity, { bytes, title }), aigc };
}
