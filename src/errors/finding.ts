import type { ErrorCode } from './error-codes.js';
import type { Location } from './location.js';

/**
 * A problem a file parser or validator found and went on past.
 * Severities follow CWR (ER entire file, GR group, TR transaction, RR record, FR field)
 * plus `warning` and `error` for formats without that scale.
 */
export type Severity = 'ER' | 'GR' | 'TR' | 'RR' | 'FR' | 'error' | 'warning';

/** One located finding: a documented code, a severity, a message and where. */
export interface Finding {
  readonly code: ErrorCode;
  readonly severity: Severity;
  readonly message: string;
  readonly location: Location;
}
