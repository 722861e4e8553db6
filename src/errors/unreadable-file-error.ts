import { ClefError } from './clef-error.js';

/** What a person reads for the system error codes a file path can meet. */
export const systemErrorReasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EROFS: 'the disk is read-only',
  EEXIST: 'it already exists',
  EMFILE: 'too many open files',
};

/**
 * CLEF_FILE_UNREADABLE naming the file for a system error met opening or reading an input file (missing,
 * a folder, not permitted), or undefined when the error is something else.
 */
export function unreadableFileError(error: unknown, path: string): ClefError | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !(code in systemErrorReasons) || code === 'EEXIST' || code === 'EROFS') return undefined;
  return new ClefError('CLEF_FILE_UNREADABLE', `cannot read ${path}: ${systemErrorReasons[code]}`);
}
