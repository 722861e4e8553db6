import { ClefError } from '../../errors/clef-error.js';
import { defaultIndexDir, type DecoderChoice } from '../../audio/index.js';

/** The options every `clef audio` command shares. */
export interface AudioCommandOptions {
  readonly db?: string;
  readonly index?: string;
  readonly decoder?: string;
  readonly json?: boolean;
}

/** The index folder: `--index`, else beside the `--db` store. */
export function audioIndexDirOf(options: AudioCommandOptions): string {
  return options.index ?? defaultIndexDir(options.db ?? process.env.CLEF_DB ?? './clef.duckdb');
}

/** The `--decoder` choice, checked. */
export function decoderOf(options: AudioCommandOptions): DecoderChoice {
  const choice = options.decoder ?? 'auto';
  if (choice !== 'auto' && choice !== 'ffmpeg' && choice !== 'js') {
    throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--decoder must be auto, ffmpeg or js, not ${choice}`, { field: 'decoder', value: choice });
  }
  return choice;
}
