import { ClefError } from '../errors/clef-error.js';

/** The error for a malformed or hostile container: names the format, the byte offset and what is wrong. */
export function fileMalformed(format: string, offset: number, message: string): ClefError {
  return new ClefError('CLEF_LABEL_FILE_MALFORMED', `${format} at byte ${offset}: ${message}`, { column: offset, recordType: format });
}
