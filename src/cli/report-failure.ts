import { isClefError, exitCodeOf } from '../errors/index.js';
import { currentIo } from './cli-io.js';
import { visibleText } from './output.js';
import { translateSystemError } from './system-errors.js';

/**
 * Prints an error for a person (code and located message, no stack for known errors) and returns the exit status.
 * System errors a person can cause (a missing file, a folder that cannot be made, a full disk) are told as their
 * coded errors; only a fault of Clef itself prints a stack, with status 70.
 */
export function reportFailure(error: unknown): number {
  const { stderr } = currentIo();
  const known = isClefError(error) ? error : translateSystemError(error);
  if (known) {
    stderr.write(`clef: ${known.code}: ${visibleText(known.message)}\n`);
    return exitCodeOf(known.code);
  }
  stderr.write(`clef: unexpected failure: ${visibleText(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  return 70;
}
