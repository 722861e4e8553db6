import type { FingerprintParams } from './fingerprint-params.js';
import { buildHashIndex, type HashBatch, type HashIndex } from './hash-index.js';
import { landmarkHashes } from './landmark-hashes.js';
import type { SignalFingerprint } from './fingerprint-signal.js';

/** What the index knows of one indexed recording: its identifiers, source and place on the global timeline. */
export interface IndexedRecording {
  /** The ISRC given in the manifest (compact), if any: the key until the recording is registered. */
  isrc?: string;
  /** The registry's recording id, once linked. */
  recordingId?: string;
  title?: string;
  /** The indexed file as given, and the SHA-256 of its bytes (the same audio is never indexed twice). */
  readonly file: string;
  readonly digest: string;
  readonly startFrame: number;
  readonly frameCount: number;
  readonly hashCount: number;
}

/**
 * The audio index in memory: recordings laid end to end on one frame timeline (with gaps, so no alignment
 * spans two recordings), the hash batches as stored, and the lookup table built from them when first needed.
 */
export interface AudioIndex {
  readonly params: FingerprintParams;
  readonly recordings: IndexedRecording[];
  readonly batches: HashBatch[];
  nextFrame: number;
  lookup?: HashIndex;
}

/** Frames left empty after each recording (about 33 s), wider than any alignment tolerance. */
const gapFrames = 4096;

/** An index with no recordings. */
export function createAudioIndex(params: FingerprintParams): AudioIndex {
  return { params, recordings: [], batches: [], nextFrame: 0 };
}

/** Adds a fingerprinted recording to the index and returns its entry and its hash batch (for storage). */
export function addRecording(
  index: AudioIndex,
  meta: Pick<IndexedRecording, 'isrc' | 'recordingId' | 'title' | 'file' | 'digest'>,
  fingerprint: SignalFingerprint,
): { recording: IndexedRecording; batch: HashBatch } {
  const pairs = landmarkHashes(fingerprint.peaks, index.params);
  return addRecordingHashes(index, meta, { hashes: pairs.hashes, frames: pairs.frames, frameCount: fingerprint.frameCount });
}

/**
 * Adds a recording whose landmark hashes were computed elsewhere (a worker thread): `frames[i]` is the anchor
 * frame of `hashes[i]` counted from the recording's start. The recording is placed at the end of the timeline.
 */
export function addRecordingHashes(
  index: AudioIndex,
  meta: Pick<IndexedRecording, 'isrc' | 'recordingId' | 'title' | 'file' | 'digest'>,
  audio: { readonly hashes: Uint32Array; readonly frames: ArrayLike<number>; readonly frameCount: number },
): { recording: IndexedRecording; batch: HashBatch } {
  const startFrame = index.nextFrame;
  const times = new Uint32Array(audio.frames.length);
  for (let i = 0; i < times.length; i++) times[i] = startFrame + audio.frames[i];
  const batch = { hashes: audio.hashes, times };
  const recording: IndexedRecording = { ...meta, startFrame, frameCount: audio.frameCount, hashCount: batch.hashes.length };
  index.recordings.push(recording);
  index.batches.push(batch);
  index.nextFrame = startFrame + audio.frameCount + gapFrames;
  index.lookup = undefined;
  return { recording, batch };
}

/** The lookup table of the index, built on first use after a change. */
export function lookupOf(index: AudioIndex): HashIndex {
  index.lookup ??= buildHashIndex(index.batches);
  return index.lookup;
}

/** The recording whose span (with its trailing gap) holds a global frame, by binary search. */
export function recordingAt(index: AudioIndex, globalFrame: number): IndexedRecording | undefined {
  const list = index.recordings;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].startFrame <= globalFrame) lo = mid + 1;
    else hi = mid - 1;
  }
  const found = list[hi];
  return found && globalFrame < found.startFrame + found.frameCount + gapFrames ? found : undefined;
}

/** The number of hash entries in the index. */
export function entryCount(index: AudioIndex): number {
  return index.batches.reduce((sum, batch) => sum + batch.hashes.length, 0);
}
