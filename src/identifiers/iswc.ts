import { accepted, refused, type IdentifierResult } from './identifier-result.js';
import { cisacCheckDigit } from './cisac-check-digit.js';
import { compactIdentifier } from './compact-identifier.js';

/** An International Standard Musical Work Code (ISO 15707), stored compact: `T0345246801`. */
export type Iswc = string & { readonly __brand: 'Iswc' };

/** The compact form of an ISWC as typed (separators and an `ISWC:` label removed, uppercased), not yet checked. */
export function normalizeIswc(text: string): string {
  return compactIdentifier(text, 'ISWC');
}

const compactShape = /^T\d{10}$/;

/**
 * Parses an ISWC in any usual notation (`T-034.524.680-1`, `T0345246801`, `t 034 524 680 1`).
 * @example parseIswc('T-034.524.680-2') // { ok: false, reason: 'check digit should be 1, found 2', ... }
 */
export function parseIswc(text: string): IdentifierResult<Iswc> {
  const compact = normalizeIswc(text);
  if (!compactShape.test(compact)) return refused(`expected T + 10 digits, found ${JSON.stringify(text)}`, 'shape');
  const expected = cisacCheckDigit(compact, 1, 1);
  const found = Number(compact[10]);
  if (expected !== found) return refused(`check digit should be ${expected}, found ${found}`, 'check');
  return accepted(compact as Iswc);
}

/**
 * True when the text is already a compact ISWC (`T` and 10 digits) with the right check digit: the allocation-free
 * check a reader of millions of DSR cells takes before the general `parseIswc`.
 */
export function isCompactIswc(text: string): boolean {
  return compactShape.test(text) && cisacCheckDigit(text, 1, 1) === text.charCodeAt(10) - 48;
}

/** True when the text is a valid ISWC in any usual notation. */
export function isValidIswc(text: string): boolean {
  return parseIswc(text).ok;
}

/**
 * The ISWC whose nine digits are given, with its check digit: numbers for generated catalogues and test data.
 * @example iswcWithCheckDigit('034524680') // 'T0345246801'
 */
export function iswcWithCheckDigit(nineDigits: string): Iswc {
  return `T${nineDigits}${cisacCheckDigit(nineDigits, 1)}` as Iswc;
}

/** The display form of an ISWC: `T-034.524.680-1`. */
export function formatIswc(iswc: Iswc): string {
  return `T-${iswc.slice(1, 4)}.${iswc.slice(4, 7)}.${iswc.slice(7, 10)}-${iswc[10]}`;
}
