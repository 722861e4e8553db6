import { availableParallelism } from 'node:os';
import { ClefError } from '../errors/clef-error.js';
import { lookupOf, type AudioIndex } from './audio-index.js';
import { loadAudioIndex } from './audio-index-store.js';
import { runAudioTasks } from './audio-worker-pool.js';
import type { DecoderChoice } from './decode-audio-file.js';
import { fingerprintAudioFile } from './fingerprint-audio-file.js';
import { buildHashIndex } from './hash-index.js';
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
  /** Worker threads for several files (default: one per core); 1 identifies in this thread. */
  readonly workers?: number;
}

/** Identifies one decoded file against a loaded index (a bad file becomes an error entry, not a failure). */
export async function identifyAudioFile(file: string, index: AudioIndex, request: Omit<IdentifyAudioRequest, 'indexDir'>): Promise<AudioIdentification> {
  try {
    const fingerprint = await fingerprintAudioFile(file, index.params, request.decoder);
    const matches = identifyPeaks(fingerprint.peaks, index, request).map(toMatchReport);
    return { file, duration_s: Math.round(fingerprint.durationS * 1000) / 1000, matches };
  } catch (error) {
    if (!(error instanceof ClefError)) throw error;
    return { file, matches: [], error: { code: error.code, message: error.message } };
  }
}

/**
 * Identifies each file against a loaded index, in file order. Several files are spread over worker threads
 * that share the index's lookup tables; `onDone` is called after each file.
 */
export async function identifyEachFile(
  files: readonly string[],
  index: AudioIndex,
  request: Omit<IdentifyAudioRequest, 'indexDir'>,
  onDone?: (done: number, total: number) => void,
): Promise<AudioIdentification[]> {
  const results: AudioIdentification[] = [];
  const workers = Math.min(request.workers ?? availableParallelism(), files.length);
  if (workers <= 1) {
    for (const file of files) {
      results.push(await identifyAudioFile(file, index, request));
      onDone?.(results.length, files.length);
    }
    return results;
  }
  if (!index.lookup || index.lookup.offsets.buffer instanceof ArrayBuffer) index.lookup = buildHashIndex(index.batches, true);
  const { offsets, times } = lookupOf(index);
  const setup = { params: index.params, decoder: request.decoder ?? 'auto', exhaustive: request.exhaustive, index: { offsets, times, recordings: index.recordings, nextFrame: index.nextFrame } };
  await runAudioTasks<AudioIdentification>(files, 'identify', workers, setup, (result) => {
    results.push(result);
    onDone?.(results.length, files.length);
  });
  return results;
}

/** Loads the index once (linking it to the registry when one is given) and identifies each query file. */
export async function identifyAudioFiles(files: readonly string[], request: IdentifyAudioRequest): Promise<AudioIdentification[]> {
  const index = await loadAudioIndex(request.indexDir);
  if (request.catalogue) await linkRecordings(index, request.catalogue);
  return identifyEachFile(files, index, request);
}
