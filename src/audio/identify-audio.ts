import { ClefError } from '../errors/clef-error.js';
import type { AudioIndex } from './audio-index.js';
import { loadAudioIndex } from './audio-index-store.js';
import { decodeAudioFile, type DecoderChoice } from './decode-audio-file.js';
import { fingerprintSignal } from './fingerprint-signal.js';
import { identifyPeaks, type IdentifyOptions } from './identify-peaks.js';
import { linkRecordings } from './link-recordings.js';
import { toMatchReport, type MatchReport } from './match-report.js';
import type { RecordingCatalogue } from './recording-catalogue.js';

/** The identification of one query file: its accepted matches, or the error that stopped it. */
export interface AudioIdentification {
  readonly file: string;
  readonly duration_s?: number;
  readonly matches: readonly MatchReport[];
  readonly error?: { readonly code: string; readonly message: string };
}

/** Where the index is and how to read queries. */
export interface IdentifyAudioRequest extends IdentifyOptions {
  readonly indexDir: string;
  readonly decoder?: DecoderChoice;
  readonly catalogue?: RecordingCatalogue;
}

/** Identifies one decoded file against a loaded index (a bad file becomes an error entry, not a failure). */
export async function identifyAudioFile(file: string, index: AudioIndex, request: Omit<IdentifyAudioRequest, 'indexDir'>): Promise<AudioIdentification> {
  try {
    const samples = await decodeAudioFile(file, index.params.sampleRate, request.decoder);
    const fingerprint = await fingerprintSignal(samples, index.params);
    const matches = identifyPeaks(fingerprint.peaks, index, request).map(toMatchReport);
    return { file, duration_s: Math.round(fingerprint.durationS * 1000) / 1000, matches };
  } catch (error) {
    if (!(error instanceof ClefError)) throw error;
    return { file, matches: [], error: { code: error.code, message: error.message } };
  }
}

/** Loads the index once (linking it to the registry when one is given) and identifies each query file. */
export async function identifyAudioFiles(files: readonly string[], request: IdentifyAudioRequest): Promise<AudioIdentification[]> {
  const index = await loadAudioIndex(request.indexDir);
  if (request.catalogue) await linkRecordings(index, request.catalogue);
  const results: AudioIdentification[] = [];
  for (const file of files) results.push(await identifyAudioFile(file, index, request));
  return results;
}
