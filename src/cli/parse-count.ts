import { ClefError } from '../errors/index.js';

/**
 * A commander option parser for a count (`--limit`, `--lines`): a whole number of at least 1, `_` allowed
 * as a digit separator. Anything else (`abc`, `-5`, `1.5`, `1e3`) is refused with CLEF_USAGE_INVALID_ARGUMENT
 * rather than ignored or passed to the database.
 */
export function parseCount(option: string): (text: string) => number {
  return (text: string) => {
    const digits = text.replace(/_/g, '');
    const n = Number(digits);
    if (!/^\d+$/.test(digits) || !Number.isSafeInteger(n) || n < 1) {
      throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `${option} ${JSON.stringify(text)} is not a whole number of at least 1`);
    }
    return n;
  };
}
