import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { ClefError } from '../errors/clef-error.js';
import type { Finding } from '../errors/finding.js';
import { parseAudioManifest } from './audio-manifest.js';
import { addRecording, entryCount, type IndexedRecording } from './audio-index.js';
import { audioIndexBytes, loadAudioIndex, saveAudioIndex } from './audio-index-store.js';
import { decodeAudioFile, type DecoderChoice } from './decode-audio-file.js';
import { fingerprintSignal } from './fingerprint-signal.js';
import { listAudioFiles } from './list-audio-files.js';
import { linkRecordings } from './link-recordings.js';
import type { RecordingCatalogue } from './recording-catalogue.js';

/** What `clef audio index` needs: the target, the index folder and optionally a manifest and the registry. */
export interface IndexAudioRequest {
  readonly target: string;
  readonly indexDir: string;
  readonly manifest?: string;
  readonly decoder?: DecoderChoice;
  readonly catalogue?: RecordingCatalogue;
  readonly onProgress?: (done: number, total: number, file: string) => void;
}

/** The outcome of an indexing run. */
export interface IndexAudioResult {
  readonly added: readonly IndexedRecording[];
  /** Files whose audio was already indexed (same content digest); their manifest ISRC is applied if they had none. */
  readonly unchanged: readonly string[];
  readonly failed: readonly { file: string; code: string; message: string }[];
  readonly findings: readonly Finding[];
  readonly recordings: number;
  readonly indexedHours: number;
  readonly entries: number;
  readonly indexBytes: number;
  readonly bytesPerHour: number;
  readonly addedSeconds: number;
  readonly elapsedS: number;
}

/**
 * Indexes the audio files of a folder or one file, incrementally: audio already in the index (by SHA-256)
 * is not fingerprinted again. Manifest rows give each file its ISRC; with a registry catalogue, recordings
 * are linked to their registered recording ids. Files that cannot be decoded are reported and skipped.
 */
export async function indexAudio(request: IndexAudioRequest, now: () => number): Promise<IndexAudioResult> {
  const started = now();
  const index = await loadAudioIndex(request.indexDir, true);
  const storedBatches = index.batches.length;
  const isrcByFile = new Map<string, string>();
  const findings: Finding[] = [];
  if (request.manifest) {
    let text: string;
    try {
      text = await readFile(request.manifest, 'utf8');
    } catch (error) {
      throw new ClefError('CLEF_FILE_UNREADABLE', `cannot read manifest: ${(error as Error).message}`, { file: request.manifest });
    }
    const parsed = parseAudioManifest(text, dirname(resolve(request.manifest)), request.manifest);
    findings.push(...parsed.findings);
    for (const entry of parsed.entries) isrcByFile.set(resolve(entry.file), entry.isrc);
  }
  const files = await listAudioFiles(request.target);
  const byDigest = new Map(index.recordings.map((recording) => [recording.digest, recording]));
  const added: IndexedRecording[] = [];
  const unchanged: string[] = [];
  const failed: { file: string; code: string; message: string }[] = [];
  let addedSeconds = 0;
  // The next file is read and decoded while the current one is fingerprinted: with ffmpeg, decoding runs in
  // its own process, so the two overlap.
  const load = async (file: string): Promise<{ digest: string; samples?: Float32Array }> => {
    const bytes = await readFile(file).catch((error: Error) => {
      throw new ClefError('CLEF_FILE_UNREADABLE', `cannot read: ${error.message}`, { file });
    });
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (byDigest.has(digest)) return { digest };
    return { digest, samples: await decodeAudioFile(file, index.params.sampleRate, request.decoder) };
  };
  const settle = (file: string) =>
    load(file).then(
      (value) => ({ value, error: undefined }),
      (error: unknown) => ({ value: undefined, error }),
    );
  let next = files.length > 0 ? settle(files[0]) : undefined;
  for (const [n, file] of files.entries()) {
    request.onProgress?.(n, files.length, file);
    const loaded = await next!;
    next = n + 1 < files.length ? settle(files[n + 1]) : undefined;
    const isrc = isrcByFile.get(resolve(file));
    try {
      if (loaded.error !== undefined) throw loaded.error;
      const { digest, samples } = loaded.value!;
      const known = byDigest.get(digest);
      if (known || !samples) {
        if (known && isrc && !known.isrc) known.isrc = isrc;
        unchanged.push(file);
        continue;
      }
      const fingerprint = await fingerprintSignal(samples, index.params);
      const title = basename(file, extname(file));
      const { recording } = addRecording(index, { isrc, title, file, digest }, fingerprint);
      byDigest.set(digest, recording);
      added.push(recording);
      addedSeconds += fingerprint.durationS;
    } catch (error) {
      if (!(error instanceof ClefError)) throw error;
      failed.push({ file, code: error.code, message: error.message });
    }
  }
  request.onProgress?.(files.length, files.length, '');
  if (request.catalogue) await linkRecordings(index, request.catalogue);
  await saveAudioIndex(request.indexDir, index, storedBatches);
  const indexBytes = await audioIndexBytes(request.indexDir);
  const indexedHours = index.recordings.reduce((sum, r) => sum + r.frameCount, 0) * (index.params.hop / index.params.sampleRate) / 3600;
  return {
    added,
    unchanged,
    failed,
    findings,
    recordings: index.recordings.length,
    indexedHours,
    entries: entryCount(index),
    indexBytes,
    bytesPerHour: indexedHours > 0 ? indexBytes / indexedHours : 0,
    addedSeconds,
    elapsedS: (now() - started) / 1000,
  };
}
