export { ClefError, isClefError } from './clef-error.js';
export { errorCodes, type ErrorCode } from './error-codes.js';
export { formatLocation, type Location } from './location.js';
export type { Finding, Severity } from './finding.js';
export { exitCodeOf, httpStatusOf } from './error-status.js';
export { systemErrorReasons, unreadableFileError } from './unreadable-file-error.js';
