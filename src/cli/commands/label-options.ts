import { resolve } from 'node:path';
import { currentIo } from '../cli-io.js';

/** The key folder a label or keys command uses: `--keys DIR`, else $CLEF_KEYS, else ./clef-keys. */
export function keyFolderOf(option: string | undefined): string {
  return resolve(option ?? currentIo().env.CLEF_KEYS ?? 'clef-keys');
}

/** The help text of the `--keys` option. */
export const KEYS_OPTION_HELP = 'key folder (default: $CLEF_KEYS or ./clef-keys)';
