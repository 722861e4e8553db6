import { errorCodes, type ErrorCode } from './error-codes.js';

/** The HTTP status an error code maps to. */
export function httpStatusOf(code: ErrorCode): number {
  return errorCodes[code].status;
}

/** The CLI exit status an error code maps to. */
export function exitCodeOf(code: ErrorCode): number {
  return errorCodes[code].exit;
}
