import { isClefError, exitCodeOf } from '../errors/index.js';
import { currentIo } from './cli-io.js';

/** Prints an error for a person (code and located message, no stack for known errors) and returns the exit status. */
export function reportFailure(error: unknown): number {
  const { stderr } = currentIo();
  if (isClefError(error)) {
    stderr.write(`clef: ${error.code}: ${error.message}\n`);
    return exitCodeOf(error.code);
  }
  stderr.write(`clef: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 70;
}
