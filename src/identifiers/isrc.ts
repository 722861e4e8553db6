import { accepted, refused, type IdentifierResult } from './identifier-result.js';
import { compactIdentifier } from './compact-identifier.js';

/**
 * An International Standard Recording Code (ISO 3901), stored compact: `USUM70600055`.
 * It has no check digit, and real data reuses ISRCs, so it is never a safe matching key on its own.
 */
export type Isrc = string & { readonly __brand: 'Isrc' };

/** The compact form of an ISRC as typed (hyphens, spaces and an `ISRC:` label removed, uppercased), not yet checked. */
export function normalizeIsrc(text: string): string {
  return compactIdentifier(text, 'ISRC');
}

/** Which of the four ISRC elements is wrong, for a reason a person can act on. */
function isrcProblem(compact: string): string {
  if (compact.length !== 12) return `expected 12 characters CC-XXX-YY-NNNNN, found ${compact.length}`;
  if (!/^[A-Z]{2}/.test(compact)) return `country code should be 2 letters, found ${compact.slice(0, 2)}`;
  if (!/^[A-Z0-9]{3}$/.test(compact.slice(2, 5))) return `registrant code should be 3 letters or digits, found ${compact.slice(2, 5)}`;
  if (!/^\d{2}$/.test(compact.slice(5, 7))) return `year of reference should be 2 digits, found ${compact.slice(5, 7)}`;
  return `designation code should be 5 digits, found ${compact.slice(7)}`;
}

/**
 * Parses an ISRC (`USUM70600055`, `US-UM7-06-00055`, `us um7 06 00055`).
 * @example parseIsrc('US-UM7-06-00055') // { ok: true, value: 'USUM70600055' }
 */
export function parseIsrc(text: string): IdentifierResult<Isrc> {
  const compact = normalizeIsrc(text);
  if (!/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/.test(compact)) return refused(isrcProblem(compact), 'shape');
  return accepted(compact as Isrc);
}

/** True when the text is a well-formed ISRC. */
export function isValidIsrc(text: string): boolean {
  return parseIsrc(text).ok;
}

/** The display form of an ISRC: `US-UM7-06-00055`. */
export function formatIsrc(isrc: Isrc): string {
  return `${isrc.slice(0, 2)}-${isrc.slice(2, 5)}-${isrc.slice(5, 7)}-${isrc.slice(7)}`;
}
