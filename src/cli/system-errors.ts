import { accessSync, constants } from 'node:fs';
import { ClefError, systemErrorReasons, unreadableFileError } from '../errors/index.js';
import { diskFullError, lostConnectionError, outOfMemoryError } from '../store/store-open-errors.js';

const writingCalls = new Set(['mkdir', 'rename', 'write', 'copyfile', 'symlink', 'link', 'unlink', 'rmdir', 'rm', 'chmod', 'utime']);

/**
 * The coded error a person can act on for a system error reaching the edge of the program, or undefined when
 * it is not one: a file that cannot be read (CLEF_FILE_UNREADABLE), a file or folder that cannot be written
 * (CLEF_OUTPUT_UNWRITABLE), a full disk (CLEF_DISK_FULL), each naming the path; the database out of memory
 * (CLEF_STORE_OUT_OF_MEMORY); a PostgreSQL session the server ended (CLEF_STORE_UNREACHABLE).
 */
export function translateSystemError(error: unknown): ClefError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  const full = diskFullError(error, path ?? 'to disk') ?? outOfMemoryError(error) ?? lostConnectionError(error);
  if (full) return full;
  if (code === undefined || path === undefined || !(code in systemErrorReasons)) return undefined;
  if (writes(syscall, code, path)) return new ClefError('CLEF_OUTPUT_UNWRITABLE', `cannot write ${path}: ${systemErrorReasons[code]}; choose another place or fix its permissions`);
  return unreadableFileError(error, path);
}

// An `open` error does not say whether the file was opened to read or to write: a file that can be read, or
// does not exist, was being written.
function writes(syscall: string | undefined, code: string, path: string): boolean {
  if (syscall !== undefined && writingCalls.has(syscall)) return true;
  if (code === 'EROFS' || code === 'EEXIST') return true;
  if (code !== 'EACCES' && code !== 'EPERM') return false;
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
