import { formatLocation, type Location } from './location.js';
import type { ErrorCode } from './error-codes.js';

/** The one error type of Clef: a documented code, a message and where the problem is. */
export class ClefError extends Error {
  readonly code: ErrorCode;
  readonly location?: Location;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, location?: Location, details?: unknown) {
    const where = formatLocation(location);
    super(where ? `${where}: ${message}` : message);
    this.name = 'ClefError';
    this.code = code;
    this.location = location;
    this.details = details;
  }
}

/** True when `error` is a ClefError, optionally with the given code. */
export function isClefError(error: unknown, code?: ErrorCode): error is ClefError {
  return error instanceof ClefError && (code === undefined || error.code === code);
}
