import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, resolve } from 'node:path';
import { ClefError } from '../errors/clef-error.js';
import type { Finding } from '../errors/finding.js';
import { parseAudioManifest } from './audio-manifest.js';
import { addRecordingHashes, entryCount, type IndexedRecording } from './audio-index.js';
import { audioIndexBytes, loadAudioIndex, saveAudioIndex } from './audio-index-store.js';
import { runAudioTasks } from './audio-worker-pool.js';
import type { DecoderChoice } from './decode-audio-file.js';
import { digestFile, hashFileForIndex, type IndexTaskResult } from './fingerprint-audio-file.js';
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
  /** Worker threads that decode and hash files (default: one per core); 1 does it all in this thread. */
  readonly workers?: number;
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
  // Digests first (streamed, cheap): audio already indexed, or met earlier in this run, is never decoded.
  const digests: ({ digest: string } | { failure: { code: string; message: string } })[] = [];
  const firstWith = new Map<string, number>();
  for (const [n, file] of files.entries()) {
    try {
      const digest = await digestFile(file);
      digests.push({ digest });
      if (!byDigest.has(digest) && !firstWith.has(digest)) firstWith.set(digest, n);
    } catch (error) {
      if (!(error instanceof ClefError)) throw error;
      digests.push({ failure: { code: error.code, message: error.message } });
    }
  }
  const failedDigests = new Map<string, { code: string; message: string }>();
  const settle = (n: number, result?: IndexTaskResult) => {
    const file = files[n];
    request.onProgress?.(n + 1, files.length, file);
    const entry = digests[n];
    if ('failure' in entry) return void failed.push({ file, ...entry.failure });
    const isrc = isrcByFile.get(resolve(file));
    const known = byDigest.get(entry.digest);
    // The same bytes as a file that could not be decoded fail the same way.
    const earlierFailure = failedDigests.get(entry.digest);
    if (earlierFailure) return void failed.push({ file, ...earlierFailure });
    if (known || !result) {
      if (known && isrc && !known.isrc) known.isrc = isrc;
      return void unchanged.push(file);
    }
    if ('failure' in result) {
      failedDigests.set(entry.digest, result.failure);
      return void failed.push({ file, ...result.failure });
    }
    const title = basename(file, extname(file));
    const { recording } = addRecordingHashes(index, { isrc, title, file, digest: entry.digest }, result.audio);
    byDigest.set(entry.digest, recording);
    added.push(recording);
    addedSeconds += result.audio.durationS;
  };
  const decode = [...firstWith.values()].sort((a, b) => a - b);
  let settled = 0;
  // Files are decoded and hashed on every core; the index takes them in file order, so it is the same index
  // whatever the number of threads.
  const deliver = (result: IndexTaskResult, k: number) => {
    while (settled < decode[k]) settle(settled++);
    settle(settled++, result);
  };
  const decoder = request.decoder ?? 'auto';
  const workers = Math.min(request.workers ?? availableParallelism(), decode.length);
  if (workers <= 1) {
    for (const [k, n] of decode.entries()) deliver(await hashFileForIndex(files[n], index.params, decoder), k);
  } else {
    await runAudioTasks<IndexTaskResult>(decode.map((n) => files[n]), 'index', workers, { params: index.params, decoder }, deliver);
  }
  while (settled < files.length) settle(settled++);
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
