import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ClefError } from '../errors/clef-error.js';
import { createAudioIndex, type AudioIndex, type IndexedRecording } from './audio-index.js';
import { defaultFingerprintParams, type FingerprintParams } from './fingerprint-params.js';
import type { HashBatch } from './hash-index.js';

/** The catalogue file of an index folder: format, settings, recordings and segment list (docs/audio.md). */
interface IndexCatalogueFile {
  format: 'clef-audio-index';
  version: 1;
  params: FingerprintParams;
  nextFrame: number;
  segments: string[];
  recordings: IndexedRecording[];
}

const catalogueName = 'index.json';
const segmentMagic = 'CLEFAIX1';
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The default index folder for a store: `<db path>.audio` beside a database file, `./clef.audio` for a server URL. */
export function defaultIndexDir(db: string | undefined): string {
  if (!db || /^postgres(ql)?:\/\//.test(db)) return 'clef.audio';
  return `${db}.audio`;
}

/** True when an index folder holds an index. */
export function audioIndexExists(dir: string): boolean {
  return existsSync(join(dir, catalogueName));
}

/** Loads an index folder, or returns an empty index when `createIfMissing` and none exists yet. */
export async function loadAudioIndex(dir: string, createIfMissing = false): Promise<AudioIndex> {
  if (!audioIndexExists(dir)) {
    if (createIfMissing) return createAudioIndex(defaultFingerprintParams);
    throw new ClefError('CLEF_AUDIO_INDEX_MISSING', `no audio index in ${dir}; build one with \`clef audio index\``, { file: dir });
  }
  let catalogue: IndexCatalogueFile;
  try {
    catalogue = JSON.parse(await readFile(join(dir, catalogueName), 'utf8')) as IndexCatalogueFile;
  } catch (error) {
    throw new ClefError('CLEF_AUDIO_INDEX_INVALID', `unreadable index catalogue: ${(error as Error).message}`, { file: join(dir, catalogueName) });
  }
  if (catalogue.format !== 'clef-audio-index' || catalogue.version !== 1) {
    throw new ClefError('CLEF_AUDIO_INDEX_INVALID', `not a version 1 Clef audio index`, { file: join(dir, catalogueName) });
  }
  if (JSON.stringify(catalogue.params) !== JSON.stringify(defaultFingerprintParams)) {
    throw new ClefError('CLEF_AUDIO_INDEX_INVALID', 'the index was built with other fingerprint settings; rebuild it', { file: join(dir, catalogueName) });
  }
  const index = createAudioIndex(catalogue.params);
  index.recordings.push(...catalogue.recordings);
  index.nextFrame = catalogue.nextFrame;
  for (const segment of catalogue.segments) index.batches.push(await readSegment(join(dir, segment)));
  return index;
}

async function readSegment(path: string): Promise<HashBatch> {
  const bytes = await readFile(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = bytes.length >= 16 ? view.getUint32(8, true) : -1;
  if (bytes.subarray(0, 8).toString('latin1') !== segmentMagic || bytes.length !== 16 + count * 8) {
    throw new ClefError('CLEF_AUDIO_INDEX_INVALID', 'damaged index segment (bad header or length)', { file: path });
  }
  // Copied (one memcpy each) into aligned arrays: a Buffer's offset into its pool need not be a multiple of 4.
  // The file is little-endian, as is every platform Node runs on in practice; others read value by value.
  if (littleEndian) {
    const start = bytes.byteOffset + 16;
    const hashes = new Uint32Array(bytes.buffer.slice(start, start + count * 4));
    const times = new Uint32Array(bytes.buffer.slice(start + count * 4, start + count * 8));
    return { hashes, times };
  }
  const hashes = new Uint32Array(count);
  const times = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    hashes[i] = view.getUint32(16 + i * 4, true);
    times[i] = view.getUint32(16 + count * 4 + i * 4, true);
  }
  return { hashes, times };
}

function encodeSegment(batches: readonly HashBatch[]): Uint8Array {
  const count = batches.reduce((sum, batch) => sum + batch.hashes.length, 0);
  const bytes = new Uint8Array(16 + count * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 8; i++) bytes[i] = segmentMagic.charCodeAt(i);
  view.setUint32(8, count, true);
  let at = 0;
  for (const batch of batches) {
    for (let i = 0; i < batch.hashes.length; i++, at++) {
      view.setUint32(16 + at * 4, batch.hashes[i], true);
      view.setUint32(16 + count * 4 + at * 4, batch.times[i], true);
    }
  }
  return bytes;
}

/**
 * Saves an index incrementally: the batches added since loading go into one new segment file, then the
 * catalogue is replaced in one rename, so an interrupted run leaves the previous index intact.
 */
export async function saveAudioIndex(dir: string, index: AudioIndex, storedBatches: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const previous = audioIndexExists(dir) ? (JSON.parse(await readFile(join(dir, catalogueName), 'utf8')) as IndexCatalogueFile).segments : [];
  const segments = [...previous];
  const fresh = index.batches.slice(storedBatches);
  if (fresh.length > 0) {
    const name = `segment-${String(segments.length + 1).padStart(6, '0')}.bin`;
    await writeFile(join(dir, name), encodeSegment(fresh));
    segments.push(name);
  }
  const catalogue: IndexCatalogueFile = {
    format: 'clef-audio-index',
    version: 1,
    params: index.params,
    nextFrame: index.nextFrame,
    segments,
    recordings: index.recordings,
  };
  const temporary = join(dir, `${catalogueName}.tmp`);
  await writeFile(temporary, `${JSON.stringify(catalogue)}\n`);
  await rename(temporary, join(dir, catalogueName));
}

/** Total bytes of an index folder's catalogue and segments. */
export async function audioIndexBytes(dir: string): Promise<number> {
  if (!audioIndexExists(dir)) return 0;
  const catalogue = JSON.parse(await readFile(join(dir, catalogueName), 'utf8')) as IndexCatalogueFile;
  let total = (await stat(join(dir, catalogueName))).size;
  for (const segment of catalogue.segments) total += (await stat(join(dir, segment))).size;
  return total;
}
