import { ClefError } from '../errors/clef-error.js';

/**
 * Why an identifier was refused: `shape` when the text is not that kind of identifier at all,
 * `check` when the shape fits but the check digit or character is wrong (callers reading
 * third-party files may downgrade the latter to a warning).
 */
export type IdentifierProblem = 'shape' | 'check';

/** The outcome of parsing an identifier: its normalized, checked value, or a reason a person understands. */
export type IdentifierResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string; readonly problem: IdentifierProblem };

/** A successful parse. */
export function accepted<T>(value: T): IdentifierResult<T> {
  return { ok: true, value };
}

/** A refused parse with its reason. */
export function refused<T>(reason: string, problem: IdentifierProblem): IdentifierResult<T> {
  return { ok: false, reason, problem };
}

/**
 * The value of a parse result, or a `CLEF_ID_INVALID` error naming the field and the value,
 * for code that must refuse invalid data rather than collect findings.
 * @example requireIdentifier(parseIswc(row.iswc), 'ISWC', row.iswc)
 */
export function requireIdentifier<T>(result: IdentifierResult<T>, field: string, value: string): T {
  if (result.ok) return result.value;
  throw new ClefError('CLEF_ID_INVALID', `${field} ${JSON.stringify(value)} is invalid: ${result.reason}`, { field, value });
}
