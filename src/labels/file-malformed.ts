import { ClefError } from '../errors/clef-error.js';

/** The error for a malformed or hostile container: names the format, the byte offset and what is wrong. */
export function fileMalformed(format: string, offset: number, message: string): ClefError {
  return new ClefError('CLEF_LABEL_FILE_MALFORMED', `${format} at byte ${offset}: ${message}`);
}

/** Runs a label use case on a file, naming the file in any coded error it throws. */
export async function naming<T>(file: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ClefError && !error.location?.file) throw new ClefError(error.code, error.message, { ...error.location, file }, error.details);
    throw error;
  }
}
