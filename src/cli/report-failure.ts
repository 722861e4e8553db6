import { isClefError, exitCodeOf } from '../errors/index.js';

/** Prints an error for a person (code and located message, no stack for known errors) and returns the exit status. */
export function reportFailure(error: unknown): number {
  if (isClefError(error)) {
    process.stderr.write(`clef: ${error.code}: ${error.message}\n`);
    return exitCodeOf(error.code);
  }
  if (error instanceof Error && (error as { code?: string }).code?.startsWith('commander.')) return 2;
  process.stderr.write(`clef: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 70;
}
