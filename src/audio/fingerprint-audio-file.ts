import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { ClefError } from '../errors/clef-error.js';
import { decodeAudioStream, type DecoderChoice } from './decode-audio-file.js';
import type { FingerprintParams } from './fingerprint-params.js';
import { createSignalFingerprinter, type SignalFingerprint } from './fingerprint-signal.js';
import { landmarkHashes } from './landmark-hashes.js';

/** Decodes an audio file and fingerprints it as it is decoded (the whole signal is never held in memory). */
export async function fingerprintAudioFile(file: string, params: FingerprintParams, decoder: DecoderChoice = 'auto'): Promise<SignalFingerprint> {
  const fingerprinter = await createSignalFingerprinter(params);
  await decodeAudioStream(file, params.sampleRate, decoder, (chunk) => fingerprinter.push(chunk));
  return fingerprinter.finish();
}

/** The SHA-256 of a file's bytes, read as a stream. */
export async function digestFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  } catch (error) {
    throw new ClefError('CLEF_FILE_UNREADABLE', `cannot read: ${(error as Error).message}`, { file });
  }
  return hash.digest('hex');
}

/** What indexing needs of one file's audio: its landmark hashes with their anchor frames (from the file's start) and its length. */
export interface FileHashes {
  readonly hashes: Uint32Array;
  readonly frames: Uint32Array;
  readonly frameCount: number;
  readonly durationS: number;
}

/** A file's hashes for the index, or why it could not be decoded (a ClefError's code and message). */
export type IndexTaskResult = { readonly audio: FileHashes } | { readonly failure: { readonly code: string; readonly message: string } };

/** Decodes and hashes a file for the index; a file that cannot be decoded is reported as a failure, not thrown. */
export async function hashFileForIndex(file: string, params: FingerprintParams, decoder: DecoderChoice): Promise<IndexTaskResult> {
  try {
    const fingerprint = await fingerprintAudioFile(file, params, decoder);
    const pairs = landmarkHashes(fingerprint.peaks, params);
    return { audio: { hashes: pairs.hashes.slice(), frames: Uint32Array.from(pairs.frames), frameCount: fingerprint.frameCount, durationS: fingerprint.durationS } };
  } catch (error) {
    if (!(error instanceof ClefError)) throw error;
    return { failure: { code: error.code, message: error.message } };
  }
}
