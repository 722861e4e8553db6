import { ClefError } from '../../errors/clef-error.js';
import { existsSync } from 'node:fs';
import type { DecoderChoice, RecordingCatalogue } from '../../audio/index.js';
import { defaultIndexDir } from '../../audio/audio-index-store.js';
import { defaultStoreLocation, isPostgresLocation } from '../../store/store-location.js';
import { currentIo } from '../cli-io.js';
import { lazily } from '../lazily.js';
import { openRegistryForReading } from '../open-registry-for-reading.js';

const registryRecordingCatalogue = lazily(() => import('../../audio/use-cases/registry-recording-catalogue.js'), 'registryRecordingCatalogue');

/** The options every `clef audio` command shares. */
export interface AudioCommandOptions {
  readonly db?: string;
  readonly index?: string;
  readonly decoder?: string;
  readonly json?: boolean;
  readonly workers?: string;
}

/** The index folder: `--index`, else beside the `--db` store. */
export function audioIndexDirOf(options: AudioCommandOptions): string {
  return options.index ?? defaultIndexDir(options.db ?? defaultStoreLocation(currentIo().env));
}

/** The `--decoder` choice, checked. */
export function decoderOf(options: AudioCommandOptions): DecoderChoice {
  const choice = options.decoder ?? 'auto';
  if (choice !== 'auto' && choice !== 'ffmpeg' && choice !== 'js') {
    throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--decoder must be auto, ffmpeg or js, not ${choice}`, { field: 'decoder', value: choice });
  }
  return choice;
}

/** The `--workers` count (threads that decode and fingerprint), checked; undefined means one per core. */
export function workersOf(options: AudioCommandOptions): number | undefined {
  if (options.workers === undefined) return undefined;
  const count = Number(options.workers);
  if (!Number.isInteger(count) || count < 1) {
    throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--workers must be a whole number of at least 1, not ${options.workers}`, { field: 'workers', value: options.workers });
  }
  return count;
}

/**
 * The registry's recordings, when a store exists at `--db` (or CLEF_DB): matches then carry recording ids and
 * `--recording` takes an id. Without a store the index works on the manifest's ISRCs alone; none is created.
 */
export async function catalogueOf(options: AudioCommandOptions): Promise<RecordingCatalogue | undefined> {
  const location = options.db ?? defaultStoreLocation(currentIo().env);
  if (!isPostgresLocation(location) && !existsSync(location)) return undefined;
  return registryRecordingCatalogue(await openRegistryForReading(location));
}
